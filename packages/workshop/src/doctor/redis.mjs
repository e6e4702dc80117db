// redis-server, for lesson 3 only (two processes sharing rooms); the rest
// of the workshop and npm test run without it.
import { findOnPath } from "./on-path.mjs";
import { ok, optional } from "./result.mjs";

const INSTALL = {
  linux: "sudo apt-get install redis-server",
  darwin: "brew install redis",
  win32:
    "in WSL2: sudo apt-get install redis-server, or docker run -p 6379:6379 redis:7",
};

export function checkRedis(platform = process.platform, env = process.env) {
  const found = findOnPath("redis-server", env);
  if (found) return ok(`redis-server for lesson 3: ${found}`);
  return optional(
    "no redis-server: lesson 3 only (npm start and npm test do without it)",
    INSTALL[platform] ?? INSTALL.linux,
  );
}
