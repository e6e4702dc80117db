// The Server-Sent Events baseline: lesson 1's scenario with neither ws
// nor Socket.IO, on node:http alone. The browser opens
// `new EventSource("/events")` and reads pushes; it answers each with
// `fetch("/reply", { method: "POST", body })`. Same push text, interval
// and JSON as ws-bare, so that bytes compare; no lifecycle package, no
// heartbeat, no Origin check.
//
// One thing differs from the other baselines, on purpose: one timer for
// the whole server, not one per connection. An EventSource that loses its
// connection reconnects by itself and sends the id of the last event it
// read (the Last-Event-ID header); the server can only hand it what it
// missed if the pushes form one numbered feed that it keeps for a while.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const pushIntervalMs = Number(process.env.PUSH_INTERVAL_MS ?? 3000);
// The compare tool sets one text for every server, as it does for the demos.
const pushText = process.env.PUSH_TEXT || "Hello from the server";
/** A reply is a few dozen bytes: refuse anything much larger. */
const MAX_REPLY_BYTES = 4096;

// #region feed
/** Pushes kept for clients that come back: a minute at one a second. */
const KEPT_EVENTS = 60;
interface SentEvent {
  readonly id: number;
  /** The event exactly as written: `id`, `event` and `data` lines, a blank line. */
  readonly text: string;
}
const streams = new Set<ServerResponse>();
const kept: SentEvent[] = [];
let seq = 0;

const feed = setInterval(() => {
  seq += 1;
  const data = JSON.stringify({
    seq,
    text: pushText,
    sentAt: performance.timeOrigin + performance.now(),
  });
  const event = { id: seq, text: `id: ${seq}\nevent: news\ndata: ${data}\n\n` };
  kept.push(event);
  if (kept.length > KEPT_EVENTS) kept.shift();
  // One write per event: on the wire, one HTTP/1.1 chunk per event.
  for (const stream of streams) stream.write(event.text);
}, pushIntervalMs);
// #endregion feed

let lastId = 0;
const server = createServer((request, response) => {
  // #region events
  if (request.method === "GET" && request.url === "/events") {
    const ip = request.socket.remoteAddress;
    const id = `conn-${++lastId}`;
    console.log("connect", id, ip);
    response.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-store",
    });
    // No `id:` line: the browser's last event id stays the last push's.
    response.write(
      `event: welcome\ndata: ${JSON.stringify({ id, ip, pushIntervalMs })}\n\n`,
    );
    // A client that comes back says where it stopped: send what followed.
    const lastSeen = Number(request.headers["last-event-id"]);
    if (Number.isInteger(lastSeen) && lastSeen >= 0)
      for (const event of kept)
        if (event.id > lastSeen) response.write(event.text);
    streams.add(response);
    response.on("close", () => {
      console.log("close", id, ip);
      streams.delete(response);
    });
    return;
  }
  // #endregion events
  // #region reply
  if (request.method === "POST" && request.url === "/reply") {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REPLY_BYTES) {
        response.writeHead(413).end();
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => {
      if (response.headersSent) return;
      console.log(
        request.socket.remoteAddress,
        Buffer.concat(chunks).toString(),
      );
      response.writeHead(204).end();
    });
    return;
  }
  // #endregion reply
  response.end("sse baseline");
});

server.listen(
  Number(process.env.PORT ?? 0),
  process.env.HOST ?? "127.0.0.1",
  () => {
    const { port } = server.address() as AddressInfo;
    console.log(`sse-bare ready at http://127.0.0.1:${port}`);
  },
);
process.on("SIGTERM", () => {
  clearInterval(feed);
  for (const stream of streams) stream.end();
  server.close();
});
