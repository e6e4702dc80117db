export { createLog, type Log } from "./log.js";
export { readSettings, readSettingsOrExit, type Settings } from "./settings.js";
export { loadRootEnvFileOrExit } from "./env-file.js";
export { processTimerCount, statsOf, type Stats } from "./stats.js";
export { listen, type ListenOptions, type WorkerLink } from "./listen.js";
export { listenOnPort, type PortOptions } from "./listen-on-port.js";
export { createDemoApp, type DemoAppOptions } from "./app.js";
export { LogBudget, type LogBudgetOptions } from "./log-budget.js";
export { destroySocket, refuseUpgrade } from "./refuse-upgrade.js";
