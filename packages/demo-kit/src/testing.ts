// Test helpers, apart from the main entry so that no server loads them
// (the entry-point suite imports Vitest).
export { startInProcess, type InProcessDemo } from "./in-process.js";
export { BUSY_MACHINE_WAIT } from "./busy-machine.js";
export { chromiumArgs, chromiumPath, haveChromium } from "./chromium.js";
export {
  openChromium,
  shareChromium,
  type ChromiumType,
} from "./shared-chromium.js";
export { describeEntryPoint } from "./entry-point-suite.js";
export {
  haveRedisServer,
  redisServerPath,
  startTestRedis,
  type TestRedis,
} from "./redis-server.js";
export {
  haveNginx,
  nginxPath,
  startNginx,
  workshopConfPath,
  type DemoName,
  type NginxOptions,
  type TestNginx,
} from "./nginx.js";
export { describeLanMode, type LanRoutes } from "./lan-mode-suite.js";
