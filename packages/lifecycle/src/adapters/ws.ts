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

// What the tracker needs to know of one ws socket: is it open (ws's
// readyState), how much waits to be sent (bufferedAmount), and when it
// ends ('close'). It lives as long as the connection, like the tracker's.
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

  // The same for every ws connection.
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
    // 'close' fires exactly once, however the socket ends (a close frame
    // from either side, an error, terminate()): the one place to hear of
    // the end. (`on` is enough, since it fires once.)
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
