// Checked against the plain handler, apps/ws-demo/src/plain-push.ts:
// ../plain/ serves it with this folder's server.ts, and
// packages/verify/test/plain-checks.ts asserts it passes every check this
// solution passes but the trusted-proxy rule (the plain way has none).
//
// Exercise ws-server-push: YOUR FILE. The server around it (Express, the
// upgrade on /ws, /stats, shutdown) is in server.ts and ../../kit/; the
// wire format (sendEvent, the types) is ws-demo's own.
// Steps 3 to 6 of "The ws path": who the client is, the push, the
// messages from the page, and cleaning up on close.
import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import { clientIp } from "@repo/lifecycle";
import type { Settings } from "@repo/demo-kit";
import { sendEvent } from "ws-demo/plain-push";
import type { News, Welcome } from "ws-demo/protocol";

let lastId = 0;

/** Handles one WebSocket that connected to /ws. */
export function onConnection(
  ws: WebSocket,
  request: IncomingMessage,
  settings: Settings,
): void {
  // The TCP peer, unless it is a proxy we trust: only then is
  // X-Forwarded-For read, from the right (any client can write it).
  const forwarded = request.headers["x-forwarded-for"];
  const ip = clientIp(
    {
      remoteAddress: request.socket.remoteAddress,
      forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    },
    settings.trustProxy,
  );
  const id = `conn-${++lastId}`;
  console.log("connect", id, ip);
  const welcome: Welcome = {
    id,
    ip,
    pushIntervalMs: settings.pushIntervalMs,
  };
  sendEvent(ws, "welcome", welcome);

  let seq = 0;
  const interval = setInterval(() => {
    // Only OPEN may send.
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

  ws.on("message", (message: Buffer) => {
    console.log(id, "says", message.toString("utf8"));
  });

  ws.on("error", (error) => console.error(id, error.message));

  ws.on("close", () => {
    console.log("close", id, ip);
    clearInterval(interval); // the timer itself, however the connection ended
  });
}
