// The only module that reads the environment and listens.
import {
  composeServer,
  createLog,
  listen,
  readSettingsOrExit,
} from "@repo/demo-kit";
import { createApp } from "./app.js";
import { attachRealtime } from "./realtime.js";

const DEFAULT_PORT = 8002; // next to ws-demo's 8001, so both can run at once

const log = createLog();
const settings = readSettingsOrExit("socketio-demo", process.env, {
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

listen(server, settings, log, {
  name: "socketio-demo",
  script: "socketio",
  describe:
    `push every ${settings.pushIntervalMs} ms, ` +
    `heartbeat ${settings.heartbeatSet ? `${settings.heartbeatMs} ms` : "Socket.IO's 25 s + 20 s"}, ` +
    `trusted proxies: ${settings.trustProxySetting}`,
  closeRealtime: realtime.close,
});
