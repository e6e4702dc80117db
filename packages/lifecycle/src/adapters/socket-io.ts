import type { IncomingHttpHeaders } from "node:http";
import type { CloseInfo, Connection, ConnectionState } from "../connection.js";
import { joinHeader } from "./join-header.js";

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
  on(event: "disconnect", listener: (reason: string) => void): unknown;
}

/** Adapts a Socket.IO server-side socket to the Connection port. */
export function fromSocketIo(socket: SocketIoSocketLike): Connection {
  return new SocketIoConnection(socket);
}

// A class with its methods on the prototype, like the ws adapter: one
// small object per connection.
class SocketIoConnection implements Connection {
  constructor(private readonly socket: SocketIoSocketLike) {}

  get transport(): "socket.io" {
    return "socket.io";
  }

  get transportId(): string {
    return this.socket.id;
  }
  get remoteAddress(): string {
    return this.socket.handshake.address;
  }
  get forwardedFor(): string | undefined {
    // Socket.IO keeps the handshake for the socket's life anyway.
    return joinHeader(this.socket.handshake.headers["x-forwarded-for"]);
  }

  state(): ConnectionState {
    // A server-side socket exists only once connected; after that it is
    // either connected or gone. There is no CONNECTING or CLOSING to see.
    return this.socket.connected ? "open" : "closed";
  }

  bufferedBytes(): number {
    // Socket.IO hides its transport's buffer; its answer to slow
    // consumers is `volatile.emit`, which drops instead of queueing.
    return 0;
  }

  send(event: string, payload: unknown): void {
    this.socket.emit(event, payload);
  }

  onClose(listener: (info: CloseInfo) => void): void {
    if (!this.socket.connected) {
      listener({ reason: "already disconnected" });
      return;
    }
    // 'disconnect' fires exactly once, whatever the reason (the client
    // left, the server cut it, a ping went unanswered, the transport
    // failed): the one place to hear of the end. (`on` is enough.)
    this.socket.on("disconnect", forwardDisconnect.bind(listener));
  }

  terminate(): void {
    this.socket.disconnect(true);
  }
}

function forwardDisconnect(
  this: (info: CloseInfo) => void,
  reason: string,
): void {
  this({ reason });
}
