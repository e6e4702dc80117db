import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import {
  canUseClientAddresses,
  takeClientAddress,
} from "./client-addresses.js";

/**
 * A TCP relay between a browser and an app, on 127.0.0.1: the test cuts
 * it to play a network drop (the server and the page both stay up) and
 * points it at another port to play a server restart. Each connection it
 * relays comes to the app from its own loopback address, where the machine
 * has them: each tab of a test is a person of its own to the rooms'
 * per-address budgets, not one browser reloading many times.
 */
export interface FlakyLink {
  readonly port: number;
  /** Cuts every connection, and refuses new ones until up(). */
  down(): void;
  up(): void;
  /** From now on, connections go to this port. */
  retarget(port: number): void;
  close(): Promise<void>;
}

export async function flakyLink(targetPort: number): Promise<FlakyLink> {
  let target = targetPort;
  const ownAddresses = await canUseClientAddresses();
  let isUp = true;
  const pairs = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!isUp) {
      client.destroy();
      return;
    }
    const upstream = new (client.constructor as typeof Socket)();
    upstream.connect({
      port: target,
      host: "127.0.0.1",
      localAddress: ownAddresses ? takeClientAddress() : undefined,
    });
    for (const socket of [client, upstream]) {
      pairs.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        pairs.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const cut = () => {
    for (const socket of pairs) socket.destroy();
  };
  return {
    port: (server.address() as AddressInfo).port,
    down() {
      isUp = false;
      cut();
    },
    up() {
      isUp = true;
    },
    retarget(port) {
      target = port;
      cut();
    },
    close: () =>
      new Promise((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
