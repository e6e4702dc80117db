// Lesson 2's contract (docs/rooms/protocol.md), in the contract's own words: one
// client interface that either transport's driver implements, so that
// one suite holds both apps to the same rules.
import type { RunningApp } from "@repo/demo-kit/spawn-app";

/** One server-to-client event, as the client received it. */
export interface RoomsEvent {
  readonly event: string;
  readonly data: unknown;
}

/** An answer as the test reads it: `ok`, and the other fields of the rooms protocol. */
export interface Reply {
  readonly ok: boolean;
  readonly [field: string]: unknown;
}

/** A chat client of either app. */
export interface RoomsClient {
  /** Sends a request and waits for its answer. */
  request(event: string, data: unknown): Promise<Reply>;
  /** Sends a request that asks for no answer. */
  send(event: string, data: unknown): void;
  /** Every event received so far, in order (acks not included). */
  readonly events: readonly RoomsEvent[];
  /** Ends the connection politely and waits until it has. */
  close(): Promise<void>;
  /** Settles when the connection ended, however it did, saying how ("1008 …", "io server disconnect"). */
  readonly ended: Promise<string>;
}

/** Where a client connects from. */
export interface ConnectFrom {
  readonly localAddress?: string;
}

export interface RoomsDriver {
  readonly name: string;
  start(env: Record<string, string>): Promise<RunningApp>;
  /**
   * A client, from its own loopback address unless `localAddress` names
   * one (several connections of one client share theirs).
   */
  connect(app: RunningApp, options?: ConnectFrom): Promise<RoomsClient>;
  /**
   * Sends something no well-behaved client sends: a frame that is not JSON
   * (ws) or a binary argument (Socket.IO), asking for no answer.
   */
  sendGarbage(client: RoomsClient): void;
  /**
   * Stops reading from the socket: a client whose page froze or whose
   * network stalled. Returns a function that destroys it for good.
   */
  stopReading(client: RoomsClient): () => void;
  readonly capabilities: RoomsCapabilities;
}

/** Where the transports differ, declared. */
export interface RoomsCapabilities {
  /**
   * A refused request that asked for no answer: ws sends an `error` event
   * (the rooms protocol); Socket.IO has no channel for it and only logs it.
   */
  readonly refusalWithoutAnswer: "error-event" | "logged-only";
  /**
   * Whether every member gets a room's messages in the same arrival order
   * ("arrival"), or only in the same order once sorted by id ("by-id"):
   * Socket.IO's adapter across processes hands each process its own
   * members' messages first (lesson 3), and join and leave lines from two
   * processes may cross the same way. Messages from one sender keep
   * their order either way.
   */
  readonly deliveryOrder?: "arrival" | "by-id";
}
