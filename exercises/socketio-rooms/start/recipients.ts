// Lesson 2, Socket.IO: who gets each event of a room. socketio-demo's
// chat (its rooms module, run by server.ts) emits each event to what
// these return: `rooms.to(room)` is everyone in the room,
// `socket.to(room)` everyone but that socket. Docs:
// http://localhost:8000/rooms/#broadcast
//
// It runs, but some members get events they should not, and some never
// get theirs: run  npm run verify -- socketio-rooms  and fix who gets what.
import type { Recipients } from "socketio-demo/rooms";

export const recipients: Recipients = {
  message: (_rooms, socket, room) => socket.to(room),
  joined: (rooms, _socket, room) => rooms.to(room),
  left: (rooms, socket, room) => rooms.to(room).except(socket.id),
  typing: (_rooms, socket, room) => socket.to(room).volatile,
};
