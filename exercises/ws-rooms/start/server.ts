// Provided: starts the exercise's server with your chat.ts on /ws/rooms,
// the tracker and the heartbeat it needs. Run it alone with
// `npx tsx server.ts` in this folder (port 8003, page at /rooms), or let
// `npm run verify -- ws-rooms` start and check it.
import type { WebSocket } from "ws";
import { createHeartbeat, createTracker } from "@repo/lifecycle";
import { runWsExercise } from "../../kit/ws-server.js";
import { createRooms } from "./chat.js";

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
  });
  return {
    onConnection: rooms.onConnection,
    liveTimers: () => tracker.stats().liveTimers,
    stop: () => heartbeat.stop(),
  };
});
