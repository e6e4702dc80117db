// Exercise ws-server-push: YOUR FILE. The server around it (Express, the
// upgrade on /ws, /stats, shutdown) is in server.ts and ../../kit/; the
// wire format (sendEvent, the types) is ws-demo's own.
// Steps 3 to 6 of "The ws path": who the client is, the push, the
// messages from the page, and cleaning up on close.
//
// This is the original study note's connection handler, in TypeScript and
// in the workshop's wire format ({"event", "data"} JSON, a `welcome`
// first), with the note's bugs still in it. Run
//   npm run verify -- ws-server-push
// and fix what it reports, one check at a time.
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import type { Settings } from "@repo/demo-kit";
import { sendEvent } from "ws-demo/plain-push";
import type { News, Welcome } from "ws-demo/protocol";

/** The note keeps the timer as a property stuck on the socket. */
type NoteSocket = WebSocket & { interval?: NodeJS.Timeout };

let lastId = 0;

/** Handles one WebSocket that connected to /ws. */
export function onConnection(
  ws: NoteSocket,
  req: IncomingMessage,
  settings: Settings,
): void {
  // The note: "this is how to get the client's IP".
  const ip = String(req.headers["x-forwarded-for"] || req.socket.remoteAddress);
  const id = `conn-${++lastId}`;
  console.log("connect", id, ip);
  const welcome: Welcome = {
    id,
    ip,
    pushIntervalMs: settings.pushIntervalMs,
  };
  sendEvent(ws, "welcome", welcome);

  // When a message arrives from the client.
  ws.on("message", (message: Buffer) => {
    console.log(message.toString("utf8"));
  });

  // When something goes wrong on the connection.
  ws.on("error", (error) => {
    console.error(error);
  });

  // When the connection closes. "Leaving the setInterval running leaks memory."
  ws.on("close", () => {
    console.log("client disconnected", ip);
    clearInterval((ws as { clearInterval?: NodeJS.Timeout }).clearInterval);
  });

  // Every few seconds, send the client a message.
  let seq = 0;
  const interval = setInterval(() => {
    if (ws.readyState === ws.OPEN) {
      seq += 1;
      const news: News = {
        seq,
        text: "Hello from the server",
        sentAt: Date.now(),
      };
      sendEvent(ws, "news", news);
    }
  }, settings.pushIntervalMs);
  ws.interval = interval;
}
