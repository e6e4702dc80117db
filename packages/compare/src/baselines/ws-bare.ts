// The baseline for ws-demo: lesson 1 the plain way (ws-demo's
// plain-push.ts: ws alone, in the seed's shape, with its bugs fixed),
// speaking ws-demo's wire format so that bytes compare. No lifecycle
// package, no heartbeat, no Origin check.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { attachPlainPush } from "ws-demo/plain-push";

const server = createServer((_request, response) => {
  response.end("ws baseline");
});
const wss = attachPlainPush(server, {
  pushIntervalMs: Number(process.env.PUSH_INTERVAL_MS ?? 3000),
  // The compare tool sets one text for every server, as it does for the demos.
  pushText: process.env.PUSH_TEXT || "Hello from the server",
});
// A tuning row of the compare tool: permessage-deflate, off in ws by default.
if (process.env.WS_PER_MESSAGE_DEFLATE === "1")
  wss.options.perMessageDeflate = {};

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
