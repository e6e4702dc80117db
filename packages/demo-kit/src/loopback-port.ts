// Loopback ports for the test servers this package starts (Redis, nginx).
import { connect, createServer, type Socket } from "node:net";

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Connects to 127.0.0.1:port and resolves with what `check` decides once
 * connected (true by default), or false on error or after 500 ms.
 */
export function probe(
  port: number,
  check: (socket: Socket, done: (ok: boolean) => void) => void = (_, done) =>
    done(true),
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => check(socket, done));
  });
}
