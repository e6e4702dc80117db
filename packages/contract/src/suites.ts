// The behavioural suites. Each registers Vitest tests, so import this entry
// point from test files only.

export { describeTransportContract } from "./transport/suite.js";
export { describeRoomsContract } from "./rooms/suite.js";
export { describeRoomsPage } from "./rooms/browser-suite.js";
export { describeHostileSuite } from "./hostile/suite.js";
