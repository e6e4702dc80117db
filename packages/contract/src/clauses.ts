// The contracts' clauses, each a named check: the suites ("./suites")
// register them as Vitest tests, and verify runs the ones an exercise
// covers. They assert with Vitest's `expect`, which works outside the test
// runner; nothing here registers a test.

export type { Clause } from "./clause.js";
export { waitFor, type WaitForOptions } from "./wait-for.js";

// Lesson 1: the server, then the page
export {
  transportClauses,
  transportEnv,
  type TransportContext,
} from "./transport/clauses.js";
export { pageClauses, type PageContext } from "./transport/page-clauses.js";

// Lesson 2: chat rooms
export {
  roomsClauses,
  roomsContext,
  type RoomsContext,
} from "./rooms/clauses.js";
