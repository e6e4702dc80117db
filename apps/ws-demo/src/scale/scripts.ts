// Lesson 3 on plain ws: what runs inside Redis. Each Lua script runs
// atomically there, which is what keeps every process's view of a room
// in one order. redis.ts calls them.
import { APPEND_TO_HISTORY } from "@repo/rooms/redis";

/**
 * The Redis keys and the channel, each starting with the app's name, so
 * that ws-demo and socketio-demo can share one Redis without sharing rooms.
 */
export function keysOf(app: string) {
  return {
    channel: `${app}:events`,
    processes: `${app}:processes`,
    members: (room: string) => `${app}:members:${room}`,
    roomsOf: (process: string) => `${app}:rooms-of:${process}`,
    alive: (process: string) => `${app}:alive:${process}`,
  };
}
// #region fan-out
// Say = store and publish in one step (a Lua script runs atomically in
// Redis): a message in the history has gone out to every process, and
// every process gets the room's messages in the stream's order, because
// Redis hands out pub/sub messages in the order it ran the scripts.
export const SAY = `${APPEND_TO_HISTORY}
redis.call('PUBLISH', ARGV[6], cjson.encode({event = 'message', from = ARGV[8], data = {
  room = ARGV[7], id = id, name = ARGV[1], text = ARGV[2], at = tonumber(ARGV[3]) }}))
return id`;
// #endregion fan-out

// #region presence
// Who is in a room: hash field "<process>|<connection>" = name. Announce
// reads the names and publishes in one step, so the last `presence` a
// room sees is the room as it is.
export const JOIN = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
return redis.call('HVALS', KEYS[1])`;
export const ANNOUNCE = `
redis.call('PUBLISH', ARGV[5], cjson.encode({event = 'system', from = ARGV[1],
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
export const SWEEP = `
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 and ARGV[4] ~= 'quiet' then return 0 end
local prefix = ARGV[1] .. '|'
for _, room in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local key = ARGV[5] .. room
  local fields = redis.call('HGETALL', key)
  for i = 1, #fields, 2 do
    if string.sub(fields[i], 1, #prefix) == prefix then
      redis.call('HDEL', key, fields[i])
      if ARGV[4] ~= 'quiet' then
        redis.call('PUBLISH', ARGV[2], cjson.encode({event = 'system', from = fields[i],
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
