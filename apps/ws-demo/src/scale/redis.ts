// Lesson 3 on plain ws: the rooms of every process in Redis, by hand.
// What Socket.IO's Redis adapter does for socketio-demo is written here:
//   - who is in each room: one Redis hash per room, shared by all;
//   - every event for a room goes through one Redis pub/sub channel, and
//     each process sends it to the members it holds itself;
//   - a process that dies is noticed by the others, which announce that
//     its members left;
//   - when Redis is lost and back, this process registers its members
//     again.
// The history is the shared capped stream of @repo/rooms/redis.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { Log } from "@repo/demo-kit";
import {
  APPEND_TO_HISTORY,
  connectChatRedis,
  historyArguments,
  historyKey,
  RedisAddressBudgets,
  RedisMessageLog,
} from "@repo/rooms/redis";
import type { RoomEvent, RoomsBackend } from "../rooms/backend.js";

/**
 * The Redis keys and the channel, each starting with the app's name, so
 * that ws-demo and socketio-demo can share one Redis without sharing rooms.
 */
function keysOf(app: string) {
  return {
    channel: `${app}:events`,
    processes: `${app}:processes`,
    members: (room: string) => `${app}:members:${room}`,
    roomsOf: (process: string) => `${app}:rooms-of:${process}`,
    alive: (process: string) => `${app}:alive:${process}`,
  };
}
/** A process that has not said it is alive for this long is gone. */
const ALIVE_FOR_MS = 6000;
const HEARTBEAT_MS = 2000;
const SWEEP_MS = 3000;

// #region fan-out
// Say = store and publish in one step (a Lua script runs atomically in
// Redis): a message in the history has gone out to every process, and
// every process gets the room's messages in the stream's order, because
// Redis hands out pub/sub messages in the order it ran the scripts.
const SAY = `${APPEND_TO_HISTORY}
redis.call('PUBLISH', ARGV[6], cjson.encode({event = 'message', data = {
  room = ARGV[7], id = id, name = ARGV[1], text = ARGV[2], at = tonumber(ARGV[3]) }}))
return id`;
// #endregion fan-out

// #region presence
// Who is in a room: hash field "<process>|<connection>" = name. Announce
// reads the names and publishes in one step, so the last `presence` a
// room sees is the room as it is.
const JOIN = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
return redis.call('HVALS', KEYS[1])`;
const ANNOUNCE = `
redis.call('PUBLISH', ARGV[5], cjson.encode({event = 'system', skip = ARGV[1],
  data = { room = ARGV[2], kind = ARGV[3], name = ARGV[4], at = tonumber(ARGV[6]) }}))
redis.call('PUBLISH', ARGV[5], cjson.encode({event = 'presence',
  data = { room = ARGV[2], members = redis.call('HVALS', KEYS[1]) }}))
return 1`;
// #endregion presence

// #region dead-process
// A process killed with SIGKILL says nothing: its "alive" key expires.
// The first process to see that removes its members and announces each
// leave; SREM answers 1 to exactly one of them, so nobody does it twice.
// (ARGV[4] = "quiet": a process forgets its own old entries, unannounced;
// ARGV[5] is the start of every room's members key.)
const SWEEP = `
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 and ARGV[4] ~= 'quiet' then return 0 end
local prefix = ARGV[1] .. '|'
for _, room in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local key = ARGV[5] .. room
  local fields = redis.call('HGETALL', key)
  for i = 1, #fields, 2 do
    if string.sub(fields[i], 1, #prefix) == prefix then
      redis.call('HDEL', key, fields[i])
      if ARGV[4] ~= 'quiet' then
        redis.call('PUBLISH', ARGV[2], cjson.encode({event = 'system', skip = fields[i],
          data = { room = room, kind = 'leave', name = fields[i + 1], at = tonumber(ARGV[3]) }}))
      end
    end
  end
  if ARGV[4] ~= 'quiet' then
    redis.call('PUBLISH', ARGV[2], cjson.encode({event = 'presence',
      data = { room = room, members = redis.call('HVALS', key) }}))
  end
end
redis.call('DEL', KEYS[2])
return 1`;
// #endregion dead-process

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
    async say(room, name, text) {
      const at = Date.now();
      const id = (await redis.eval(
        SAY,
        1,
        historyKey(app, room),
        ...historyArguments(name, text, at),
        keys.channel,
        room,
      )) as string;
      return { room, id, name, text, at };
    },
    async typing(room, member, name) {
      await redis.publish(
        keys.channel,
        JSON.stringify({
          event: "typing",
          skip: fieldOf(member),
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
  // members (../rooms/chat.ts). The skip field names a member by "<process>|<id>":
  // only the process that holds it can match it.
  subscriber.on("message", (_channel: string, text: string) => {
    const event = parseEvent(text);
    if (!event) return;
    if ("skip" in event) {
      const [owner, member] = event.skip.split("|");
      backend.deliver({
        ...event,
        skip: owner === process ? member! : "",
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

/** Events come from our own processes, but are checked before use anyway. */
function parseEvent(text: string): RoomEvent | undefined {
  try {
    const event = JSON.parse(text) as {
      event?: unknown;
      data?: { room?: unknown; members?: unknown };
      skip?: unknown;
    };
    if (typeof event.data?.room !== "string") return undefined;
    switch (event.event) {
      case "message":
        return event as RoomEvent;
      case "presence": {
        // Lua's cjson writes an empty list as {}.
        const members = Array.isArray(event.data.members)
          ? (event.data.members as string[]).slice().sort()
          : [];
        return {
          event: "presence",
          data: { room: event.data.room, members },
        };
      }
      case "system":
      case "typing":
        return typeof event.skip === "string"
          ? (event as RoomEvent)
          : undefined;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
