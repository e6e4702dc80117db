// Lesson 3 on Socket.IO: what this process tells its members when
// another process of the app died. The backend notices it (redis.ts
// counts the processes); this file says who left.
import type { ChatView } from "../rooms/namespace.js";
import type { SharedPresence } from "./presence.js";

/** Tells this process's members who left with a process that died. */
export function tellWhoLeft(chat: ChatView, presence: SharedPresence): void {
  const { namespace: rooms } = chat;
  // #region process-gone
  // Another process died (SIGKILL) and could not say its members left.
  // Each process tells its own members (`local`) who left: those in the
  // last list it sent them and not in a new count.
  const localRooms = new Set(
    [...rooms.sockets.values()].flatMap((socket) =>
      Object.keys(socket.data.names ?? {}),
    ),
  );
  for (const room of localRooms) {
    void (async () => {
      const before = presence.lastSent.get(room) ?? [];
      const now = await chat.namesIn(room);
      const remaining = [...now];
      for (const name of before) {
        const at = remaining.indexOf(name);
        if (at === -1) {
          rooms.local
            .to(room)
            .emit("system", { room, kind: "leave", name, at: Date.now() });
        } else {
          remaining.splice(at, 1);
        }
      }
      await presence.send(room);
    })().catch(() => {});
  }
  // #endregion process-gone
}
