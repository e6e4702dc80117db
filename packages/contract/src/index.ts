// What a test or a tool needs to drive a demo app from outside: start it,
// connect to it through one driver per transport. Importing this entry
// point does not load Vitest, so command-line tools (the compare bench,
// the wire recorder, verify) can use it. The suites, which do, are in
// "@repo/contract/suites".

export {
  spawnApp,
  type AppStats,
  type RunningApp,
  type SpawnOptions,
} from "@repo/demo-kit/spawn-app";

// Lesson 1: a push every few seconds and a reply
export type {
  Capabilities,
  ClientClose,
  ConnectOptions,
  ContractClient,
  TransportDriver,
} from "./transport/driver.js";
export { wsDriver } from "./drivers/ws.js";
export { socketIoDriver } from "./drivers/socket-io.js";

// Lesson 2: chat rooms
export type {
  Reply,
  RoomsCapabilities,
  RoomsClient,
  RoomsDriver,
  RoomsEvent,
} from "./rooms/driver.js";
export { wsRoomsDriver } from "./rooms/ws-driver.js";
export { socketIoRoomsDriver } from "./rooms/socket-io-driver.js";
export {
  canUseClientAddresses,
  clientAddress,
  freshClientAddress,
} from "./rooms/client-addresses.js";
