// /socket.io/socket.io.min.js, served by the server, defines the global `io`.
// Its types come from the socket.io-client package of the same version.
import type { io as ioFunction } from "socket.io-client";

declare global {
  const io: typeof ioFunction;
}
