// Lesson 2, Socket.IO: who gets each event of a room. socketio-demo's
// chat (its rooms module, run by server.ts) emits each event to what
// these return: `rooms.to(room)` is everyone in the room,
// `socket.to(room)` everyone but that socket. Docs:
// http://localhost:8000/rooms/#broadcast
import type { Recipients } from "socketio-demo/rooms";

export const recipients: Recipients = {
  // Everyone, the sender too: socket.to(room) would skip the sender, who
  // would then never see its own message.
  message: (rooms, _socket, room) => rooms.to(room),
  // The others: the joiner knows.
  joined: (_rooms, socket, room) => socket.to(room),
  left: (rooms, socket, room) => rooms.to(room).except(socket.id),
  typing: (_rooms, socket, room) => socket.to(room).volatile,
};
