import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

/**
 * Answers a refused WebSocket upgrade with a plain HTTP response, and
 * closes the socket once the answer is written. Ending our side alone is
 * not enough: a client that never closes its side would hold the socket,
 * and a shutdown, for as long as it likes.
 */
export function refuseUpgrade(
  socket: Duplex,
  status: number,
  message: string,
): void {
  socket.on("error", destroySocket);
  socket.once("finish", destroySocket);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}

/**
 * A socket listener that destroys its socket. Named, not a closure: a
 * closure in an 'upgrade' listener would keep the request alive as long
 * as the socket lives (V8 shares one context per scope).
 */
export function destroySocket(this: Duplex): void {
  this.destroy();
}
