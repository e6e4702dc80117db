// The baseline for socketio-demo's rooms (lesson 2): rooms on Socket.IO
// alone, `socket.join` and `io.to(room).emit` and nothing else, in the
// /rooms namespace the compare tool's rooms clients connect to
// (bench/rooms-worker.ts). Those clients wait for the answer to `join`
// and to each `say` (emitWithAck), so both call the ack with the smallest
// answer, { ok: true }.
//
// What it leaves out, each of which socketio-demo's rooms do, and which is
// what the demo's extra code buys:
// - validation: the middleware that refuses unknown events, bad data and
//   rooms not joined (socketio-demo: socket.use with parseRequest);
// - history: a message is emitted and forgotten (socketio-demo: the
//   rooms' history, and catch-up with `after` on join);
// - connection state recovery: no session kept per socket, no offset on
//   each `message` (socketio-demo: SessionAwareAdapter, which keeps each
//   room's broadcasts for two minutes for clients that come back);
// - rate limits (socketio-demo: the flood guard's budgets per connection
//   and per address);
// - presence and `system` events, `leave`, `typing`, the lifecycle
//   package, logging.
// The `message` keeps socketio-demo's shape (room, id, name, text, at),
// so that bytes per delivery compare and the rows differ by code, not by
// payload; the id is a counter, not a place in a history.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

interface Request {
  readonly room: string;
  readonly name?: string;
  readonly text?: string;
}
type Ack = (answer: { ok: true }) => void;

const heartbeatMs = process.env.HEARTBEAT_MS
  ? Number(process.env.HEARTBEAT_MS)
  : undefined;
const server = createServer((_request, response) => {
  response.end("socket.io rooms baseline");
});
const io = new Server(server, {
  path: "/socket.io",
  // The compare tool keeps heartbeats out of its measured windows.
  ...(heartbeatMs
    ? { pingInterval: heartbeatMs, pingTimeout: heartbeatMs }
    : {}),
});
const life = Date.now();
let lastId = 0;

// #region rooms
const rooms = io.of("/rooms");
rooms.on("connection", (socket) => {
  // The name each room was joined with: the one thing a `message` needs
  // that Socket.IO does not keep.
  const names = new Map<string, string>();
  socket.on("join", ({ room, name }: Request, ack: Ack) => {
    names.set(room, name ?? "");
    void socket.join(room);
    ack({ ok: true });
  });
  socket.on("say", ({ room, text }: Request, ack: Ack) => {
    ack({ ok: true });
    // To everyone in the room, the sender too, as socketio-demo does.
    rooms.to(room).emit("message", {
      room,
      id: `${life}-${++lastId}`,
      name: names.get(room) ?? "",
      text: text ?? "",
      at: Date.now(),
    });
  });
});
// #endregion rooms

server.listen(
  Number(process.env.PORT ?? 0),
  process.env.HOST ?? "127.0.0.1",
  () => {
    const { port } = server.address() as AddressInfo;
    console.log(`socketio-rooms-bare ready at http://127.0.0.1:${port}`);
  },
);
process.on("SIGTERM", () => {
  void io.close();
});
