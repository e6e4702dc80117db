// The baseline for ws-demo: the seed's scenario on ws alone, in the seed's
// shape (ws attached with { server }, a setInterval per connection, the
// readyState check, console.log per message) but with the seed's bugs
// fixed (the interval is cleared, the IP is the TCP peer's, the names
// exist), and speaking ws-demo's wire format so that bytes compare. No
// lifecycle package, no heartbeat, no Origin check. The ws docs page shows
// its regions as the plain library code each step starts from.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";

const pushIntervalMs = Number(process.env.PUSH_INTERVAL_MS ?? 3000);
// The compare tool sets one text for every server, as it does for the demos.
const pushText = process.env.PUSH_TEXT || "Hello from the ws server";
const server = createServer((_request, response) => {
  response.end("ws baseline");
});
// #region attach
const wss = new WebSocketServer({ server });
// #endregion attach
// A tuning row of the compare tool: permessage-deflate, off in ws by default.
if (process.env.WS_PER_MESSAGE_DEFLATE === "1")
  wss.options.perMessageDeflate = {};
let lastId = 0;

// #region connection
wss.on("connection", (ws, request) => {
  const ip = request.socket.remoteAddress;
  const id = `conn-${++lastId}`;
  console.log("connect", id, ip);
  ws.send(
    JSON.stringify({ event: "welcome", data: { id, ip, pushIntervalMs } }),
  );
  // #endregion connection
  // #region push
  let seq = 0;
  const interval = setInterval(() => {
    if (ws.readyState === ws.OPEN) {
      seq += 1;
      ws.send(
        JSON.stringify({
          event: "news",
          data: {
            seq,
            text: pushText,
            sentAt: performance.timeOrigin + performance.now(),
          },
        }),
      );
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

server.listen(
  Number(process.env.PORT ?? 0),
  process.env.HOST ?? "127.0.0.1",
  () => {
    const { port } = server.address() as AddressInfo;
    console.log(`ws-bare ready at http://127.0.0.1:${port}`);
  },
);
process.on("SIGTERM", () => {
  for (const ws of wss.clients) ws.terminate();
  server.close();
});
