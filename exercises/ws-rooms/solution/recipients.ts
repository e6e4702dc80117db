// Lesson 2, ws: who gets each event of a room. ws-demo's chat (its
// rooms module, run by server.ts) sends every event to the members this
// says: "everyone" in the room, or the "others", everyone but the member
// it comes from (who said, joined, left or typed). Docs:
// http://localhost:8000/rooms/#broadcast
import type { Recipients } from "ws-demo/rooms";

export const recipients: Recipients = {
  // The sender too: one order for all, and its own message where the
  // others see it.
  message: "everyone",
  // "ann joined", "ann left": ann knows.
  system: "others",
  presence: "everyone",
  typing: "others",
};
