// The baseline for ws-demo's rooms (lesson 2): rooms on ws alone, with the
// leanest broadcast ws's public API allows. It speaks ws-demo's rooms wire
// format ({"event","data"} JSON frames on /ws/rooms, "ack": n for an
// answer) only as far as the compare tool's rooms clients need it
// (bench/rooms-worker.ts): they wait for the answer to `join` and to each
// `say`, so those two get the smallest answer, {"ok":true}.
//
// What it leaves out, each of which ws-demo's rooms do, and which is what
// the demo's extra code buys:
// - validation: a frame is trusted to be JSON with a room, a name, a text
//   (ws-demo: readFrame, parseRequest, "not-in-room", "too-many-rooms");
// - history: a message is sent and forgotten; a page that reconnects
//   cannot catch up (ws-demo: the rooms' history, `after` on join);
// - rate limits: a member may say as fast as it likes (ws-demo: the
//   flood guard's budgets per connection and per address);
// - the slow-member guard: a member that does not read makes the server
//   buffer without end (ws-demo: every send through the tracker's guard);
// - presence and `system` events, `leave`, `typing`, the heartbeat, the
//   lifecycle package, logging.
// The `message` frame keeps ws-demo's shape (room, id, name, text, at),
// so that bytes per delivery compare and the rows differ by code, not by
// payload; the id is a counter, not a place in a history.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

interface Frame {
  readonly event: string;
  readonly ack?: number;
  readonly data: { room: string; name?: string; text?: string };
}

const server = createServer((_request, response) => {
  response.end("ws rooms baseline");
});
const wss = new WebSocketServer({ server, path: "/ws/rooms" });

// #region rooms
/** Each room's members (a member keeps the name it joined each room with). */
const rooms = new Map<string, Set<WebSocket>>();
const life = Date.now();
let lastId = 0;
// #endregion rooms

// #region broadcast
/**
 * One JSON.stringify per message, turned into bytes once, then one send
 * per member: `send(buffer, { binary: false })` writes the same buffer as
 * a text frame to every socket (a string would be encoded again for
 * each). No check of `bufferedAmount`: a slow member buffers without end.
 */
function broadcast(room: string, name: string, text: string): void {
  const message = {
    room,
    id: `${life}-${++lastId}`,
    name,
    text,
    at: Date.now(),
  };
  const frame = Buffer.from(
    JSON.stringify({ event: "message", data: message }),
  );
  for (const member of rooms.get(room) ?? [])
    member.send(frame, { binary: false });
}
// #endregion broadcast

/** The smallest answer the rooms clients wait for. */
function answer(ws: WebSocket, ack: number | undefined): void {
  if (ack !== undefined)
    ws.send(JSON.stringify({ event: "ack", ack, data: { ok: true } }));
}

// #region frames
wss.on("connection", (ws) => {
  const joined = new Map<string, string>();
  ws.on("message", (raw: Buffer) => {
    // Trusted as it comes: no check of the JSON, the event or the fields.
    const { event, ack, data } = JSON.parse(raw.toString("utf8")) as Frame;
    if (event === "join") {
      let members = rooms.get(data.room);
      if (!members) rooms.set(data.room, (members = new Set()));
      members.add(ws);
      joined.set(data.room, data.name ?? "");
      answer(ws, ack);
    } else if (event === "say") {
      answer(ws, ack);
      broadcast(data.room, joined.get(data.room) ?? "", data.text ?? "");
    }
  });
  // Out of every room on close: the one piece of bookkeeping ws leaves
  // to us that even a baseline cannot skip (else it sends to the dead).
  ws.on("close", () => {
    for (const room of joined.keys()) {
      const members = rooms.get(room);
      members?.delete(ws);
      if (members?.size === 0) rooms.delete(room);
    }
  });
});
// #endregion frames

server.listen(
  Number(process.env.PORT ?? 0),
  process.env.HOST ?? "127.0.0.1",
  () => {
    const { port } = server.address() as AddressInfo;
    console.log(`ws-rooms-bare ready at http://127.0.0.1:${port}`);
  },
);
process.on("SIGTERM", () => {
  for (const ws of wss.clients) ws.terminate();
  server.close();
});
