// Starts the demo in this process on 127.0.0.1, as server.ts composes it,
// with test settings and a log that tests can read.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../src/app.js";
import { attachRealtime, type Realtime } from "../src/realtime.js";
import { readSettings } from "@repo/demo-kit";

export interface TestServer {
  readonly server: Server;
  readonly realtime: Realtime;
  readonly port: number;
  readonly logs: string[];
  close(): Promise<void>;
}

export async function serve(
  env: Record<string, string> = {},
  port = 0,
): Promise<TestServer> {
  const settings = readSettings({ HOST: "127.0.0.1", ...env }, { port: 0 });
  const logs: string[] = [];
  const server = createServer();
  const realtime = attachRealtime(server, settings, (line) => logs.push(line));
  server.on("request", createApp({ stats: realtime.stats }));
  server.listen(port, "127.0.0.1");
  await once(server, "listening");
  return {
    server,
    realtime,
    port: (server.address() as AddressInfo).port,
    logs,
    async close() {
      await realtime.close();
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
