// Lesson 2, mounted: the chat rooms answer in the ROOMS_NAMESPACE
// namespace, beside lesson 1's `/`, on the same Socket.IO server.
import type { Log } from "@repo/demo-kit";
import type { Realtime } from "../realtime.js";
import type { RoomsBackend } from "./backend.js";
import { attachRooms as attachChatRooms } from "./chat.js";

/**
 * Serves lesson 2; `backend` is memory, or Redis in lesson 3 (it also
 * gave `new Server` the rooms namespace's adapter: see socketIoOptions).
 */
export function attachRooms(
  realtime: Realtime,
  backend: RoomsBackend,
  log: Log,
): void {
  const { io, tracker } = realtime;
  const rooms = attachChatRooms(io, {
    tracker,
    log,
    backend,
  });
  realtime.countReceived(() => rooms.received());
  // Before the clients are closed: the rooms stop answering; after: the
  // backend's connections (Redis) close too.
  realtime.onClosing(() => rooms.closing());
  realtime.onShutdown(() => backend.close());
}
