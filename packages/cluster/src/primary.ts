// Lesson 3: WORKERS=N processes on one port, with node:cluster. The
// primary builds no app (no Express, no realtime library, no Redis
// client): it owns the port and hands each connection to a worker, the
// way @socket.io/sticky does it, so that every request of a Socket.IO
// long-polling session reaches the worker that holds the session.
import cluster, { type Worker } from "node:cluster";
import { createServer } from "node:http";
import { setupMaster } from "@socket.io/sticky";
import { listenOnPort, type Log, type Settings } from "@repo/demo-kit";
import type { PrimaryMessage, WorkerMessage } from "./messages.js";
import { isClusterPrimary } from "./roles.js";
import { acknowledgePins } from "./workarounds/sticky-session-race.js";

/** How long workers get to shut down before the primary kills them. */
const WORKERS_DEADLINE_MS = 2000;
/** How long the primary waits before it replaces a worker that keeps dying at start. */
const RESPAWN_BACKOFF_MS = { first: 1000, max: 30_000 };

/**
 * Lesson 3's entry: with WORKERS=N (N > 1), in the first process, runs
 * the primary and never resolves; in a worker, and without WORKERS,
 * resolves at once.
 */
export async function startCluster(
  settings: Settings,
  log: Log,
  options: PrimaryOptions,
): Promise<void> {
  if (isClusterPrimary(settings)) await runPrimary(settings, log, options);
}

export interface PrimaryOptions {
  /** The app's name in every line it prints. */
  readonly name: string;
  /** The npm script that starts it, for the "port in use" advice. */
  readonly script: string;
}

/**
 * Runs this process as the primary of `settings.workers` workers, each of
 * which runs the same entry point: listens, prints one ready line once
 * every worker is up, replaces a worker that dies, and on SIGINT/SIGTERM
 * stops the workers and exits 0. Never resolves: the process ends here.
 */
export function runPrimary(
  settings: Settings,
  log: Log,
  options: PrimaryOptions,
): Promise<never> {
  const { name } = options;
  // #region primary
  // Buffers cross the IPC channel as they are (the first bytes of each
  // connection travel with it), not as JSON.
  cluster.setupPrimary({ serialization: "advanced" });
  const server = createServer();
  // The primary reads the first request of a connection, then passes the
  // socket to a worker: the one that holds the session named by `sid=` in
  // the URL (a long-polling request), else the next in turn.
  setupMaster(server, { loadBalancingMethod: "round-robin" });
  // #endregion primary
  // Answered before the worker answers a handshake (a workaround).
  acknowledgePins();

  let stopping = false;
  let shutdownMessage: PrimaryMessage | undefined;
  let ready = false;
  const describeOf = new Map<number, string>();
  const backoff = { ms: RESPAWN_BACKOFF_MS.first };

  /** Every worker alive, ready or not (cluster.workers lists the ready ones). */
  const alive = new Map<number, Worker>();

  // #region join-when-ready
  // @socket.io/sticky hands connections to the workers in
  // cluster.workers. One still building its app has no listener for them
  // yet, and Node drops an IPC message nobody listens to, socket and all:
  // a worker joins the list only once it says it is ready.
  function holdBack(worker: Worker): void {
    delete cluster.workers?.[worker.id];
  }
  function letIn(worker: Worker): void {
    if (cluster.workers && alive.has(worker.id))
      cluster.workers[worker.id] = worker;
  }
  // #endregion join-when-ready

  function fork(): Worker {
    const worker = cluster.fork();
    alive.set(worker.id, worker);
    holdBack(worker);
    log(`${name}: worker ${worker.id} started, pid ${worker.process.pid}`);
    worker.on("message", (message: WorkerMessage) => {
      if (message?.type !== "demo:ready") return;
      if (shutdownMessage) {
        worker.send(shutdownMessage); // ready just as the primary stops
        return;
      }
      letIn(worker);
      describeOf.set(worker.id, message.describe);
      backoff.ms = RESPAWN_BACKOFF_MS.first;
      if (!ready && describeOf.size === settings.workers) {
        ready = true;
        listenOnce();
      }
    });
    return worker;
  }

  cluster.on("exit", (worker, code, signal) => {
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const wasReady = describeOf.delete(worker.id);
    alive.delete(worker.id);
    if (stopping) return;
    if (!ready) {
      // A worker that cannot start (Redis unreachable, a bad setting) has
      // said why; its siblings would fail the same way.
      log(
        `${name}: worker ${worker.id} (pid ${worker.process.pid}) exited with ${how} before it was ready; stopping`,
      );
      stopAll("SIGTERM", 1);
      return;
    }
    const delay = wasReady ? 0 : backoff.ms;
    if (!wasReady)
      backoff.ms = Math.min(backoff.ms * 2, RESPAWN_BACKOFF_MS.max);
    log(
      `${name}: worker ${worker.id} (pid ${worker.process.pid}) exited with ${how}; ` +
        (delay === 0
          ? "starting a replacement"
          : `starting a replacement in ${delay} ms`),
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  function listenOnce(): void {
    listenOnPort(server, settings, log, {
      ...options,
      describe: () => {
        const pids = [...alive.values()].map((worker) => worker.process.pid);
        const [describe] = describeOf.values();
        return `${settings.workers} workers, pids ${pids.join(", ")}; ${describe ?? ""}`;
      },
      onFailure: () => stopAll("SIGTERM", 1),
    });
  }

  // Stops every worker (they close their clients as one process would),
  // then exits with `code`. A second signal, or workers still running at
  // the deadline, end them at once.
  function stopAll(signal: string, code: number): void {
    stopping = true;
    server.close();
    server.closeAllConnections();
    shutdownMessage = { type: "demo:shutdown", signal };
    for (const worker of alive.values()) {
      // A worker still starting has no listener for the message (it would
      // be lost) and no clients: the signal's default action ends it.
      if (!describeOf.has(worker.id)) worker.process.kill("SIGTERM");
      else if (worker.isConnected()) worker.send(shutdownMessage);
    }
    setTimeout(() => {
      if (alive.size > 0) {
        log(
          `${name}: ${alive.size} worker(s) still running after ${WORKERS_DEADLINE_MS} ms; killing them`,
        );
        for (const worker of alive.values()) worker.process.kill("SIGKILL");
      }
      process.exit(code);
    }, WORKERS_DEADLINE_MS).unref();
    const waitForAll = (): void => {
      if (alive.size > 0) return;
      if (code === 0) log(`${name} stopped`);
      process.exit(code);
    };
    cluster.on("exit", waitForAll);
    waitForAll();
  }

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, (received) => {
      if (stopping) {
        log(`${received} again: exiting now`);
        for (const worker of alive.values()) worker.process.kill("SIGKILL");
        process.exit(1);
      }
      log(`${received}: stopping ${settings.workers} workers`);
      stopAll(received, 0);
    });
  }

  log(
    `${name}: primary pid ${process.pid}, starting ${settings.workers} workers`,
  );
  for (let i = 0; i < settings.workers; i++) fork();
  return new Promise<never>(() => {});
}
