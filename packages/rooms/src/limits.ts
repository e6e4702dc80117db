/** The numbers of the rooms protocol, in one place for both apps, their pages and tests. */
export const LIMITS = {
  /** Rooms one connection may be in at once. */
  maxRoomsPerConnection: 5,
  /** `say` bucket: this many at once, then one back per refill interval. */
  sayBurst: 10,
  sayRefillMs: 1000,
  /** `typing` relayed at most once per this many ms, per connection and room. */
  typingIntervalMs: 1000,
  /**
   * `join` and `leave` together: this many at once, then one back per
   * refill interval. Each one sends `system` and `presence` to every member.
   */
  membershipBurst: 10,
  membershipRefillMs: 1000,
  /** Every request, whatever its event: this many at once, then one back per refill interval. */
  requestBurst: 50,
  requestRefillMs: 200,
  /** Refused for going too fast this many times in a row (one forgiven per interval): closed. */
  refusalsBeforeClose: 100,
  refusalRefillMs: 100,
  /**
   * What all connections from one client address may cost the rooms'
   * members together: `join` and `leave` (and the leaves of a close), `say`,
   * and `typing`, with the same burst and refill as one connection's.
   * Opening more connections buys nothing.
   */
  addressTypingBurst: 3,
  addressTypingRefillMs: 1000,
  /** Messages kept per room, and the most a `join` gets back. */
  historyPerRoom: 50,
  /** Rooms kept in memory; the least recently used one without members is forgotten first. */
  maxRooms: 1000,
  maxNameLength: 24,
  maxTextLength: 500,
} as const;
