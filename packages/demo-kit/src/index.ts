export { createLog, type Log } from "./log.js";
export { readSettings, type Settings } from "./settings.js";
export { processTimerCount, type Stats } from "./stats.js";
export { listen, type ListenOptions } from "./listen.js";
