// Not an exercise file: lesson 1 the plain way, socketio-demo's own
// handler (apps/socketio-demo/src/plain-push.ts, the code the docs show
// and compare measures), in the place of solution/push.ts. server.ts is
// solution/'s, so verify checks the plain handler with the same kit and
// clauses:
//   node packages/verify/dist/cli.js socketio-server-push --dir exercises/socketio-server-push/plain
// (from the root, once `npm run verify:list` has built verify).
// packages/verify/test/plain-checks.ts asserts it passes what the solution
// passes, except the trusted-proxy rule, which the plain way does not have.
import { createServer } from "node:http";
import type { Settings } from "@repo/demo-kit";
import { attachPlainPush } from "socketio-demo/plain-push";
import type { PushServer } from "../../kit/socketio-server.js";

/** Adds the plain handler's connection handler to `io`. */
export function attachPush(io: PushServer, settings: Settings): void {
  // attachPlainPush makes its own Socket.IO server on an HTTP server, but
  // the kit's `io` already serves /socket.io. So the plain server gets an
  // HTTP server that never listens, and its "connection" handler is added
  // to the kit's `io`: the same function, run on the kit's sockets.
  const plain = attachPlainPush(createServer(), {
    pushIntervalMs: settings.pushIntervalMs,
    pushText: settings.pushText,
  });
  for (const handler of plain.listeners("connection"))
    io.on("connection", handler);
}
