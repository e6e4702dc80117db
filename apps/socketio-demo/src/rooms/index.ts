// Lesson 2's chat, for what runs it outside this app: the socketio-rooms
// exercise (exercises/socketio-rooms) runs this chat with the attendee's
// recipients.ts.
export { attachRooms, type Rooms } from "./chat.js";
export { createMemoryBackend, type RoomsBackend } from "./backend.js";
export type { RoomsNamespace, RoomsSocket } from "./namespace.js";
export { recipients, type Recipients, type To } from "./recipients.js";
