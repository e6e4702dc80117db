// The only module that reads the environment and listens.
import {
  composeServer,
  createLog,
  listen,
  readSettingsOrExit,
} from "@repo/demo-kit";
import { createApp } from "./app.js";
import { enableNoteBugs, readNoteBugsOrExit } from "./note-bugs.js";
import { attachRealtime } from "./realtime.js";

const DEFAULT_PORT = 8001; // the seed's port

const log = createLog();
const settings = readSettingsOrExit("ws-demo", process.env, {
  port: DEFAULT_PORT,
});

// #region server
const { server, realtime } = composeServer(
  createApp,
  attachRealtime,
  settings,
  log,
);
// #endregion server

// NOTE_BUGS=1 adds the original note's handler, bugs and all, for teaching.
if (readNoteBugsOrExit("ws-demo", process.env)) {
  enableNoteBugs(realtime.wss, settings.pushIntervalMs, log);
}

listen(server, settings, log, {
  name: "ws-demo",
  script: "ws",
  describe:
    `push every ${settings.pushIntervalMs} ms, heartbeat ${settings.heartbeatMs} ms, ` +
    `trusted proxies: ${settings.trustProxySetting}`,
  closeRealtime: realtime.close,
});
