// Provided: /socket.io/socket.io.min.js, which the page loads before main.js,
// defines the global `io`. Its types come from socket.io-client.
import type { io as ioFunction } from "socket.io-client";

declare global {
  const io: typeof ioFunction;
}
