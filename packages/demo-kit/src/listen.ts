import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { listensEverywhere } from "@repo/lifecycle";
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
}

/**
 * Listens, prints one ready line with the URL to open, explains a port in
 * use, and on SIGINT/SIGTERM closes realtime clients first, then the HTTP
 * server, so the process ends by itself with code 0.
 */
export function listen(
  server: Server,
  settings: Settings,
  log: Log,
  options: ListenOptions,
): void {
  const { name } = options;
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      console.error(
        `${name}: port ${settings.port} is already in use. Stop the other server, ` +
          `or pick another port: PORT=${settings.port + 10} npm run ${options.script}`,
      );
    } else {
      console.error(
        `${name}: cannot listen on ${settings.host}:${settings.port}: ${error.message}`,
      );
    }
    process.exit(1);
  });

  server.listen(settings.port, settings.host, () => {
    const { port } = server.address() as AddressInfo;
    const shown = ["127.0.0.1", "::1", "localhost"].includes(settings.host)
      ? "localhost"
      : settings.host;
    log(`${name} ready at http://${shown}:${port} (${options.describe})`);
    if (listensEverywhere(settings.host) && !settings.allowedHosts.any) {
      log(
        `${name} listens on every interface, but answers only to localhost, 127.0.0.1 and [::1]: ` +
          `to open it from another machine, list the names it is reached by, e.g. ALLOWED_HOSTS=192.168.1.20,my-laptop.local`,
      );
    }
  });

  // #region shutdown
  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) {
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
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, (received) => void shutdown(received));
  }
  // #endregion shutdown
}
