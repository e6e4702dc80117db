// Provided: starts the exercise's server with ws-demo's own chat on
// /ws/rooms (the ws-demo package's rooms module), with the tracker, the
// heartbeat and the memory backend it needs, and your recipients.ts to
// say who gets each event. Run it alone with `npx tsx server.ts` in this
// folder (port 8003, page at /rooms), or let `npm run verify -- ws-rooms`
// start and check it.
import type { WebSocket } from "ws";
import { createHeartbeat, createTracker } from "@repo/lifecycle";
import { createMemoryBackend, createRooms } from "ws-demo/rooms";
import { runWsExercise } from "../../kit/ws-server.js";
import { recipients } from "./recipients.js";

runWsExercise("ws-rooms", "/ws/rooms", (settings, log) => {
  const tracker = createTracker({
    trustProxy: settings.trustProxy,
    maxBufferedBytes: settings.maxBufferedBytes,
  });
  const heartbeat = createHeartbeat(tracker, settings.heartbeatMs);
  const rooms = createRooms({
    tracker,
    heartbeat,
    log,
    open: new Set<WebSocket>(),
    backend: createMemoryBackend(),
    recipients,
  });
  return {
    onConnection: rooms.onConnection,
    liveTimers: () => tracker.stats().liveTimers,
    stop: () => heartbeat.stop(),
  };
});
