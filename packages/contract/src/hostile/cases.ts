// The hostile-input table (issue #10): one row per input, run against
// each app it names by describeHostileSuite. The rows live in cases/, one
// file per input class; a lesson that adds a message type adds its rows
// there. Each row says what it sends and what it expects; after every row
// the suite also checks that the server is alive, serves a fresh client
// within a second, is back to 0 connections and 0 timers, and logged a
// few bounded lines.
import { churn } from "./cases/churn.js";
import { frames } from "./cases/frames.js";
import { handshake } from "./cases/handshake.js";
import { messages } from "./cases/messages.js";
import { packets } from "./cases/packets.js";
import { roomRows } from "./cases/rooms.js";
import { BOTH, type HostileCase } from "./cases/row.js";
import { shutdown } from "./cases/shutdown.js";
import { forwardedFor } from "./cases/x-forwarded-for.js";
import type { AppName } from "./targets.js";

export type { CaseClass, HostileCase } from "./cases/row.js";
export { CLIENT_EVENTS } from "./cases/messages.js";

/** Every row of the hostile-input table, in the order the suite runs them. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  ...handshake,
  ...forwardedFor,
  ...frames,
  ...messages,
  ...roomRows,
  ...packets,
  ...churn,
  ...shutdown,
];

/** The rows that apply to one app. */
export function casesFor(app: AppName): HostileCase[] {
  return HOSTILE_CASES.filter((row) => (row.apps ?? BOTH).includes(app));
}
