// Who gets each event of a room, on Socket.IO: `rooms.to(room)` is
// everyone in it, `socket.to(room)` everyone but that socket. The chat
// emits each event to what these return. It is the socketio-rooms
// exercise's one file (exercises/socketio-rooms/start/recipients.ts).
import type { RoomsNamespace, RoomsSocket } from "./namespace.js";

/** Where an event goes: what `rooms.to(room)` and `socket.to(room)` return. */
export type To = ReturnType<RoomsNamespace["to"]>;

/** For each event: the room's namespace, the socket it comes from, its room. */
export interface Recipients {
  /** A chat message the socket said. */
  message(rooms: RoomsNamespace, socket: RoomsSocket, room: string): To;
  /** "ann joined", when the socket joined. */
  joined(rooms: RoomsNamespace, socket: RoomsSocket, room: string): To;
  /** "ann left", when the socket left or closed. */
  left(rooms: RoomsNamespace, socket: RoomsSocket, room: string): To;
  /** "ann is typing…" */
  typing(rooms: RoomsNamespace, socket: RoomsSocket, room: string): To;
}

// #region recipients
export const recipients: Recipients = {
  // Everyone in the room, the sender too: one order for all.
  // socket.to(room) would skip the sender, who would then never see its
  // own message.
  message: (rooms, _socket, room) => rooms.to(room),
  // The others: the joiner knows.
  joined: (_rooms, socket, room) => socket.to(room),
  // The others, by id: a closing socket is still in its rooms.
  left: (rooms, socket, room) => rooms.to(room).except(socket.id),
  // The others, and only those that can take it now (volatile).
  typing: (_rooms, socket, room) => socket.to(room).volatile,
};
// #endregion recipients
