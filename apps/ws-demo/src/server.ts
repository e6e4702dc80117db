// The only module that reads the environment and listens.
import { createServer } from "node:http";
import { createLog, listen, readSettings, type Settings } from "@repo/demo-kit";
import { createApp } from "./app.js";
import { attachRealtime } from "./realtime.js";

const DEFAULT_PORT = 8001; // the seed's port

const log = createLog();
let settings: Settings;
try {
  settings = readSettings(process.env, { port: DEFAULT_PORT });
} catch (error) {
  console.error(`ws-demo: ${(error as Error).message}`);
  process.exit(1);
}

// #region server
// One HTTP server for both: Express answers requests, ws answers upgrades.
const server = createServer();
const realtime = attachRealtime(server, settings, log);
server.on("request", createApp({ stats: realtime.stats }));
// #endregion server

listen(server, settings, log, {
  name: "ws-demo",
  script: "ws",
  describe:
    `push every ${settings.pushIntervalMs} ms, heartbeat ${settings.heartbeatMs} ms, ` +
    `trusted proxies: ${settings.trustProxySetting}`,
  closeRealtime: realtime.close,
});
