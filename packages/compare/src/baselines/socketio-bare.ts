// The baseline for socketio-demo: the seed's scenario on Socket.IO alone,
// in the seed's shape (a setInterval per socket, console.log per reply)
// but with the seed's bugs fixed (a real import, the IP from the
// handshake), and speaking socketio-demo's events so that bytes compare.
// No lifecycle package, no Origin check; Socket.IO's built-in heartbeat
// stays on. The Socket.IO docs page shows its regions as the plain library
// code each step starts from.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import * as msgpackParser from "socket.io-msgpack-parser";

const pushIntervalMs = Number(process.env.PUSH_INTERVAL_MS ?? 3000);
// The compare tool sets one text for every server, as it does for the demos.
const pushText = process.env.PUSH_TEXT || "Hello Socket.IO";
const heartbeatMs = process.env.HEARTBEAT_MS
  ? Number(process.env.HEARTBEAT_MS)
  : undefined;
const server = createServer((_request, response) => {
  response.end("socket.io baseline");
});
// #region attach
const io = new Server(server, {
  path: "/socket.io",
  ...(heartbeatMs
    ? { pingInterval: heartbeatMs, pingTimeout: heartbeatMs }
    : {}),
  // A tuning row of the compare tool: msgpack instead of JSON.
  ...(process.env.SOCKETIO_PARSER === "msgpack"
    ? { parser: msgpackParser }
    : {}),
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

server.listen(
  Number(process.env.PORT ?? 0),
  process.env.HOST ?? "127.0.0.1",
  () => {
    const { port } = server.address() as AddressInfo;
    console.log(`socketio-bare ready at http://127.0.0.1:${port}`);
  },
);
process.on("SIGTERM", () => {
  void io.close();
});
