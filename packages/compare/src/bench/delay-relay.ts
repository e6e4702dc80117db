// A network with distance, on loopback: a TCP relay on 127.0.0.1 that
// holds every byte for a set time in each direction before passing it
// on, as a long cable would, and that can play an outage (every relayed
// connection cut, new ones reset, for a while). This machine has no
// netem, and the compare tool must run anywhere Node runs.
//
// Each direction of each connection is a queue of chunks stamped with the
// time they may leave, and one timer armed for the oldest: a chunk leaves
// when its time comes, in the order it arrived. One timer per direction,
// not one per chunk.
import { connect, createServer, type AddressInfo, type Socket } from "node:net";

export interface DelayRelayOptions {
  /** The server's port on 127.0.0.1. */
  readonly targetPort: number;
  /** Added to each direction: a round trip costs twice this. */
  readonly delayMs: number;
  /**
   * Connect to the server from the client's own loopback address, so
   * that each client stays a client of its own to the server's
   * per-address budgets (the rooms'). Off: from 127.0.0.1.
   */
  readonly keepClientAddress?: boolean;
}

export interface DelayRelay {
  readonly port: number;
  readonly delayMs: number;
  /** Connections relayed now. */
  readonly open: number;
  /**
   * An outage: cuts every relayed connection at once, and resets every
   * new one for `ms`; resolves when connections are accepted again.
   */
  outage(ms: number): Promise<void>;
  /** Whether an outage is on. */
  readonly down: boolean;
  close(): Promise<void>;
}

type Item = { readonly dueAt: number } & (
  { readonly kind: "data"; readonly chunk: Buffer } | { readonly kind: "end" }
);

/**
 * One direction of one connection: what `from` sends reaches `to` no
 * earlier than `delayMs` later, in order. `notBefore` holds back the
 * first bytes too (the TCP handshake, below).
 */
class DelayedDirection {
  private readonly queue: Item[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly to: Socket,
    private readonly delayMs: number,
    private readonly notBefore: number,
  ) {}

  push(item: { kind: "data"; chunk: Buffer } | { kind: "end" }): void {
    // Never before the previous one: the order is kept even if the
    // clock's reading were to step back.
    const last = this.queue.at(-1)?.dueAt ?? 0;
    const dueAt = Math.max(
      last,
      Math.max(performance.now(), this.notBefore) + this.delayMs,
    );
    this.queue.push({ ...item, dueAt });
    if (this.queue.length === 1) this.arm();
  }

  private arm(): void {
    const head = this.queue[0];
    if (!head) return;
    // setTimeout may fire a fraction of a millisecond early: round up,
    // and check again when it fires.
    const wait = Math.max(0, Math.ceil(head.dueAt - performance.now()));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    const now = performance.now();
    while (this.queue.length > 0 && this.queue[0]!.dueAt <= now) {
      const item = this.queue.shift()!;
      if (this.to.destroyed) continue;
      if (item.kind === "data") this.to.write(item.chunk);
      else this.to.end();
    }
    this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.queue.length = 0;
  }
}

/** Starts a relay to `targetPort` that delays each direction by `delayMs`. */
export async function startDelayRelay(
  options: DelayRelayOptions,
): Promise<DelayRelay> {
  const { targetPort, delayMs } = options;
  const sockets = new Set<Socket>();
  const directions = new Set<DelayedDirection>();
  let isDown = false;

  // Half open: a side that ends its sending still gets what is on the
  // way to it (Node would otherwise end both directions at once).
  // No Nagle: a small write waiting for the previous one's ACK would add
  // its own delay to the one this relay sets.
  const server = createServer(
    { allowHalfOpen: true, noDelay: true },
    (client) => {
      client.on("error", () => {});
      if (isDown) {
        // An outage: the connection is reset as soon as it is made.
        client.resetAndDestroy();
        return;
      }
      const openedAt = performance.now();
      const address = client.remoteAddress?.replace(/^::ffff:/, "");
      const upstream = connect({
        allowHalfOpen: true,
        noDelay: true,
        port: targetPort,
        host: "127.0.0.1",
        ...(options.keepClientAddress && address && address !== "127.0.0.1"
          ? { localAddress: address }
          : {}),
      });
      upstream.on("error", () => {});
      // A real connection costs a round trip (SYN, SYN-ACK) before the
      // client's first bytes can leave: they reach the server no earlier
      // than three one-way trips after the connect, its answer four.
      const up = new DelayedDirection(
        upstream,
        delayMs,
        openedAt + 2 * delayMs,
      );
      const down = new DelayedDirection(client, delayMs, 0);
      for (const [socket, direction] of [
        [client, up],
        [upstream, down],
      ] as const) {
        sockets.add(socket);
        directions.add(direction);
        socket.on("data", (chunk: Buffer) =>
          direction.push({ kind: "data", chunk }),
        );
        // A half close travels like data, after what was sent before it.
        socket.on("end", () => direction.push({ kind: "end" }));
        socket.on("close", () => {
          sockets.delete(socket);
          // A reset or an error: no more bytes either way.
          if (!socket.readableEnded) {
            client.destroy();
            upstream.destroy();
          }
          if (client.destroyed && upstream.destroyed) {
            up.stop();
            down.stop();
            directions.delete(up);
            directions.delete(down);
          }
        });
      }
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });

  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
    for (const direction of directions) direction.stop();
    directions.clear();
  };
  return {
    port: (server.address() as AddressInfo).port,
    delayMs,
    get open() {
      return sockets.size;
    },
    get down() {
      return isDown;
    },
    async outage(ms) {
      isDown = true;
      cutAll();
      await new Promise((resolve) => setTimeout(resolve, ms));
      isDown = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
