// The only module that reads the environment, listens, and exits.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "./app.js";
import { createLog } from "./log.js";
import { attachRealtime } from "./realtime.js";
import { readSettings, type Settings } from "./settings.js";

const log = createLog();
const name = "ws-demo";

let settings: Settings;
try {
  settings = readSettings(process.env);
} catch (error) {
  console.error(`${name}: ${(error as Error).message}`);
  process.exit(1);
}

// #region server
const server = createServer();
const realtime = attachRealtime(server, settings, log);
server.on("request", createApp({ stats: realtime.stats }));
// #endregion server

server.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") {
    console.error(
      `${name}: port ${settings.port} is already in use. Stop the other server, ` +
        `or pick another port: PORT=${settings.port + 10} npm run ws`,
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
  log(
    `${name} ready at http://${shown}:${port} ` +
      `(push every ${settings.pushIntervalMs} ms, heartbeat ${settings.heartbeatMs} ms, ` +
      `trusted proxies: ${settings.trustProxySetting})`,
  );
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
  // Clients first: server.close() waits for every open socket, and an
  // open WebSocket would keep it waiting forever.
  await realtime.close();
  server.close(() => {
    log(`${name} stopped`);
    process.exitCode = 0;
  });
  server.closeAllConnections(); // idle keep-alive HTTP connections too
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, (received) => void shutdown(received));
}
// #endregion shutdown
