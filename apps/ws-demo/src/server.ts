// The only module that reads the environment and listens.
import {
  composeServer,
  createLog,
  loadRootEnvFileOrExit,
  readSettingsOrExit,
} from "@repo/demo-kit";
import { listen, startCluster } from "@repo/cluster";
import { createApp } from "./app.js";
import { enableNoteBugs, readNoteBugsOrExit } from "./note-bugs.js";
import { attachRealtime } from "./realtime.js";
import { createMemoryBackend } from "./rooms/backend.js";
import { connectRedisBackend } from "./scale/redis.js";

const DEFAULT_PORT = 8001; // the seed's port

const log = createLog();
// Settings from the .env file at the repository's root, for every shell;
// a variable set in the environment wins.
loadRootEnvFileOrExit("ws-demo", log);
const settings = readSettingsOrExit("ws-demo", process.env, {
  port: DEFAULT_PORT,
});

// Lesson 3: with WORKERS=N, the process started first becomes the primary:
// it hands connections to N workers and never gets past this line; each
// worker runs this file again and goes on.
await startCluster(settings, log, { name: "ws-demo", script: "ws" });

// #region scale-out
// Lesson 3: with REDIS_URL the rooms live in Redis, shared by every
// process of the app; without it, in this process. Nothing else changes.
const roomsBackend = settings.redisUrl
  ? await connectRedisBackend(settings.redisUrl, log, "ws-demo").catch(
      (error: Error) => {
        console.error(`ws-demo: ${error.message}`);
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
if (readNoteBugsOrExit("ws-demo", process.env)) {
  enableNoteBugs(realtime.wss, settings.pushIntervalMs, log);
}

listen(server, settings, log, {
  name: "ws-demo",
  script: "ws",
  describe:
    `push every ${settings.pushIntervalMs} ms, heartbeat ${settings.heartbeatMs} ms, ` +
    `trusted proxies: ${settings.trustProxySetting}` +
    (settings.redisUrl
      ? `, rooms shared in Redis at ${settings.redisUrl}`
      : ""),
  closeRealtime: realtime.close,
});
