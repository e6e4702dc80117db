// Provided: starts the exercise's server with your chat.ts on Socket.IO's
// /rooms namespace. Run it alone with `npx tsx server.ts` in this folder
// (port 8003, page at /rooms), or let `npm run verify -- socketio-rooms`
// start and check it.
import { createTracker } from "@repo/lifecycle";
import { runSocketIoExercise } from "../../kit/socketio-server.js";
import { attachRooms } from "./chat.js";

runSocketIoExercise("socketio-rooms", (io, settings, log) => {
  const tracker = createTracker({ trustProxy: settings.trustProxy });
  attachRooms(io, { tracker, log });
  return { liveTimers: () => tracker.stats().liveTimers };
});
