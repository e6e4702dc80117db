// Lesson 2, mounted: the chat rooms answer WebSockets on ROOMS_WS_PATH,
// beside lesson 1's push, on the same ws server and lifecycle.
import type { Log } from "@repo/demo-kit";
import { ROOMS_WS_PATH } from "../protocol.js";
import type { Realtime } from "../realtime.js";
import type { RoomsBackend } from "./backend.js";
import { createRooms } from "./chat.js";

/** Serves lesson 2 on ROOMS_WS_PATH; `backend` is memory, or Redis in lesson 3. */
export function attachRooms(
  realtime: Realtime,
  backend: RoomsBackend,
  log: Log,
): void {
  const { tracker, heartbeat, open } = realtime;
  const rooms = createRooms({ tracker, heartbeat, log, open, backend });
  realtime.route(ROOMS_WS_PATH, rooms.onConnection);
  realtime.countReceived(() => rooms.received());
  // Once the clients are gone: the backend's connections (Redis) too.
  realtime.onShutdown(() => backend.close());
}
