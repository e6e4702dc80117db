export { createLog, type Log } from "./log.js";
export { readSettings, readSettingsOrExit, type Settings } from "./settings.js";
export { loadRootEnvFileOrExit } from "./env-file.js";
export { processTimerCount, statsOf, type Stats } from "./stats.js";
export { listen, type ListenOptions } from "./listen.js";
export { createDemoApp, type DemoAppOptions } from "./app.js";
export { LogBudget, type LogBudgetOptions } from "./log-budget.js";
export { destroySocket, refuseUpgrade } from "./refuse-upgrade.js";
export {
  isClusterPrimary,
  isClusterWorker,
  pinSessionsBeforeAnswering,
  startCluster,
  type PrimaryOptions,
} from "./cluster.js";
