// Lesson 2, ws: who gets each event of a room. ws-demo's chat (its
// rooms module, run by server.ts) sends every event to the members this
// says: "everyone" in the room, or the "others", everyone but the member
// it comes from (who said, joined, left or typed). Docs:
// http://localhost:8000/rooms/#broadcast
//
// It runs, but some members get events they should not, and some never
// get theirs: run  npm run verify -- ws-rooms  and fix who gets what.
import type { Recipients } from "ws-demo/rooms";

export const recipients: Recipients = {
  message: "others",
  system: "everyone",
  presence: "everyone",
  typing: "others",
};
