// In-memory stand-ins for a ws WebSocket and a Socket.IO socket: enough of
// each to drive the adapters without a network, so timer tests can run
// under fake timers.
import { EventEmitter } from "node:events";
import type { IncomingHttpHeaders } from "node:http";
import type { SocketIoSocketLike, WsSocketLike } from "../src/index.js";

export class FakeWs extends EventEmitter implements WsSocketLike {
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  pings = 0;

  send(data: string): void {
    if (this.readyState === 0) {
      // What ws really does: see the readyState guard in track().
      throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
    }
    if (this.readyState === 1) this.sent.push(data);
  }
  ping(): void {
    this.pings += 1;
  }
  terminate(): void {
    this.finish(1006, "");
  }
  /** The peer closed with a close frame. */
  finish(code: number, reason: string): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.emit("close", code, Buffer.from(reason));
  }
}

export function fakeUpgradeRequest(
  remoteAddress = "127.0.0.1",
  headers: IncomingHttpHeaders = {},
) {
  return { headers, socket: { remoteAddress } };
}

export class FakeSocketIoSocket implements SocketIoSocketLike {
  connected = true;
  readonly sent: Array<{ event: string; args: unknown[] }> = [];
  readonly handshake: { address: string; headers: IncomingHttpHeaders };
  private readonly events = new EventEmitter();

  constructor(
    readonly id = "fake-socket-id",
    address = "127.0.0.1",
    headers: IncomingHttpHeaders = {},
  ) {
    this.handshake = { address, headers };
  }
  emit(event: string, ...args: unknown[]): boolean {
    if (this.connected) this.sent.push({ event, args });
    return true;
  }
  on(event: "disconnect", listener: (reason: string) => void): this {
    this.events.on(event, listener);
    return this;
  }
  disconnect(): this {
    this.finish("server namespace disconnect");
    return this;
  }
  finish(reason: string): void {
    if (!this.connected) return;
    this.connected = false;
    this.events.emit("disconnect", reason);
  }
}
