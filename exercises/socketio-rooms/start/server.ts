// Provided: starts the exercise's server with socketio-demo's own chat on
// Socket.IO's /rooms namespace (the socketio-demo package's rooms module),
// with its memory backend, and your recipients.ts to say who gets each
// event. Run it alone with `npx tsx server.ts` in this folder (port 8003,
// page at /rooms), or let `npm run verify -- socketio-rooms` start and
// check it.
import { createTracker } from "@repo/lifecycle";
import { attachRooms, createMemoryBackend } from "socketio-demo/rooms";
import { runSocketIoExercise } from "../../kit/socketio-server.js";
import { recipients } from "./recipients.js";

runSocketIoExercise("socketio-rooms", (io, settings, log) => {
  const tracker = createTracker({ trustProxy: settings.trustProxy });
  attachRooms(io, {
    tracker,
    log,
    backend: createMemoryBackend(),
    recipients,
  });
  return { liveTimers: () => tracker.stats().liveTimers };
});
