// Contract
export type {
  Capabilities,
  ClientClose,
  ConnectOptions,
  ContractClient,
  TransportDriver,
} from "./contract/driver.js";
export { describeTransportContract } from "./contract/suite.js";
export {
  spawnApp,
  type AppStats,
  type RunningApp,
} from "./contract/spawn-app.js";

// Drivers
export { wsDriver } from "./drivers/ws.js";
export { socketIoDriver } from "./drivers/socket-io.js";
