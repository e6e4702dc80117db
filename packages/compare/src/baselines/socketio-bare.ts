// The baseline for socketio-demo: lesson 1 the plain way (socketio-demo's
// plain-push.ts: Socket.IO alone, in the seed's shape, with its bugs
// fixed), speaking socketio-demo's events so that bytes compare. No
// lifecycle package, no Origin check; Socket.IO's built-in heartbeat
// stays on.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as msgpackParser from "socket.io-msgpack-parser";
import { attachPlainPush } from "socketio-demo/plain-push";

const heartbeatMs = process.env.HEARTBEAT_MS
  ? Number(process.env.HEARTBEAT_MS)
  : undefined;
const server = createServer((_request, response) => {
  response.end("socket.io baseline");
});
const io = attachPlainPush(server, {
  pushIntervalMs: Number(process.env.PUSH_INTERVAL_MS ?? 3000),
  // The compare tool sets one text for every server, as it does for the demos.
  pushText: process.env.PUSH_TEXT || "Hello from the server",
  server: {
    ...(heartbeatMs
      ? { pingInterval: heartbeatMs, pingTimeout: heartbeatMs }
      : {}),
    // A tuning row of the compare tool: msgpack instead of JSON.
    ...(process.env.SOCKETIO_PARSER === "msgpack"
      ? { parser: msgpackParser }
      : {}),
  },
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
