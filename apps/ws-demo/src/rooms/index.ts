// Lesson 2's chat, for what runs it outside this app: the ws-rooms
// exercise (exercises/ws-rooms) runs this chat with the attendee's
// recipients.ts.
export { createRooms, type Rooms } from "./chat.js";
export {
  createMemoryBackend,
  type RoomEvent,
  type RoomsBackend,
} from "./backend.js";
export { recipients, type Recipients } from "./recipients.js";
