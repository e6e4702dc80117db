// The recording proxy under every "On the wire" diagram: a TCP proxy on
// 127.0.0.1 that forwards to a demo and records what crosses it, parsed
// into HTTP messages and WebSocket frames (record.ts, record-rooms.ts).
import {
  connect,
  createServer,
  type AddressInfo,
  type Socket as NetSocket,
} from "node:net";
import { StreamParser, type WireEvent } from "./parse.js";

export interface Recording {
  readonly title: string;
  readonly recordedAt: string;
  readonly events: readonly (WireEvent & { readonly atMs: number })[];
}

/** A proxy that forwards to `targetPort` and records both directions. */
export async function recordingProxy(targetPort: number) {
  const events: Array<WireEvent & { atMs: number }> = [];
  const started = performance.now();
  let connections = 0;
  const sockets = new Set<NetSocket>();
  const proxy = createServer((client) => {
    const id = ++connections;
    const upstream = connect(targetPort, "127.0.0.1");
    sockets.add(client).add(upstream);
    const record = (event: WireEvent) => {
      events.push({ ...event, atMs: Math.round(performance.now() - started) });
      // A 101 from the server switches the client's direction too.
      if (event.kind === "http" && event.startLine.startsWith("HTTP/1.1 101 "))
        up.upgrade();
    };
    const up = new StreamParser(id, "client->server", record);
    const down = new StreamParser(id, "server->client", record);
    client.on("data", (chunk: Buffer) => {
      up.push(chunk);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      down.push(chunk);
      client.write(chunk);
    });
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on("end", () => b.end());
      a.on("error", () => b.destroy());
      a.on("close", () => sockets.delete(a));
    }
  });
  proxy.listen(0, "127.0.0.1");
  await new Promise((resolve) => proxy.once("listening", resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    events,
    close: () => {
      for (const socket of sockets) socket.destroy();
      proxy.close();
    },
  };
}

/** Resolves after `ms`. */
export const pause = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms));
