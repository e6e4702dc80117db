// Lesson 1 the plain way: Socket.IO alone, in the seed's shape (a
// setInterval per socket, console.log per reply), with the seed's bugs
// fixed: a real import, the IP from the handshake. No lifecycle package,
// no Origin check; Socket.IO's built-in heartbeat stays on. The docs show
// it as the plain library code each step starts from; the compare tool
// measures it as the baseline of socketio-demo
// (packages/compare/src/baselines/socketio-bare.ts).
import type { Server as HttpServer } from "node:http";
import { Server, type ServerOptions } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol.js";

export interface PlainPushOptions {
  readonly pushIntervalMs: number;
  readonly pushText: string;
  /** More options for `new Server`: a heartbeat, a parser. */
  readonly server?: Partial<ServerOptions>;
}

export type PlainServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Serves lesson 1 on `server`'s Socket.IO, the plain way. */
export function attachPlainPush(
  server: HttpServer,
  options: PlainPushOptions,
): PlainServer {
  const { pushIntervalMs, pushText } = options;
  // #region attach
  const io: PlainServer = new Server(server, {
    path: "/socket.io",
    ...options.server,
  });
  // #endregion attach

  // #region connection
  io.on("connection", (socket) => {
    const ip = socket.handshake.address;
    console.log("New Client Connected", ip, socket.id);
    socket.emit("welcome", { id: socket.id, ip, pushIntervalMs });
    // #endregion connection
    // #region push
    let seq = 0;
    const interval = setInterval(() => {
      seq += 1;
      socket.emit("news", {
        seq,
        text: pushText,
        sentAt: performance.timeOrigin + performance.now(),
      });
    }, pushIntervalMs);
    // #endregion push
    // #region disconnect
    socket.on("disconnect", () => {
      console.log("disconnect", ip, socket.id);
      clearInterval(interval);
    });
    // #endregion disconnect
    // #region reply
    socket.on("reply", (data) => console.log(data));
    // #endregion reply
  });
  return io;
}
