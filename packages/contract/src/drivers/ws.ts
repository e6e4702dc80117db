import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import type {
  ClientClose,
  ConnectOptions,
  ContractClient,
  TransportDriver,
} from "../transport/driver.js";
import { CONTRACT_HEARTBEAT_MS } from "../contract-settings.js";
import { refusedUpgradeStatus } from "./refused.js";
import { spawnApp, type RunningApp } from "@repo/demo-kit/spawn-app";

const entry = fileURLToPath(
  new URL("../../../../apps/ws-demo/dist/server.js", import.meta.url),
);

/** Drives apps/ws-demo with the `ws` client, speaking its JSON envelope. */
export const wsDriver: TransportDriver = {
  name: "ws",
  start: (env) => spawnApp("ws-demo", entry, env),
  connect,
  refusedStatus,
  capabilities: {
    heartbeatEnv: { HEARTBEAT_MS: String(CONTRACT_HEARTBEAT_MS) },
    // ping at 1 interval, no pong by the 2nd: terminated.
    deadPeerWithinMs: 2 * CONTRACT_HEARTBEAT_MS,
    oversizeClose: { code: 1009 },
    foreignOriginRefusal: {
      status: 403,
      why: "the app's upgrade router answers it",
    },
    shutdownClose: { code: 1001, reason: "server shutting down" },
    lingeringTimersMs: 0,
    webSocketPath: "/ws",
  },
};

function open(app: RunningApp, options: ConnectOptions): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${app.port}/ws`, {
    localAddress: options.localAddress,
    headers: options.headers,
    origin: options.origin,
    autoPong: !options.silent,
  });
}

function connect(
  app: RunningApp,
  options: ConnectOptions = {},
): Promise<ContractClient> {
  const ws = open(app, options);
  const news: Array<{ seq: number; at: number }> = [];
  let connectedAt = 0;
  const closed = new Promise<ClientClose>((resolve) => {
    ws.on("close", (code, reason) =>
      resolve({ code, reason: reason.toString("utf8") }),
    );
  });
  ws.on("error", () => {}); // the close that follows carries the outcome

  return new Promise((resolve, reject) => {
    ws.on("open", () => (connectedAt = performance.now()));
    ws.on("unexpected-response", (_request, response) => {
      reject(new Error(`handshake refused with HTTP ${response.statusCode}`));
      ws.terminate();
    });
    void closed.then(({ code }) =>
      reject(new Error(`closed (${code}) before welcome`)),
    );
    ws.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString("utf8")) as
        | { event: "welcome"; data: { id: string; ip: string } }
        | { event: "news"; data: { seq: number } };
      if (message.event === "news") {
        news.push({ seq: message.data.seq, at: performance.now() });
        return;
      }
      resolve({
        welcome: message.data,
        news,
        connectedAt,
        closed,
        reply: (seq) =>
          ws.send(
            JSON.stringify({
              event: "reply",
              data: { seq, text: `got #${seq}` },
            }),
          ),
        sendOversize: (bytes) => ws.send("x".repeat(bytes)),
        async close() {
          if (ws.readyState === WebSocket.CLOSED) return;
          ws.close(1000, "done");
          await closed;
        },
      });
    });
  });
}

function refusedStatus(
  app: RunningApp,
  options: ConnectOptions,
): Promise<number> {
  return refusedUpgradeStatus(`ws://127.0.0.1:${app.port}/ws`, options.origin);
}
