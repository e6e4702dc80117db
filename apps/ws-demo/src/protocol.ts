// The wire format of this demo. With ws the protocol is yours to invent:
// every message is one JSON text frame, {"event": name, "data": payload},
// the same named-event idea Socket.IO has built in. This file is shared by
// the server and the browser code, so both sides agree by type.

/** The path of lesson 1's WebSocket (push and reply). */
export const WS_PATH = "/ws";

/** The path of lesson 2's WebSocket (chat rooms, docs/rooms/protocol.md). */
export const ROOMS_WS_PATH = "/ws/rooms";

/** Sent once, right after the connection opens: who the server thinks you are. */
export interface Welcome {
  readonly id: string;
  readonly ip: string;
  readonly pushIntervalMs: number;
}

/** Pushed every PUSH_INTERVAL_MS while the connection is OPEN. */
export interface News {
  readonly seq: number;
  readonly text: string;
  /** Server clock, ms since epoch with a fraction: latency is measurable. */
  readonly sentAt: number;
}

/** The browser's answer to one news message. */
export interface Reply {
  readonly seq: number;
  readonly text: string;
}

export type ServerMessage =
  | { readonly event: "welcome"; readonly data: Welcome }
  | { readonly event: "news"; readonly data: News };

export type ClientMessage = { readonly event: "reply"; readonly data: Reply };
