// The only module that reads the environment and listens.
import {
  composeServer,
  createLog,
  loadRootEnvFileOrExit,
  readSettingsOrExit,
} from "@repo/demo-kit";
import {
  listen,
  pinSessionsBeforeAnswering,
  startCluster,
} from "@repo/cluster";
import { setupWorker } from "@socket.io/sticky";
import { createApp } from "./app.js";
import { enableNoteBugs, readNoteBugsOrExit } from "./note-bugs.js";
import { attachRealtime } from "./realtime.js";
import { createMemoryBackend } from "./rooms/backend.js";
import { connectRedisBackend } from "./scale/redis.js";

const DEFAULT_PORT = 8002; // next to ws-demo's 8001, so both can run at once

const log = createLog();
// Settings from the .env file at the repository's root, for every shell;
// a variable set in the environment wins.
loadRootEnvFileOrExit("socketio-demo", log);
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

// #region scale-out
// Lesson 3: with REDIS_URL the rooms go through Redis, shared by every
// process of the app; without it, they stay in this process.
const roomsBackend = settings.redisUrl
  ? await connectRedisBackend(settings.redisUrl, log, "socketio-demo").catch(
      (error: Error) => {
        console.error(`socketio-demo: ${error.message}`);
        process.exit(1);
      },
    )
  : createMemoryBackend();
// #endregion scale-out

// #region server
const { server, realtime } = composeServer(
  createApp,
  (server, settings, log) =>
    attachRealtime(server, settings, log, roomsBackend),
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
    `trusted proxies: ${settings.trustProxySetting}` +
    (settings.redisUrl
      ? `, rooms shared in Redis at ${settings.redisUrl}`
      : ""),
  closeRealtime: realtime.close,
  // In a worker of WORKERS=N: every request of a polling session reaches
  // the worker that holds the session, from its very first poll on.
  takeConnections: () => {
    setupWorker(realtime.io);
    pinSessionsBeforeAnswering(realtime.io.engine);
  },
});
