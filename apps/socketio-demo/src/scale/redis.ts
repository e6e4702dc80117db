// Lesson 3 on Socket.IO: the rooms of every process through Redis, with
// the official Redis streams adapter. It carries what ws-demo writes by
// hand: broadcasts to a room on every process (`rooms.to(room).emit`),
// `fetchSockets()` across processes (presence), and connection state
// recovery on another process (sessions and missed packets kept in
// Redis). What it does not do, this file adds: the history (shared with
// ws-demo, in @repo/rooms/redis), presence counted by each process
// (presence.ts), noticing that a process died (process-gone.ts), and a
// quick "no" while Redis is away.
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import type { Namespace } from "socket.io";
import type { Adapter } from "socket.io-adapter";
import type { Log } from "@repo/demo-kit";
import {
  connectChatRedis,
  RedisAddressBudgets,
  RedisMessageLog,
} from "@repo/rooms/redis";
import type { RoomsBackend } from "../rooms/backend.js";
import { keepDuplicates } from "../workarounds/streams-adapter-readers.js";
import { tellWhoLeft } from "./process-gone.js";
import { presenceAcrossProcesses } from "./presence.js";

/** How often the process count is read to notice a process that died. */
const COUNT_EVERY_MS = 1000;

export async function connectRedisBackend(
  url: string,
  log: Log,
  app: string,
): Promise<RoomsBackend> {
  // #region connect
  // Two kinds of connection. The chat's own (history, the process
  // count) fails at once while Redis is away, so a `say` can be refused
  // then and there. The adapter's keeps ioredis's defaults: its reads
  // wait for Redis to come back (failing at once, its read loop would spin).
  const connection = await connectChatRedis(url, { app, log });
  const [redis] = connection.clients as [Redis];
  const adapterRedis = new Redis(url, {
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
    // A reader blocked on the stream does not see its connection end:
    // at shutdown, ioredis waits this long before it cuts it (2 s by default).
    disconnectTimeout: 100,
  });
  adapterRedis.on("error", () => {}); // said once, by connectChatRedis
  // Ready before the first request: until then, every chat request
  // would be answered `unavailable`.
  await new Promise<void>((resolve, reject) => {
    adapterRedis.once("ready", resolve);
    setTimeout(
      () => reject(new Error(`Redis at ${url} did not get ready in 5 s`)),
      5000,
    ).unref();
  });
  // The adapter opens more connections from this one (a reader that
  // waits up to 5 s on the stream, a subscriber). Closing, it lets the
  // reader finish its wait, which would hold shutdown: keep them, to end
  // them ourselves (a workaround, see its file).
  const duplicates = keepDuplicates(adapterRedis);
  // #endregion connect

  // #region adapter
  // The streams adapter (not the pub/sub one): it keeps connection state
  // recovery working across processes, because it keeps each session
  // and the packets a client missed in Redis.
  const streamsAdapter = createAdapter(adapterRedis);
  // #endregion adapter

  let rooms: Adapter | undefined;
  let processes = 0;
  let processGone = () => {};
  // #region process-gone
  // The adapter does not say when another process dies. It can count the
  // processes (those subscribed to its channel, which Redis drops as soon
  // as a killed process's connection closes): when the count goes down,
  // each room's members here are told who left (process-gone.ts), and
  // its presence is counted again. Counted once a second, and
  // whenever another process makes itself heard.
  function count() {
    void rooms
      ?.serverCount()
      .then((now) => {
        if (now < processes) processGone();
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
    messageLog: () => new RedisMessageLog(redis, app),
    addressBudgets: new RedisAddressBudgets(redis, app),
    reachable: () =>
      redis.status === "ready" && adapterRedis.status === "ready",
    presence(chat) {
      const presence = presenceAcrossProcesses(chat, count);
      processGone = () => tellWhoLeft(chat, presence);
      return presence;
    },
    async close() {
      clearInterval(counter);
      connection.stop();
      for (const copy of duplicates) copy.disconnect();
      // quit, not disconnect: what the adapter sent last (a leave said
      // while clients closed) gets its answer instead of an error.
      await adapterRedis.quit().catch(() => adapterRedis.disconnect());
    },
  };
  return backend;
}
