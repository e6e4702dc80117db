// The whole program: settings, the HTTP server, Socket.IO beside Express,
// each lesson mounted on it, and listen. The only module that reads the
// environment and listens.
import { createServer } from "node:http";
import { setupWorker } from "@socket.io/sticky";
import { Server } from "socket.io";
import { createGuard, guardEveryRequest } from "@repo/http-guard";
import {
  createLog,
  loadRootEnvFileOrExit,
  LogBudget,
  readSettingsOrExit,
} from "@repo/demo-kit";
import {
  listen,
  pinSessionsBeforeAnswering,
  startCluster,
} from "@repo/cluster";
import { createApp } from "./app.js";
import { enableNoteBugs, readNoteBugsOrExit } from "./note-bugs.js";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol.js";
import { attachPush } from "./push.js";
import { attachRealtime, socketIoOptions } from "./realtime.js";
import { attachRooms } from "./rooms/attach.js";
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
// The Host and Origin rules; a flood of refused requests cannot fill the log.
const refusals = new LogBudget(log, {
  subject: "refusals",
  noun: "refused requests",
});
const guard = createGuard(settings, (line) => refusals.line(line));

// One HTTP server, and the order matters: Express first, then Socket.IO.
// Socket.IO takes the request listeners already there, answers
// /socket.io/* itself and hands the rest on; attached the other way
// round, Express would answer /socket.io/* too.
const app = createApp({ stats: () => realtime.stats() });
const server = createServer(app);
const io = new Server<ClientToServerEvents, ServerToClientEvents>(
  server,
  socketIoOptions(settings, roomsBackend),
);
const realtime = attachRealtime(server, io, guard, settings, log);
attachPush(realtime, settings, log); // lesson 1, in the namespace `/`
attachRooms(realtime, roomsBackend, log); // lesson 2, in `/rooms`

// Every HTTP request passes the Host rule first (DNS rebinding), whoever
// answers it: Express, Socket.IO's client script, engine.io's polling.
// It wraps the request listeners on the server now, so it comes last.
guardEveryRequest(server, guard);
// #endregion server

// NOTE_BUGS=1 adds the original note's handler, bugs and all, for teaching.
if (readNoteBugsOrExit("socketio-demo", process.env)) {
  enableNoteBugs(io, settings.pushIntervalMs, log);
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
    setupWorker(io);
    pinSessionsBeforeAnswering(io.engine);
  },
});
