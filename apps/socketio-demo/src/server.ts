// The only module that reads the environment and listens.
import {
  composeServer,
  createLog,
  listen,
  readSettingsOrExit,
  startCluster,
} from "@repo/demo-kit";
import { setupWorker } from "@socket.io/sticky";
import { createApp } from "./app.js";
import { enableNoteBugs, readNoteBugsOrExit } from "./note-bugs.js";
import { attachRealtime } from "./realtime.js";

const DEFAULT_PORT = 8002; // next to ws-demo's 8001, so both can run at once

const log = createLog();
const settings = readSettingsOrExit("socketio-demo", process.env, {
  port: DEFAULT_PORT,
});

// Lesson 3: with WORKERS=N, the process started first becomes the primary:
// it hands connections to N workers and never gets past this line; each
// worker runs this file again and goes on.
await startCluster(settings, log, {
  name: "socketio-demo",
  script: "socketio",
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
if (readNoteBugsOrExit("socketio-demo", process.env)) {
  enableNoteBugs(realtime.io, settings.pushIntervalMs, log);
}

listen(server, settings, log, {
  name: "socketio-demo",
  script: "socketio",
  describe:
    `push every ${settings.pushIntervalMs} ms, ` +
    `heartbeat ${settings.heartbeatSet ? `${settings.heartbeatMs} ms` : "Socket.IO's 25 s + 20 s"}, ` +
    `trusted proxies: ${settings.trustProxySetting}`,
  closeRealtime: realtime.close,
  // In a worker of WORKERS=N: every request of a polling session reaches
  // the worker that holds the session.
  takeConnections: () => setupWorker(realtime.io),
});
