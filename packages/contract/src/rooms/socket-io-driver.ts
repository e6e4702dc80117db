import { Agent } from "node:http";
import { fileURLToPath } from "node:url";
import { io, type Socket } from "socket.io-client";
import { spawnApp } from "@repo/demo-kit/spawn-app";
import { freshClientAddress } from "./client-addresses.js";
import type { Reply, RoomsClient, RoomsDriver, RoomsEvent } from "./driver.js";

const entry = fileURLToPath(
  new URL("../../../../apps/socketio-demo/dist/server.js", import.meta.url),
);
/** Long enough for a busy machine; an answer that never comes fails the clause. */
const ANSWER_TIMEOUT_MS = 5000;

/** Drives socketio-demo's `/rooms` namespace with socket.io-client. */
export function socketIoRoomsDriver(
  transports: Array<"polling" | "websocket">,
): RoomsDriver {
  return {
    name:
      transports.length === 1
        ? `socket.io (${transports[0]} only)`
        : "socket.io",
    start: (env) => spawnApp("socketio-demo", entry, env),
    async connect(app, options) {
      const localAddress =
        options?.localAddress ?? (await freshClientAddress());
      const socket: Socket = io(`${app.origin}/rooms`, {
        transports,
        reconnection: false,
        forceNew: true,
        // Polling requests go through the agent, the WebSocket through localAddress.
        ...(localAddress
          ? {
              agent: new Agent({ localAddress }) as unknown as string,
              localAddress,
            }
          : {}),
      });
      const events: RoomsEvent[] = [];
      const ended = new Promise<string>((resolve) =>
        socket.once("disconnect", (reason) => resolve(reason)),
      );
      socket.onAny((event: string, data: unknown) =>
        events.push({ event, data }),
      );
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      const client: RoomsClient & { socket: Socket } = {
        socket,
        events,
        ended,
        request: (event, data) =>
          socket
            .timeout(ANSWER_TIMEOUT_MS)
            .emitWithAck(event, data) as Promise<Reply>,
        send: (event, data) => void socket.emit(event, data),
        async close() {
          if (!socket.connected) return;
          const closed = new Promise((resolve) =>
            socket.once("disconnect", resolve),
          );
          socket.disconnect();
          await closed;
        },
      };
      return client;
    },
    sendGarbage(client) {
      (client as RoomsClient & { socket: Socket }).socket.emit(
        "say",
        Buffer.from([0xde, 0xad]),
      );
    },
    stopReading(client) {
      const { socket } = client as RoomsClient & { socket: Socket };
      // Freeze the engine's WebSocket: no packet read, no ping answered.
      const engine = socket.io.engine as unknown as {
        transport: { ws?: { pause(): void; terminate(): void } };
      };
      engine.transport.ws?.pause();
      return () => {
        engine.transport.ws?.terminate();
        socket.io.engine.close();
      };
    },
    capabilities: { refusalWithoutAnswer: "logged-only" },
  };
}
