import type { IncomingHttpHeaders } from "node:http";
import type { CloseInfo, Connection, ConnectionState } from "../connection.js";
import { joinHeader } from "./join-header.js";

/**
 * The part of a `ws` WebSocket this adapter uses. Written structurally so
 * the package has no runtime dependency on `ws`; a type test pins it to
 * the real `WebSocket` type.
 */
export interface WsSocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  terminate(): void;
  on(event: "close", listener: (code: number, reason: Buffer) => void): unknown;
}

/** The part of the upgrade request the adapter reads. */
export interface UpgradeRequestLike {
  readonly headers: IncomingHttpHeaders;
  readonly socket: { readonly remoteAddress?: string | undefined };
}

/** Turns one named event into the text of one WebSocket message. */
export type WsEncoder = (event: string, payload: unknown) => string;

/**
 * The default wire format: `{"event":"news","data":…}`. With ws the
 * protocol is yours to invent; this one keeps Socket.IO's idea of named
 * events so the two demos speak of the same things.
 */
export const encodeEnvelope: WsEncoder = (event, data) =>
  JSON.stringify({ event, data });

// #region ready-states
// readyState values fixed by the WebSocket standard, which `ws` follows.
const READY_STATES: readonly ConnectionState[] = [
  "connecting",
  "open",
  "closing",
  "closed",
];
// #endregion ready-states

/** Adapts a `ws` WebSocket and its upgrade request to the Connection port. */
export function fromWs(
  ws: WsSocketLike,
  request: UpgradeRequestLike,
  encode: WsEncoder = encodeEnvelope,
): Connection {
  return new WsConnection(ws, request, encode);
}

// A class, not an object of closures: one small object per connection,
// with the methods shared on the prototype. It matters at 10 000 peers.
class WsConnection implements Connection {
  readonly remoteAddress: string | undefined;
  readonly forwardedFor: string | undefined;

  constructor(
    private readonly ws: WsSocketLike,
    request: UpgradeRequestLike,
    private readonly encode: WsEncoder,
  ) {
    this.remoteAddress = request.socket.remoteAddress;
    this.forwardedFor = joinHeader(request.headers["x-forwarded-for"]);
  }

  // A getter on the prototype, not a field: one pointer less per connection.
  get transport(): "ws" {
    return "ws";
  }

  state(): ConnectionState {
    return READY_STATES[this.ws.readyState] ?? "closed";
  }

  bufferedBytes(): number {
    return this.ws.bufferedAmount;
  }

  send(event: string, payload: unknown): void {
    this.ws.send(this.encode(event, payload));
  }

  onClose(listener: (info: CloseInfo) => void): void {
    if (this.ws.readyState === 3) {
      // Already closed: 'close' will not fire again, so answer now.
      listener({ code: 1006, reason: "" });
      return;
    }
    // `on`, not `once`: 'close' fires once anyway, and once() wraps the
    // listener in two more objects per connection. A bound shared function
    // rather than an arrow, for the same reason: no closure and context.
    this.ws.on("close", forwardClose.bind(listener));
  }

  terminate(): void {
    this.ws.terminate();
  }
}

function forwardClose(
  this: (info: CloseInfo) => void,
  code: number,
  reason: Buffer,
): void {
  this({ code, reason: reason.toString("utf8") });
}
