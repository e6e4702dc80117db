// Lesson 3: the rooms' history and the client addresses' budgets in
// Redis, shared by every process of an app. Kept apart from the package's main entry so that nothing else
// loads ioredis (the chat page's code imports the main entry).
import { Redis } from "ioredis";
import {
  ADDRESS_BUCKETS,
  type AddressBucket,
  type SharedAddressBudgets,
} from "./flood-guard.js";
import type { CatchUp, ChatMessage } from "./history.js";
import { LIMITS } from "./limits.js";
import { compareMessageIds } from "./message-id.js";
import type { MessageLog } from "./message-log.js";

// #region chat-connection
/**
 * Opens `connections` connections to the chat's Redis, for the chat's own
 * commands, and resolves once all are ready, or rejects with one sentence
 * that says what to run or set. Commands fail at once while Redis is away
 * (no offline queue), so a request can be refused then and there instead
 * of waiting; each gets 2 s, so a stalled Redis cannot hang a request.
 * Then the loss of Redis is logged once, and its return once, until
 * `stop()`; ioredis reconnects by itself, with a growing pause up to 2 s.
 */
export async function connectChatRedis(
  url: string,
  options: {
    readonly app: string;
    readonly log: (line: string) => void;
    readonly connections?: number;
    /** Called each time Redis is back after a loss. */
    readonly onBack?: () => void;
  },
): Promise<{ readonly clients: Redis[]; stop(): void }> {
  const { app, log } = options;
  const clients = Array.from(
    { length: options.connections ?? 1 },
    () =>
      new Redis(url, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: 2000,
        retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
      }),
  );
  let lastError = "";
  for (const client of clients)
    client.on("error", (error: Error) => (lastError = error.message));
  try {
    await Promise.all(clients.map((client) => client.connect()));
  } catch {
    for (const client of clients) client.disconnect();
    throw new Error(
      `cannot reach Redis at ${url} (${lastError || "no answer"}). ` +
        "Start it (redis-server, or: docker run -p 6379:6379 redis:7), " +
        "or unset REDIS_URL to keep the rooms in this one process.",
    );
  }
  let lost = false;
  let stopped = false;
  // Back means every connection is back: a subscriber that reconnects a
  // moment after the command connection would miss what the other
  // processes publish in that moment.
  for (const client of clients) {
    client.on("close", () => {
      if (lost || stopped) return;
      lost = true;
      log(
        `${app}: lost Redis at ${url}: chat messages are refused until it is back; retrying`,
      );
    });
    client.on("ready", () => {
      if (!lost || !clients.every((each) => each.status === "ready")) return;
      lost = false;
      log(`${app}: Redis at ${url} is back; rooms are shared again`);
      options.onBack?.();
    });
  }
  return {
    clients,
    stop() {
      stopped = true;
      for (const client of clients) client.disconnect();
    },
  };
}
// #endregion chat-connection

// #region history-stream
/**
 * Each room's history is one Redis stream, `<app>:history:<room>`, holding
 * its last 50 messages. The stream entry id is the message id: Redis
 * makes it, in one order for every process. The app's name comes first,
 * so ws-demo and socketio-demo can share one Redis without sharing rooms.
 */
export function historyKey(app: string, room: string): string {
  return `${app}:history:${room}`;
}
/** A room nobody writes to for a day is forgotten (Redis deletes the key). */
export const HISTORY_TTL_SECONDS = 24 * 60 * 60;

/**
 * Lua that appends one message and sets `id`: KEYS[1] is the room's
 * stream; ARGV[1..5] are name, text, at, the cap and the TTL. Entries past
 * the cap are removed with XDEL, not XADD's MAXLEN, because XDEL records
 * the newest id it removed (XINFO's max-deleted-entry-id): that is how
 * `since` knows whether a client's `after` still reaches back.
 */
export const APPEND_TO_HISTORY = `
local id = redis.call('XADD', KEYS[1], '*',
  'name', ARGV[1], 'text', ARGV[2], 'at', ARGV[3])
local extra = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[4])
if extra > 0 then
  for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', extra)) do
    redis.call('XDEL', KEYS[1], entry[1])
  end
end
redis.call('EXPIRE', KEYS[1], ARGV[5])
`;
// #endregion history-stream

/** Lesson 3's log: one capped Redis stream per room. */
export class RedisMessageLog implements MessageLog {
  constructor(
    private readonly redis: Redis,
    /** The app's name, the first part of every key (see historyKey). */
    private readonly app: string,
  ) {}

  async append(room: string, name: string, text: string): Promise<ChatMessage> {
    const at = Date.now();
    const id = (await this.redis.eval(
      `${APPEND_TO_HISTORY} return id`,
      1,
      historyKey(this.app, room),
      ...historyArguments(name, text, at),
    )) as string;
    return { room, id, name, text, at };
  }

  // #region history-since
  async since(room: string, after?: string): Promise<CatchUp> {
    const key = historyKey(this.app, room);
    if (after === undefined || !/^\d{1,15}-\d{1,15}$/.test(after)) {
      const latest = await this.redis.xrevrange(
        key,
        "+",
        "-",
        "COUNT",
        LIMITS.historyPerRoom,
      );
      const history = latest.reverse().map((entry) => messageOf(room, entry));
      // An `after` that is no id of ours: all we keep is new to the client.
      return { history, complete: after === undefined };
    }
    const [entries, deletedUpTo] = await Promise.all([
      this.redis.xrange(key, `(${after}`, "+", "COUNT", LIMITS.historyPerRoom),
      this.lastTrimmedId(key),
    ]);
    return {
      history: entries.map((entry) => messageOf(room, entry)),
      // Complete unless the stream dropped messages after the one the
      // client saw (or the whole room was forgotten, or Redis restarted).
      complete:
        deletedUpTo !== undefined && compareMessageIds(after, deletedUpTo) >= 0,
    };
  }
  // #endregion history-since

  /**
   * The id of the newest entry the cap has trimmed ("0-0" if none), or
   * undefined when the stream does not exist at all.
   */
  private async lastTrimmedId(key: string): Promise<string | undefined> {
    try {
      const info = (await this.redis.xinfo("STREAM", key)) as unknown[];
      const at = info.indexOf("max-deleted-entry-id");
      return at === -1 ? "0-0" : String(info[at + 1]);
    } catch (error) {
      if (/no such key/i.test((error as Error).message)) return undefined;
      throw error;
    }
  }
}

/** ARGV[1..5] of APPEND_TO_HISTORY. */
export function historyArguments(
  name: string,
  text: string,
  at: number,
): string[] {
  return [
    name,
    text,
    String(at),
    String(LIMITS.historyPerRoom),
    String(HISTORY_TTL_SECONDS),
  ];
}

function messageOf(
  room: string,
  [id, fields]: [id: string, fields: string[]],
): ChatMessage {
  const value = (name: string) => fields[fields.indexOf(name) + 1] ?? "";
  return {
    room,
    id,
    name: value("name"),
    text: value("text"),
    at: Number(value("at")),
  };
}

// #region shared-address-budgets
/**
 * Lua for one token bucket kept in Redis, so that every process of an app
 * spends one client address's budget together: KEYS[1] is the bucket;
 * ARGV[1..4] are the burst, the refill interval in ms, the tokens to take
 * and whether to take them whatever is left (1: what already happened,
 * down to one bucket's worth of debt). Redis's own clock, so processes on
 * machines whose clocks differ still agree. Returns 1 if taken. A bucket
 * nobody touched for long enough to be full again is deleted by its TTL.
 */
export const TAKE_FROM_BUCKET = `
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local burst, refill = tonumber(ARGV[1]), tonumber(ARGV[2])
local count, force = tonumber(ARGV[3]), ARGV[4] == '1'
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
local back = math.floor((now - at) / refill)
if back > 0 then
  tokens = math.min(burst, tokens + back)
  if tokens == burst then at = now else at = at + back * refill end
end
local taken = 0
if force then
  tokens = math.max(-burst, tokens - count)
  taken = 1
elseif tokens >= count then
  tokens = tokens - count
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', at)
redis.call('PEXPIRE', KEYS[1], 2 * burst * refill)
return taken
`;

/** Lesson 3's address budgets: one bucket per address and kind, in Redis. */
export class RedisAddressBudgets implements SharedAddressBudgets {
  constructor(
    private readonly redis: Redis,
    /** The app's name, the first part of every key (see historyKey). */
    private readonly app: string,
  ) {}

  async take(address: string, bucket: AddressBucket): Promise<boolean> {
    return (await this.run(address, bucket, 1, false)) === 1;
  }

  async charge(
    address: string,
    bucket: AddressBucket,
    count: number,
  ): Promise<void> {
    await this.run(address, bucket, count, true);
  }

  private run(
    address: string,
    bucket: AddressBucket,
    count: number,
    force: boolean,
  ): Promise<unknown> {
    const { burst, refillMs } = ADDRESS_BUCKETS[bucket];
    return this.redis.eval(
      TAKE_FROM_BUCKET,
      1,
      `${this.app}:budget:${bucket}:${address}`,
      String(burst),
      String(refillMs),
      String(count),
      force ? "1" : "0",
    );
  }
}
// #endregion shared-address-budgets
