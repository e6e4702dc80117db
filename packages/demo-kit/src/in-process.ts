import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Log } from "./log.js";
import { readSettings, type Settings } from "./settings.js";
import type { Stats } from "./stats.js";

/** What each demo's realtime side gives back to the server. */
export interface RealtimeSide {
  readonly stats: () => Stats;
  readonly close: () => Promise<void>;
}

/** Builds a demo's server (not listening yet) as its server.ts does. */
export type ComposeDemo<R extends RealtimeSide> = (
  settings: Settings,
  log: Log,
) => { server: Server; realtime: R };

/** A demo running inside the test process, on 127.0.0.1. */
export interface InProcessDemo<R extends RealtimeSide> {
  readonly server: Server;
  readonly realtime: R;
  readonly port: number;
  /** Every line the demo logged. */
  readonly logs: string[];
  /** Closes realtime clients the demo's way, then the HTTP server. */
  close(): Promise<void>;
}

/**
 * Starts a demo in this process, composed by `compose` as its server.ts does,
 * with test settings and a log the test can read. Port 0 picks a free one;
 * a given port lets a test restart a server where the page expects it.
 */
export async function startInProcess<R extends RealtimeSide>(
  compose: ComposeDemo<R>,
  env: Record<string, string> = {},
  port = 0,
): Promise<InProcessDemo<R>> {
  const settings = readSettings({ HOST: "127.0.0.1", ...env }, { port });
  const logs: string[] = [];
  const { server, realtime } = compose(settings, (line) => logs.push(line));
  server.listen(settings.port, settings.host);
  await once(server, "listening");
  let serverClosed = false;
  server.once("close", () => (serverClosed = true));
  return {
    server,
    realtime,
    port: (server.address() as AddressInfo).port,
    logs,
    async close() {
      // As listen.ts does on Ctrl-C: realtime clients first, then the HTTP
      // server and whatever connections are left (io.close() may already
      // have begun closing it, and may leave one waiting).
      await realtime.close();
      const closed = serverClosed ? Promise.resolve() : once(server, "close");
      if (server.listening) server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
