export { listen, type ClusterListenOptions } from "./listen.js";
export type { PrimaryMessage, WorkerMessage } from "./messages.js";
export { runPrimary, startCluster, type PrimaryOptions } from "./primary.js";
export { isClusterPrimary, isClusterWorker } from "./roles.js";
export { pinSessionsBeforeAnswering } from "./workarounds/sticky-session-race.js";
export {
  onPrimaryShutdown,
  takeConnectionsFromPrimary,
  tellPrimaryReady,
} from "./worker.js";
