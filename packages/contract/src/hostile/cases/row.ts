// What one row of the hostile-input table is, and the sets of apps a row
// may be limited to.
import type { CaseContext } from "../context.js";
import type { Expected, Outcome } from "../outcome.js";
import type { AppName } from "../targets.js";

/** The input classes, one file each in this folder. */
export type CaseClass =
  | "handshake"
  | "rooms"
  | "x-forwarded-for"
  | "frames"
  | "messages"
  | "packets"
  | "churn"
  | "shutdown";

export interface HostileCase {
  readonly name: string;
  readonly class: CaseClass;
  /** The apps this row applies to (default: both). */
  readonly apps?: readonly AppName[];
  readonly expect: Expected;
  /** Sends the input and says what came of it. */
  readonly send: (c: CaseContext) => Promise<Outcome>;
  /** Lines the row may add to the log, the fresh client's included (default 8). */
  readonly maxLogLines?: number;
  /** Default 15 s. */
  readonly timeoutMs?: number;
  /** Why the expectation is what it is, where that is not obvious. */
  readonly note?: string;
}

export const BOTH: readonly AppName[] = ["ws-demo", "socketio-demo"];
export const WS_ONLY: readonly AppName[] = ["ws-demo"];
export const SIO_ONLY: readonly AppName[] = ["socketio-demo"];
