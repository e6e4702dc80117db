// Workaround of @socket.io/redis-streams-adapter 0.3.x: the adapter opens
// Redis connections of its own, with `duplicate()` on the client it is
// given (a reader that waits up to 5 s on XREAD, and a subscriber), and
// keeps no handle on them that we can reach. Closing the adapter only
// asks the reader to stop after its current wait (dist/adapter.js,
// startPolling: `if (signal.aborted) redisClient.disconnect()`), which
// holds a shutdown for up to those 5 s.
// Upstream: the same behaviour of the pub/sub adapter, "Please do not
// create a redis client on your own",
// https://github.com/socketio/socket.io-redis-adapter/issues/138 (closing
// the server leaves the adapter's own clients connected).
// test/workarounds/streams-adapter-readers.test.ts fails once closing the
// adapter ends its reader at once: then this file can go.
import { Redis } from "ioredis";

/**
 * Keeps every connection the adapter makes from `client` (through
 * `duplicate()`), so that shutdown can end them itself.
 */
export function keepDuplicates(client: Redis): Redis[] {
  const duplicates: Redis[] = [];
  client.duplicate = (...args) => {
    const copy = Redis.prototype.duplicate.apply(client, args);
    duplicates.push(copy);
    return copy;
  };
  return duplicates;
}
