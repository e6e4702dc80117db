// The wire format the exercises share with the demos (apps/*/src/protocol.ts):
// the contract checks these names and fields.

/** Sent once, right after the connection opens: who the server thinks you are. */
export interface Welcome {
  readonly id: string;
  readonly ip: string;
  readonly pushIntervalMs: number;
}

/** Pushed every PUSH_INTERVAL_MS while the connection is open. */
export interface News {
  readonly seq: number;
  readonly text: string;
  /** Server clock, ms since epoch. */
  readonly sentAt: number;
}

/** The browser's answer to one news. */
export interface Reply {
  readonly seq: number;
  readonly text: string;
}

/** Socket.IO: the events the server emits. */
export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  news: (news: News) => void;
}

/** Socket.IO: the events a client emits. */
export interface ClientToServerEvents {
  reply: (reply: Reply) => void;
}

/** Lesson 2's Socket.IO namespace (docs/rooms/protocol.md); lesson 1 uses `/`. */
export const ROOMS_NAMESPACE = "/rooms";
