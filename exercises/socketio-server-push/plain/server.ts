// Provided: starts the exercise's server with your push.ts attached to
// Socket.IO. Run it alone with `npx tsx server.ts` in this folder (port
// 8003), or let `npm run verify -- socketio-server-push` start and check it.
import { runSocketIoExercise } from "../../kit/socketio-server.js";
import { attachPush } from "./push.js";

runSocketIoExercise("socketio-server-push", (io, settings) =>
  attachPush(io, settings),
);
