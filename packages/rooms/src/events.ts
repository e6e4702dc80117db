// What the server sends, for both transports: the same names and shapes.
import type { ChatMessage, CatchUp } from "./history.js";
import type { ErrorCode } from "./schema.js";

export type { ChatMessage };

/** The answer fields of each request when it succeeds. */
export interface JoinAnswer extends CatchUp {
  readonly room: string;
  /** The names in the room, sorted, the caller's included. */
  readonly members: readonly string[];
}
export interface SayAnswer {
  readonly id: string;
  readonly at: number;
}

/** To the other members when someone joins or leaves. */
export interface SystemEvent {
  readonly room: string;
  readonly kind: "join" | "leave";
  readonly name: string;
  readonly at: number;
}
/** To every member after each join and leave. */
export interface PresenceEvent {
  readonly room: string;
  readonly members: readonly string[];
}
/** To the other members; may be dropped under load. */
export interface TypingEvent {
  readonly room: string;
  readonly name: string;
}
/** ws only: a bad frame that carried no usable `ack`. */
export interface ErrorEvent {
  readonly error: ErrorCode;
  readonly message: string;
}

/** Server-to-client events by name (Socket.IO's typed-events shape). */
export interface RoomsServerEvents {
  message: (message: ChatMessage) => void;
  system: (event: SystemEvent) => void;
  presence: (event: PresenceEvent) => void;
  typing: (event: TypingEvent) => void;
}
