import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { listensEverywhere } from "@repo/http-guard";
import type { Log } from "./log.js";
import { lanAddresses, lanLines } from "./network-addresses.js";
import type { Settings } from "./settings.js";

export interface PortOptions {
  /** The app's name in every line it prints. */
  readonly name: string;
  /** The npm script that starts it, for the "port in use" advice. */
  readonly script: string;
  /** Extra words for the ready line, once the server listens. */
  readonly describe: () => string;
  /** Ends the process after a failure to listen has been explained. */
  readonly onFailure: () => void;
}

/**
 * Listens on the settings' host and port, prints one ready line with the
 * URL to open, and explains a port in use (one process, or the primary of
 * WORKERS=N: either prints the line that tests and attendees wait for).
 */
export function listenOnPort(
  server: Server,
  settings: Settings,
  log: Log,
  options: PortOptions,
): void {
  const { name } = options;
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      console.error(
        `${name}: port ${settings.port} is already in use. Stop the other server (npm run doctor names it), ` +
          `or pick another port: PORT=${settings.port + 10} in the .env file at the repository's root, then npm run ${options.script} again`,
      );
    } else {
      console.error(
        `${name}: cannot listen on ${settings.host}:${settings.port}: ${error.message}`,
      );
    }
    options.onFailure();
  });

  server.listen(settings.port, settings.host, () => {
    const { port } = server.address() as AddressInfo;
    // On this machine, the wildcard address is reached as localhost too
    // (a browser on Windows will not open http://0.0.0.0).
    const shown =
      ["127.0.0.1", "::1", "localhost"].includes(settings.host) ||
      listensEverywhere(settings.host)
        ? "localhost"
        : settings.host;
    log(`${name} ready at http://${shown}:${port} (${options.describe()})`);
    // LAN mode: say where the room opens it. IP addresses are served as
    // they are; a name (my-laptop.local) must be listed in ALLOWED_HOSTS.
    if (listensEverywhere(settings.host)) {
      for (const line of lanLines(name, port, lanAddresses())) log(line);
    }
  });
}
