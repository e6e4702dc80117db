/** The numbers of ROOMS.md, in one place for both apps, their pages and tests. */
export const LIMITS = {
  /** Rooms one connection may be in at once. */
  maxRoomsPerConnection: 5,
  /** `say` bucket: this many at once, then one back per refill interval. */
  sayBurst: 10,
  sayRefillMs: 1000,
  /** `typing` relayed at most once per this many ms, per connection and room. */
  typingIntervalMs: 1000,
  /** Messages kept per room, and the most a `join` gets back. */
  historyPerRoom: 50,
  /** Rooms kept in memory; the least recently used one without members goes first. */
  maxRooms: 1000,
  maxNameLength: 24,
  maxTextLength: 500,
} as const;
