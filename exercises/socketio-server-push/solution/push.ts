// Checked against the plain handler, apps/socketio-demo/src/plain-push.ts:
// ../plain/ serves it with this folder's server.ts, and
// packages/verify/test/plain-checks.ts asserts it passes every check this
// solution passes but the trusted-proxy rule (the plain way has none).
//
// Exercise socketio-server-push: YOUR FILE. The server around it (Express,
// Socket.IO at /socket.io, /stats, shutdown) is in server.ts and ../../kit/.
// Steps 3 to 6 of "The Socket.IO path": who the client is, the push, the
// replies, and cleaning up on disconnect.
import type { Socket } from "socket.io";
import { clientIp } from "@repo/lifecycle";
import type { Settings } from "@repo/demo-kit";
import type {
  ClientToServerEvents,
  ServerToClientEvents,
} from "socketio-demo/protocol";
import type { PushServer } from "../../kit/socketio-server.js";

/** Adds the connection handler to `io`. */
export function attachPush(io: PushServer, settings: Settings): void {
  io.on(
    "connection",
    (socket: Socket<ClientToServerEvents, ServerToClientEvents>) => {
      // socket.request is the handshake's Node request: the peer address,
      // and X-Forwarded-For only when that peer is a proxy we trust.
      const req = socket.request;
      const forwarded = req.headers["x-forwarded-for"];
      const ip = clientIp(
        {
          remoteAddress: req.socket.remoteAddress,
          forwardedFor: Array.isArray(forwarded)
            ? forwarded.join(",")
            : forwarded,
        },
        settings.trustProxy,
      );
      console.log("New Client Connected", ip, socket.id);
      socket.emit("welcome", {
        id: socket.id,
        ip,
        pushIntervalMs: settings.pushIntervalMs,
      });

      socket.on("reply", (data) => {
        console.log(socket.id, "says", data);
      });

      let seq = 0;
      const interval = setInterval(() => {
        seq += 1;
        socket.emit("news", {
          seq,
          text: "Hello from the server",
          sentAt: Date.now(),
        });
      }, settings.pushIntervalMs);

      socket.on("disconnect", (reason) => {
        console.log("disconnect", ip, socket.id, reason);
        clearInterval(interval);
      });
    },
  );
}
