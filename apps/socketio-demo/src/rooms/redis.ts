// Lesson 3 on Socket.IO: the rooms of every process through Redis, with
// the official Redis streams adapter. It carries what ws-demo writes by
// hand: broadcasts to a room on every process (`rooms.to(room).emit`),
// `fetchSockets()` across processes (presence), and connection state
// recovery on another process (sessions and missed packets kept in
// Redis). What it does not do, this file adds: the history (shared with
// ws-demo, in @repo/rooms/redis), noticing that a process died, and a
// quick "no" while Redis is away.
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import type { Namespace } from "socket.io";
import type { Adapter } from "socket.io-adapter";
import type { Log } from "@repo/demo-kit";
import { RedisMessageLog } from "@repo/rooms/redis";
import type { RoomsBackend } from "./backend.js";

/** How often the process count is read to notice a process that died. */
const COUNT_EVERY_MS = 1000;

export async function connectRedisBackend(
  url: string,
  log: Log,
  app: string,
): Promise<RoomsBackend> {
  // #region connect
  // Two kinds of connection. The chat's own commands (history, presence)
  // fail at once while Redis is away, so a `say` can be refused then and
  // there; every command gets 2 s, so a stalled Redis cannot hang it. The
  // adapter's connection keeps ioredis's defaults: its reads wait for
  // Redis to come back (failing at once, its read loop would spin).
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  });
  let lastError = "";
  redis.on("error", (error: Error) => {
    lastError = error.message;
  });
  try {
    await redis.connect();
  } catch {
    redis.disconnect();
    throw new Error(
      `cannot reach Redis at ${url} (${lastError || "no answer"}). ` +
        "Start it (redis-server, or: docker run -p 6379:6379 redis:7), " +
        "or unset REDIS_URL to keep the rooms in this one process.",
    );
  }
  const adapterRedis = new Redis(url, {
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  });
  adapterRedis.on("error", () => {}); // said once, below
  // #endregion connect

  // #region adapter
  // The streams adapter (not the pub/sub one): it keeps connection state
  // recovery working across processes, because it keeps each session
  // and the packets a client missed in Redis.
  const streamsAdapter = createAdapter(adapterRedis);
  // #endregion adapter

  // #region redis-lost
  // Lost: say so once; the app keeps serving, and the chat answers
  // `unavailable` until Redis is back. Back: say so.
  let lost = false;
  let closing = false;
  redis.on("close", () => {
    if (lost || closing) return;
    lost = true;
    log(
      `${app}: lost Redis at ${url}: chat messages are refused until it is back; retrying`,
    );
  });
  redis.on("ready", () => {
    if (!lost) return;
    lost = false;
    log(`${app}: Redis at ${url} is back; rooms are shared again`);
  });
  // #endregion redis-lost

  let rooms: Adapter | undefined;
  let processes = 0;
  // #region process-gone
  // The adapter does not say when another process dies. It can count the
  // processes (those subscribed to its channel, which Redis drops as soon
  // as a killed process's connection closes): when the count goes down,
  // the chat recomputes each room's presence. Counted once a second, and
  // whenever another process makes itself heard.
  function count() {
    void rooms
      ?.serverCount()
      .then((now) => {
        if (now < processes) backend.onProcessGone();
        processes = now;
      })
      .catch(() => {});
  }
  const counter = setInterval(count, COUNT_EVERY_MS);
  counter.unref();
  // #endregion process-gone

  const backend: RoomsBackend = {
    adapter(namespace: Namespace) {
      rooms = streamsAdapter(namespace);
      return rooms;
    },
    messageLog: () => new RedisMessageLog(redis),
    reachable: () =>
      redis.status === "ready" && adapterRedis.status === "ready",
    shared: true,
    peerHeard: count,
    onProcessGone: () => {},
    close() {
      closing = true;
      clearInterval(counter);
      redis.disconnect();
      // The adapter's own connections end when io.close() closes it.
      adapterRedis.disconnect();
      return Promise.resolve();
    },
  };
  return backend;
}
