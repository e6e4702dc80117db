// Not an exercise file: lesson 1 the plain way, ws-demo's own handler
// (apps/ws-demo/src/plain-push.ts, the code the docs show and compare
// measures), in the place of solution/push.ts. server.ts is solution/'s,
// so verify checks the plain handler with the same kit and clauses:
//   node packages/verify/dist/cli.js ws-server-push --dir exercises/ws-server-push/plain
// (from the root, once `npm run verify:list` has built verify).
// packages/verify/test/plain-checks.ts asserts it passes what the solution
// passes, except the trusted-proxy rule, which the plain way does not have.
import { createServer, type IncomingMessage } from "node:http";
import type { WebSocket, WebSocketServer } from "ws";
import type { Settings } from "@repo/demo-kit";
import { attachPlainPush } from "ws-demo/plain-push";

let plain: WebSocketServer | undefined;

/** Hands one WebSocket that connected to /ws to the plain handler. */
export function onConnection(
  ws: WebSocket,
  request: IncomingMessage,
  settings: Settings,
): void {
  // attachPlainPush makes its own WebSocketServer on an HTTP server, but
  // the kit has already done the upgrade (the path, the Origin rule). So
  // the plain server gets an HTTP server that never listens, and each
  // connection is handed to it as ws itself does in { server } mode:
  // wss.emit("connection", ws, request) runs its connection handler.
  plain ??= attachPlainPush(createServer(), {
    pushIntervalMs: settings.pushIntervalMs,
    pushText: settings.pushText,
  });
  plain.emit("connection", ws, request);
}
