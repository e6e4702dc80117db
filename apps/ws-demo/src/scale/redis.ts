// Lesson 3 on plain ws: the rooms of every process in Redis, by hand.
// What Socket.IO's Redis adapter does for socketio-demo is written here:
//   - who is in each room: one Redis hash per room, shared by all;
//   - every event for a room goes through one Redis pub/sub channel, and
//     each process sends it to the members it holds itself;
//   - a process that dies is noticed by the others, which announce that
//     its members left;
//   - when Redis is lost and back, this process registers its members
//     again.
// The history is the shared capped stream of @repo/rooms/redis; the Lua
// scripts are in scripts.ts, the channel's events are read in events.ts.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Log } from "@repo/demo-kit";
import {
  connectChatRedis,
  historyArguments,
  historyKey,
  RedisAddressBudgets,
  RedisMessageLog,
} from "@repo/rooms/redis";
import type { RoomsBackend } from "../rooms/backend.js";
import { parseEvent } from "./events.js";
import { ANNOUNCE, JOIN, keysOf, SAY, SWEEP } from "./scripts.js";

/**
 * A process that has not said it is alive for this long is gone. It says
 * so every second, so a process whose event loop stalls for up to 3 s is
 * not taken for dead; the others look every second, so the members of one
 * that died hear within about 5 s that it left.
 */
const ALIVE_FOR_MS = 4000;
const HEARTBEAT_MS = 1000;
const SWEEP_MS = 1000;

/**
 * Connects to Redis and resolves with the backend, or rejects with a
 * sentence that says what to run or set.
 */
export async function connectRedisBackend(
  url: string,
  log: Log,
  app: string,
): Promise<RoomsBackend> {
  const keys = keysOf(app);
  // #region connect
  // Two connections: one for commands, one that only listens (a Redis
  // connection that subscribes can do nothing else).
  const connection = await connectChatRedis(url, {
    app,
    log,
    connections: 2,
    onBack: () => {
      registerAgain().catch((error: Error) =>
        log(`${app}: could not register members again: ${error.message}`),
      );
    },
  });
  const [redis, subscriber] = connection.clients as [Redis, Redis];
  await subscriber.subscribe(keys.channel);
  // #endregion connect
  const process = randomBytes(4).toString("hex");
  const fieldOf = (member: string) => `${process}|${member}`;
  const history = new RedisMessageLog(redis, app);
  /** This process's members, to register again after Redis comes back. */
  const mine = new Map<string, { room: string; name: string }>();

  const backend: RoomsBackend = {
    addressBudgets: new RedisAddressBudgets(redis, app),
    deliver: () => {},
    async join(room, member, name) {
      mine.set(`${member}\n${room}`, { room, name });
      const names = (await redis.eval(
        JOIN,
        2,
        keys.members(room),
        keys.roomsOf(process),
        fieldOf(member),
        name,
        room,
      )) as string[];
      return names.sort();
    },
    async leave(room, member) {
      mine.delete(`${member}\n${room}`);
      await redis.hdel(keys.members(room), fieldOf(member));
    },
    async announce(room, kind, member, name) {
      await redis.eval(
        ANNOUNCE,
        1,
        keys.members(room),
        fieldOf(member),
        room,
        kind,
        name,
        keys.channel,
        String(Date.now()),
      );
    },
    async say(room, member, name, text) {
      const at = Date.now();
      const id = (await redis.eval(
        SAY,
        1,
        historyKey(app, room),
        ...historyArguments(name, text, at),
        keys.channel,
        room,
        fieldOf(member),
      )) as string;
      return { room, id, name, text, at };
    },
    async typing(room, member, name) {
      await redis.publish(
        keys.channel,
        JSON.stringify({
          event: "typing",
          from: fieldOf(member),
          data: { room, name },
        }),
      );
    },
    since: (room, after) => history.since(room, after),
    async close() {
      clearInterval(heartbeat);
      clearInterval(sweeper);
      // Gone on purpose: say so at once rather than after ALIVE_FOR_MS.
      await Promise.allSettled([
        redis.del(keys.alive(process)),
        sweep(process),
      ]);
      connection.stop();
    },
  };

  // #region deliver
  // Every process gets every room's events; each sends them to its own
  // members (../rooms/chat.ts). The from field names a member by
  // "<process>|<id>": only the process that holds it can match it.
  subscriber.on("message", (_channel: string, text: string) => {
    const event = parseEvent(text);
    if (!event) return;
    if ("from" in event) {
      const [owner, member] = event.from.split("|");
      backend.deliver({
        ...event,
        from: owner === process ? member! : "",
      });
    } else {
      backend.deliver(event);
    }
  });
  // #endregion deliver

  async function sayAlive() {
    await redis
      .multi()
      .set(keys.alive(process), "1", "PX", ALIVE_FOR_MS)
      .sadd(keys.processes, process)
      .exec();
  }
  function sweep(gone: string, how: "announce" | "quiet" = "announce") {
    return redis.eval(
      SWEEP,
      2,
      keys.processes,
      keys.roomsOf(gone),
      gone,
      keys.channel,
      String(Date.now()),
      how,
      keys.members(""),
    );
  }
  async function sweepTheDead() {
    for (const other of await redis.smembers(keys.processes)) {
      if (other !== process && !(await redis.exists(keys.alive(other)))) {
        log(`${app}: process ${other} stopped answering; its members left`);
        await sweep(other);
      }
    }
  }
  // #region register-again
  // Redis back after a loss (perhaps restarted empty): register again
  // whoever is still here, and tell each room who is in it.
  async function registerAgain() {
    await sweep(process, "quiet");
    await sayAlive();
    const rooms = new Set<string>();
    for (const [key, { room, name }] of mine) {
      const member = key.slice(0, key.indexOf("\n"));
      await backend.join(room, member, name);
      rooms.add(room);
    }
    for (const room of rooms) {
      await redis.eval(
        `redis.call('PUBLISH', ARGV[2], cjson.encode({event = 'presence',
          data = { room = ARGV[1], members = redis.call('HVALS', KEYS[1]) }}))`,
        1,
        keys.members(room),
        room,
        keys.channel,
      );
    }
  }
  // #endregion register-again

  await sayAlive();
  const heartbeat = setInterval(() => {
    sayAlive().catch(() => {});
  }, HEARTBEAT_MS);
  const sweeper = setInterval(() => {
    sweepTheDead().catch(() => {});
  }, SWEEP_MS);
  heartbeat.unref();
  sweeper.unref();
  return backend;
}
