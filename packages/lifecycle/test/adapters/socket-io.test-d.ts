// Pins the structural type to the real Socket.IO server socket, plain and
// with typed events: if socket.io changes what the adapter relies on, this
// file stops compiling.
import { expectTypeOf, test } from "vitest";
import type { Socket } from "socket.io";
import type { SocketIoSocketLike } from "../../src/index.js";

interface ServerToClient {
  news: (text: string) => void;
}
interface ClientToServer {
  reply: (text: string) => void;
}

test("a Socket.IO socket is a SocketIoSocketLike", () => {
  expectTypeOf<Socket>().toExtend<SocketIoSocketLike>();
});

test("a socket with typed events is one too", () => {
  expectTypeOf<
    Socket<ClientToServer, ServerToClient>
  >().toExtend<SocketIoSocketLike>();
});

test("something without a handshake is not", () => {
  expectTypeOf<Omit<Socket, "handshake">>().not.toExtend<SocketIoSocketLike>();
});
