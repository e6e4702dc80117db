import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { spawnApp } from "@repo/demo-kit/spawn-app";
import { freshClientAddress } from "./client-addresses.js";
import type { Reply, RoomsClient, RoomsDriver, RoomsEvent } from "./driver.js";

const entry = fileURLToPath(
  new URL("../../../../apps/ws-demo/dist/server.js", import.meta.url),
);

/** Drives ws-demo's rooms at /ws/rooms, speaking the rooms protocol's frames by hand. */
export const wsRoomsDriver: RoomsDriver = {
  name: "ws",
  start: (env) => spawnApp("ws-demo", entry, env),
  async connect(app, options) {
    const ws = new WebSocket(`ws://127.0.0.1:${app.port}/ws/rooms`, {
      localAddress: options?.localAddress ?? (await freshClientAddress()),
    });
    const events: RoomsEvent[] = [];
    const waiting = new Map<number, (answer: Reply) => void>();
    let nextAck = 1;
    ws.on("message", (data: Buffer) => {
      const frame = JSON.parse(data.toString("utf8")) as {
        event: string;
        ack?: number;
        data: unknown;
      };
      if (frame.event === "ack" && frame.ack !== undefined) {
        waiting.get(frame.ack)?.(frame.data as Reply);
        waiting.delete(frame.ack);
      } else {
        events.push({ event: frame.event, data: frame.data });
      }
    });
    const ended = new Promise<string>((resolve) =>
      ws.on("close", (code: number, reason: Buffer) =>
        resolve(`${code} ${reason.toString("utf8")}`.trim()),
      ),
    );
    const closed = ended.then(() => {});
    await new Promise<void>((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    ws.on("error", () => {});
    const client: RoomsClient & { ws: WebSocket } = {
      ws,
      events,
      ended,
      request(event, data) {
        const ack = nextAck++;
        ws.send(JSON.stringify({ event, data, ack }));
        return new Promise((resolve, reject) => {
          waiting.set(ack, resolve);
          void closed.then(() =>
            reject(new Error(`closed before the answer to ${event}`)),
          );
        });
      },
      send(event, data) {
        ws.send(JSON.stringify({ event, data }));
      },
      async close() {
        ws.close();
        await closed;
      },
    };
    return client;
  },
  sendGarbage(client) {
    (client as RoomsClient & { ws: WebSocket }).ws.send("this is not JSON");
  },
  stopReading(client) {
    const { ws } = client as RoomsClient & { ws: WebSocket };
    ws.pause(); // no more reads: no pong either
    return () => ws.terminate();
  },
  capabilities: { refusalWithoutAnswer: "error-event" },
};
