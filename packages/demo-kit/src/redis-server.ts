// A Redis of a test's (or the compare tool's) own: `redis-server` on 127.0.0.1,
// nothing saved to disk, stopped and started again at will (lesson 3's
// "Redis lost while running" tests). Never the machine's shared 6379.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort, probe } from "./loopback-port.js";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const redisServerPath = process.env.REDIS_SERVER_PATH || "redis-server";

/** Whether Redis tests can run here; if not, says so loudly once. */
export function haveRedisServer(): boolean {
  const probe = spawnSync(redisServerPath, ["--version"], {
    encoding: "utf8",
  });
  if (probe.status === 0) return true;
  console.warn(
    `\n*** SKIPPING Redis tests (lesson 3): no ${redisServerPath} to run. ` +
      "Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) " +
      "or set REDIS_SERVER_PATH. CI counts this skip as a failure. ***\n",
  );
  return false;
}

export interface TestRedis {
  /** redis://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s); its data is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

/** Starts a redis-server on a free loopback port and waits until it answers. */
export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "test-redis-"));
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    if (child && child.exitCode === null) return; // already running
    const server = spawn(
      redisServerPath,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--protected-mode",
        "yes",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    child = server;
    const deadline = Date.now() + 5000;
    while (!(await answers(port))) {
      if (server.exitCode !== null) {
        throw new Error(`redis-server on port ${port} exited at start`);
      }
      if (Date.now() > deadline) {
        server.kill("SIGKILL");
        throw new Error(`redis-server on port ${port} did not answer in 5 s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, "exit");
    running.kill("SIGTERM");
    const timer = setTimeout(() => running.kill("SIGKILL"), 2000);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether something on the port answers PING with PONG. */
function answers(port: number): Promise<boolean> {
  return probe(port, (socket, done) => {
    socket.write("PING\r\n");
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}
