import { Agent } from "node:http";
import { fileURLToPath } from "node:url";
import { io, type Socket } from "socket.io-client";
import { WebSocket } from "ws";
import type {
  Capabilities,
  ClientClose,
  ConnectOptions,
  ContractClient,
  TransportDriver,
} from "../transport/driver.js";
import { CONTRACT_HEARTBEAT_MS } from "../contract-settings.js";
import { refusedUpgradeStatus } from "./refused.js";
import { spawnApp, type RunningApp } from "@repo/demo-kit/spawn-app";

const entry = fileURLToPath(
  new URL("../../../../apps/socketio-demo/dist/server.js", import.meta.url),
);

const capabilities: Capabilities = {
  // HEARTBEAT_MS sets both pingInterval and pingTimeout in socketio-demo.
  heartbeatEnv: { HEARTBEAT_MS: String(CONTRACT_HEARTBEAT_MS) },
  // Socket.IO's own rule: a ping every pingInterval, a pong due within
  // pingTimeout. Same two intervals as ws-demo here, by construction.
  deadPeerWithinMs: 2 * CONTRACT_HEARTBEAT_MS,
  // The server closes the transport (1009 over WebSocket, 413 over
  // polling); socket.io-client reports either as a transport failure.
  oversizeClose: { reason: /^transport (close|error)$/ },
  foreignOriginRefusal: {
    status: 400,
    why: "engine.io answers every refused upgrade with 400 (polling gets 403)",
  },
  // io.close(): transports end (a pending poll fails as "transport error"),
  // so real clients reconnect on their own.
  shutdownClose: { reason: /^transport (close|error)$/ },
  // engine.io's own WebSocket, as a websocket-only client opens it.
  lingeringTimersMs: 30_000,
  webSocketPath: "/socket.io/?EIO=4&transport=websocket",
};

/** Drives apps/socketio-demo with socket.io-client, on the given transports. */
export function socketIoDriver(
  transports: Array<"polling" | "websocket">,
): TransportDriver {
  const websocketOnly =
    transports.length === 1 && transports[0] === "websocket";
  return {
    name: websocketOnly ? "socket.io (websocket only)" : "socket.io",
    start: (env) => spawnApp("socketio-demo", entry, env),
    connect: (app, options) =>
      options?.silent
        ? connectSilent(app, options)
        : connect(app, transports, options),
    refusedStatus,
    capabilities,
  };
}

/** Long enough for a loaded machine; a hung handshake fails with a reason. */
const WELCOME_TIMEOUT_MS = 15_000;

function connect(
  app: RunningApp,
  transports: Array<"polling" | "websocket">,
  options: ConnectOptions = {},
): Promise<ContractClient> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.origin) headers.Origin = options.origin;
  const socket: Socket = io(app.origin, {
    path: "/socket.io",
    transports,
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
    // Polling requests go through the agent, the WebSocket through localAddress.
    ...(options.localAddress
      ? {
          agent: new Agent({
            localAddress: options.localAddress,
          }) as unknown as string,
          localAddress: options.localAddress,
        }
      : {}),
  });
  const news: Array<{ seq: number; at: number }> = [];
  let connectedAt = 0;
  socket.on("connect", () => (connectedAt = performance.now()));
  socket.on("news", ({ seq }: { seq: number }) =>
    news.push({ seq, at: performance.now() }),
  );
  const closed = new Promise<ClientClose>((resolve) => {
    socket.on("disconnect", (reason) => resolve({ reason }));
  });

  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(giveUp);
      socket.close();
      reject(error);
    };
    // A client that never gets its welcome fails the clause, with why,
    // instead of holding it until the test's own timeout.
    const giveUp = setTimeout(
      () => fail(new Error(`no welcome within ${WELCOME_TIMEOUT_MS} ms`)),
      WELCOME_TIMEOUT_MS,
    );
    socket.on("connect_error", fail);
    socket.once("disconnect", (reason) => {
      if (!socket.recovered)
        fail(new Error(`disconnected before the welcome: ${reason}`));
    });
    socket.once("welcome", (welcome: { id: string; ip: string }) => {
      clearTimeout(giveUp);
      resolve({
        welcome,
        news,
        connectedAt,
        closed,
        reply: (seq) => socket.emit("reply", { seq, text: `got #${seq}` }),
        sendOversize: (bytes) =>
          socket.emit("reply", { seq: 0, text: "x".repeat(bytes) }),
        async close() {
          if (!socket.connected) return;
          socket.disconnect();
          await closed;
        },
      });
    });
  });
}

/** The raw engine.io v4 handshake over WebSocket; then it never answers a ping. */
function connectSilent(
  app: RunningApp,
  options: ConnectOptions,
): Promise<ContractClient> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${app.port}/socket.io/?EIO=4&transport=websocket`,
    {
      localAddress: options.localAddress,
    },
  );
  const closed = new Promise<ClientClose>((resolve) =>
    ws.on("close", (code, reason) =>
      resolve({ code, reason: reason.toString("utf8") }),
    ),
  );
  ws.on("error", () => {});
  let connectedAt = 0;
  return new Promise((resolve, reject) => {
    void closed.then(() => reject(new Error("closed before welcome")));
    ws.on("message", (data: Buffer) => {
      const packet = data.toString("utf8");
      if (packet.startsWith("0")) {
        ws.send("40"); // engine.io open seen: socket.io CONNECT to the main namespace
        connectedAt = performance.now();
      } else if (packet.startsWith('42["welcome"')) {
        const [, welcome] = JSON.parse(packet.slice(2)) as [
          string,
          { id: string; ip: string },
        ];
        resolve({
          welcome,
          news: [],
          connectedAt,
          closed,
          reply: () => {},
          sendOversize: () => {},
          close: async () => {
            ws.terminate();
            await closed;
          },
        });
      }
      // "2" (ping) is never answered with "3": that is the point.
    });
  });
}

function refusedStatus(
  app: RunningApp,
  options: ConnectOptions,
): Promise<number> {
  return refusedUpgradeStatus(
    `ws://127.0.0.1:${app.port}/socket.io/?EIO=4&transport=websocket`,
    options.origin,
  );
}
