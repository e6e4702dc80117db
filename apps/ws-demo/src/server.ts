// The whole program: settings, the HTTP server, ws beside Express, each
// lesson mounted on it, and listen. The only module that reads the
// environment and listens.
import { createServer } from "node:http";
import { WebSocketServer } from "ws";
import { createGuard, guardEveryRequest } from "@repo/http-guard";
import {
  createLog,
  loadRootEnvFileOrExit,
  LogBudget,
  readSettingsOrExit,
} from "@repo/demo-kit";
import { listen, startCluster } from "@repo/cluster";
import { createApp } from "./app.js";
import { enableNoteBugs, readNoteBugsOrExit } from "./note-bugs.js";
import { attachPush } from "./push.js";
import { attachRealtime } from "./realtime.js";
import { attachRooms } from "./rooms/attach.js";
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
// The Host and Origin rules; a flood of refused requests cannot fill the log.
const refusals = new LogBudget(log, {
  subject: "refusals",
  noun: "refused requests",
});
const guard = createGuard(settings, (line) => refusals.line(line));

// One HTTP server: Express answers its requests, ws its upgrades. ws only
// listens for 'upgrade', so unlike Socket.IO it may come before or after.
const app = createApp({ stats: () => realtime.stats() });
const server = createServer(app);
// noServer: we route upgrades ourselves (realtime.ts). `{ server }` would
// take every upgrade on this HTTP server, whatever its path.
const wss = new WebSocketServer({
  noServer: true,
  maxPayload: settings.maxPayloadBytes,
  // The tracker already follows each connection to its end. ws's own
  // list (wss.clients) would be a second Set with a second 'close'
  // listener per client; we keep just the sockets shutdown must close.
  clientTracking: false,
});
const realtime = attachRealtime(server, wss, guard, settings, log);
attachPush(realtime, settings, log); // lesson 1, on /ws
attachRooms(realtime, roomsBackend, log); // lesson 2, on /ws/rooms

// Every HTTP request passes the Host rule first (DNS rebinding): it takes
// the request listeners already on the server, so it comes after them.
guardEveryRequest(server, guard);
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
