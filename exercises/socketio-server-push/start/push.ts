// Exercise socketio-server-push: YOUR FILE. The server around it (Express,
// Socket.IO at /socket.io, /stats, shutdown) is in server.ts and ../../kit/.
// Steps 3 to 6 of "The Socket.IO path": who the client is, the push, the
// replies, and cleaning up on disconnect.
//
// This is the original study note's Socket.IO handler, in TypeScript and
// in the workshop's events (a `welcome` first, `news` with a seq), with
// the note's bugs still in it. Run
//   npm run verify -- socketio-server-push
// and fix what it reports.
import type { Socket } from "socket.io";
import type { Settings } from "@repo/demo-kit";
import type {
  ClientToServerEvents,
  ServerToClientEvents,
} from "socketio-demo/protocol";
import type { PushServer } from "../../kit/socketio-server.js";

/** The note keeps the timer as a property stuck on the socket. */
type NoteSocket = Socket<ClientToServerEvents, ServerToClientEvents> & {
  interval?: NodeJS.Timeout;
};

/** Adds the connection handler to `io`. */
export function attachPush(io: PushServer, settings: Settings): void {
  io.on("connection", (socket: NoteSocket) => {
    // socket.request is the request object; socket.id the socket's own id.
    const req = socket.request as typeof socket.request & { ip?: string };
    const ip = String(req.headers["x-forward-for"] || req.socket.remoteAddress);
    console.log("New Client Connected", ip, socket.id, req.ip);
    socket.emit("welcome", {
      id: socket.id,
      ip,
      pushIntervalMs: settings.pushIntervalMs,
    });

    socket.on("disconnect", () => {
      console.log("client disconnected", ip, socket.id);
      clearInterval(socket.interval);
    });

    socket.on("error", (error) => {
      console.log(error);
    });

    socket.on("reply", (data) => {
      console.log(data);
    });

    let seq = 0;
    socket.interval = setInterval(() => {
      seq += 1;
      socket.emit("news", {
        seq,
        text: "Hello from the server",
        sentAt: Date.now(),
      });
    }, settings.pushIntervalMs);
  });
}
