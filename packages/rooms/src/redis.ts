// Lesson 3: the rooms' history in Redis, shared by every process of an
// app. Kept apart from the package's main entry so that nothing else
// loads ioredis (the chat page's code imports the main entry).
import type { Redis } from "ioredis";
import type { CatchUp, ChatMessage } from "./history.js";
import { LIMITS } from "./limits.js";
import { compareMessageIds } from "./message-id.js";
import type { MessageLog } from "./message-log.js";

// #region history-stream
/**
 * Each room's history is one Redis stream, `chat:history:<room>`, holding
 * its last 50 messages. The stream entry id is the message id: Redis
 * makes it, in one order for every process.
 */
export function historyKey(room: string): string {
  return `chat:history:${room}`;
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
  constructor(private readonly redis: Redis) {}

  async append(room: string, name: string, text: string): Promise<ChatMessage> {
    const at = Date.now();
    const id = (await this.redis.eval(
      `${APPEND_TO_HISTORY} return id`,
      1,
      historyKey(room),
      ...historyArguments(name, text, at),
    )) as string;
    return { room, id, name, text, at };
  }

  // #region history-since
  async since(room: string, after?: string): Promise<CatchUp> {
    const key = historyKey(room);
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
