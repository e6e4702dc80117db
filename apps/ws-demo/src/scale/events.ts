// Lesson 3 on plain ws: reading what arrives on the Redis channel.
import type { RoomEvent } from "../rooms/backend.js";

/** Events come from our own processes, but are checked before use anyway. */
export function parseEvent(text: string): RoomEvent | undefined {
  try {
    const event = JSON.parse(text) as {
      event?: unknown;
      data?: { room?: unknown; members?: unknown };
      from?: unknown;
    };
    if (typeof event.data?.room !== "string") return undefined;
    switch (event.event) {
      case "presence": {
        // Lua's cjson writes an empty list as {}.
        const members = Array.isArray(event.data.members)
          ? (event.data.members as string[]).slice().sort()
          : [];
        return {
          event: "presence",
          data: { room: event.data.room, members },
        };
      }
      case "message":
      case "system":
      case "typing":
        return typeof event.from === "string"
          ? (event as RoomEvent)
          : undefined;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
