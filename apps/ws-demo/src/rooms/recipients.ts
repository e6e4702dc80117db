// Who gets each event of a room, on ws: everyone in it, or the others
// (everyone but the member it comes from). The chat's broadcast applies
// this to every event the backend delivers. It is the ws-rooms
// exercise's one file (exercises/ws-rooms/start/recipients.ts).
import type { RoomEvent } from "./backend.js";

/** "everyone" in the room, or the "others": not the member it comes from. */
export type Recipients = Record<RoomEvent["event"], "everyone" | "others">;

// #region recipients
export const recipients: Recipients = {
  // The sender too: everyone gets the room's messages in one order, and
  // the sender sees its own message where the others see it.
  message: "everyone",
  // "ann joined", "ann left": ann knows.
  system: "others",
  // Who is here now: the one who came or went too.
  presence: "everyone",
  // "ann is typing…" is not news to ann.
  typing: "others",
};
// #endregion recipients
