import type { IncomingHttpHeaders } from "node:http";
import type { Connection } from "../connection.js";

/**
 * The part of a Socket.IO server-side socket this adapter uses. Written
 * structurally so the package has no runtime dependency on `socket.io`; a
 * type test pins it to the real `Socket` type.
 */
export interface SocketIoSocketLike {
  readonly id: string;
  readonly connected: boolean;
  readonly handshake: {
    readonly address: string;
    readonly headers: IncomingHttpHeaders;
  };
  // `any[]` because typed sockets narrow the arguments per event; the
  // adapter passes through whatever the caller gives it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  emit(event: string, ...args: any[]): boolean;
  disconnect(close?: boolean): unknown;
  once(event: "disconnect", listener: (reason: string) => void): unknown;
}

/** Adapts a Socket.IO server-side socket to the Connection port. */
export function fromSocketIo(socket: SocketIoSocketLike): Connection {
  return {
    transport: "socket.io",
    transportId: socket.id,
    remoteAddress: socket.handshake.address,
    headers: socket.handshake.headers,
    // A server-side socket exists only once connected; after that it is
    // either connected or gone. There is no CONNECTING or CLOSING to see.
    state: () => (socket.connected ? "open" : "closed"),
    // Socket.IO hides its transport's buffer; its answer to slow
    // consumers is `volatile.emit`, which drops instead of queueing.
    bufferedBytes: () => 0,
    send: (event, payload) => {
      socket.emit(event, payload);
    },
    onClose(listener) {
      if (!socket.connected) {
        listener({ reason: "already disconnected" });
        return;
      }
      socket.once("disconnect", (reason) => listener({ reason }));
    },
    terminate: () => {
      socket.disconnect(true);
    },
  };
}
