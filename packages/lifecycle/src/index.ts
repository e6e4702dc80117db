// Core
export type {
  CloseInfo,
  Connection,
  ConnectionState,
  Transport,
} from "./connection.js";
export {
  createTracker,
  type Cancel,
  type CloseListener,
  type TrackedConnection,
  type Tracker,
  type TrackerOptions,
  type TrackerStats,
} from "./track.js";
export {
  clientIp,
  normalizeIp,
  parseTrustProxy,
  trustNoProxy,
  type ClientIpSource,
  type TrustProxy,
} from "./client-ip.js";
export {
  createHeartbeat,
  type Heartbeat,
  type PingableLike,
} from "./heartbeat.js";

// Adapters
export {
  encodeEnvelope,
  fromWs,
  type UpgradeRequestLike,
  type WsEncoder,
  type WsSocketLike,
} from "./adapters/ws.js";
export { fromSocketIo, type SocketIoSocketLike } from "./adapters/socket-io.js";
