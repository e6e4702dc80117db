// Lesson 1 the plain way: ws alone, in the seed's shape (ws attached with
// { server }, a setInterval per connection, the readyState check,
// console.log per message), with the seed's bugs fixed: the interval is
// cleared, the IP is the TCP peer's, the names exist. No lifecycle
// package, no heartbeat, no Origin check. The docs show it as the plain
// library code each step starts from; the compare tool measures it as
// the baseline of ws-demo (packages/compare/src/baselines/ws-bare.ts).
import type { Server } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

export interface PlainPushOptions {
  readonly pushIntervalMs: number;
  readonly pushText: string;
}

/**
 * Sends one event in this demo's wire format, {"event", "data"} as one
 * JSON text frame (protocol.ts): with ws, the format is yours to invent.
 */
export function sendEvent(ws: WebSocket, event: string, data: unknown): void {
  ws.send(JSON.stringify({ event, data }));
}

/** Serves lesson 1 on every WebSocket of `server`, the plain way. */
export function attachPlainPush(
  server: Server,
  options: PlainPushOptions,
): WebSocketServer {
  const { pushIntervalMs, pushText } = options;
  // #region attach
  const wss = new WebSocketServer({ server });
  // #endregion attach
  let lastId = 0;

  // #region connection
  wss.on("connection", (ws, request) => {
    const ip = request.socket.remoteAddress;
    const id = `conn-${++lastId}`;
    console.log("connect", id, ip);
    sendEvent(ws, "welcome", { id, ip, pushIntervalMs });
    // #endregion connection
    // #region push
    let seq = 0;
    const interval = setInterval(() => {
      if (ws.readyState === ws.OPEN) {
        seq += 1;
        sendEvent(ws, "news", {
          seq,
          text: pushText,
          sentAt: performance.timeOrigin + performance.now(),
        });
      }
    }, pushIntervalMs);
    // #endregion push
    // #region message
    ws.on("message", (message: Buffer) => console.log(id, message.toString()));
    // #endregion message
    // #region close
    ws.on("error", (error) => console.error(error));
    ws.on("close", () => {
      console.log("close", id, ip);
      clearInterval(interval); // the seed cleared ws.clearInterval: nothing
    });
    // #endregion close
  });
  return wss;
}
