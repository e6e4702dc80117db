// Lesson 2's contract (docs/rooms/protocol.md) as clauses, written once: the
// Vitest suite (suite.ts) registers each as a test against each app, and
// verify runs the ones an exercise covers against an attendee's server.
// Each clause uses its own room names and clients, so clauses do not see
// each other's traffic.
//
// The clauses live in clauses/, one file per concern; this module puts them
// in the suite's order.
import { badInput } from "./clauses/bad-input.js";
import { catchUp } from "./clauses/catch-up.js";
import type { RoomsClause } from "./clauses/context.js";
import { joiningAndTalking } from "./clauses/joining-and-talking.js";
import { limits } from "./clauses/limits.js";
import { resources } from "./clauses/resources.js";
import { typingAndLeaving } from "./clauses/typing-and-leaving.js";

export { roomsContext, type RoomsContext } from "./clauses/context.js";

/** Every clause of lesson 2's contract, in the suite's order. */
export const roomsClauses: readonly RoomsClause[] = [
  ...joiningAndTalking,
  ...limits,
  ...typingAndLeaving,
  ...catchUp,
  ...badInput,
  ...resources,
];
