import cluster from "node:cluster";
import type { Server } from "node:http";
import { listenOnPort } from "./listen-on-port.js";
import type { Log } from "./log.js";
import type { Settings } from "./settings.js";

/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 1500;

export interface ListenOptions {
  /** The app's name in every line it prints. */
  readonly name: string;
  /** The npm script that starts it, for the "port in use" advice. */
  readonly script: string;
  /** Extra words for the ready line, e.g. the push interval. */
  readonly describe: string;
  /** Ends every realtime connection the way the transport should. */
  readonly closeRealtime: () => Promise<void>;
  /**
   * Lesson 3, in a worker of WORKERS=N (@repo/cluster's `listen` sets
   * it): the connections come from the primary instead of the port.
   */
  readonly worker?: WorkerLink;
}

/** How a worker of WORKERS=N deals with its primary (@repo/cluster). */
export interface WorkerLink {
  /** Takes the connections the primary hands over. */
  takeConnections(): void;
  /** Tells the primary that this worker takes connections now. */
  ready(describe: string): void;
  /** Calls `stop` when the primary says to stop. */
  onShutdown(stop: (signal: string) => void): void;
}

/**
 * Listens, prints one ready line with the URL to open, explains a port in
 * use, and on SIGINT/SIGTERM closes realtime clients first, then the HTTP
 * server, so the process ends by itself with code 0. In a worker of
 * WORKERS=N, takes connections from the primary instead, and tells it
 * when it is ready; the primary prints the ready line.
 */
export function listen(
  server: Server,
  settings: Settings,
  log: Log,
  options: ListenOptions,
): void {
  const { name, worker } = options;
  if (worker) {
    worker.takeConnections();
    log(
      `${name} worker, pid ${process.pid}, takes connections from the primary`,
    );
    worker.ready(options.describe);
  } else {
    listenOnPort(server, settings, log, {
      ...options,
      describe: () => options.describe,
      onFailure: () => process.exit(1),
    });
  }

  // #region shutdown
  let stopping = false;
  async function shutdown(signal: string, fromPrimary = false): Promise<void> {
    if (stopping) {
      // A terminal's Ctrl-C reaches the primary and its workers at once;
      // the primary's own word to stop is not a second Ctrl-C.
      if (fromPrimary) return;
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    // The promise is an exit within 2 s whatever clients do. A library can
    // still hold the process after everything of ours closed (engine.io's
    // polling transport waits 30 s for a client that left mid-poll): past
    // the deadline, say what is left and exit. Unref'd: a clean shutdown
    // exits before it, without waiting for it.
    setTimeout(() => {
      const left = process
        .getActiveResourcesInfo()
        .filter((resource) => resource !== "TTYWrap");
      log(
        `${name}: still held by ${left.join(", ") || "nothing"} after ${SHUTDOWN_DEADLINE_MS} ms; exiting`,
      );
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS).unref();
    // Realtime clients first: server.close() waits for every open socket,
    // and an open WebSocket would keep it waiting forever.
    await options.closeRealtime();
    server.close(() => log(`${name} stopped`));
    server.closeAllConnections(); // idle keep-alive HTTP connections too
    // A worker's channel to its primary would keep it running.
    if (worker) cluster.worker?.disconnect();
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, (received) => void shutdown(received));
  }
  worker?.onShutdown((signal) => void shutdown(signal, true));
  // #endregion shutdown
}
