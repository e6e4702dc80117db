import type { IncomingHttpHeaders } from "node:http";
import type { CloseInfo, Connection, ConnectionState } from "../connection.js";

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
  once(
    event: "close",
    listener: (code: number, reason: Buffer) => void,
  ): unknown;
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

// readyState values fixed by the WebSocket standard, which `ws` follows.
const READY_STATES: readonly ConnectionState[] = [
  "connecting",
  "open",
  "closing",
  "closed",
];

/** Adapts a `ws` WebSocket and its upgrade request to the Connection port. */
export function fromWs(
  ws: WsSocketLike,
  request: UpgradeRequestLike,
  encode: WsEncoder = encodeEnvelope,
): Connection {
  return {
    transport: "ws",
    remoteAddress: request.socket.remoteAddress,
    headers: request.headers,
    state: () => READY_STATES[ws.readyState] ?? "closed",
    bufferedBytes: () => ws.bufferedAmount,
    send: (event, payload) => ws.send(encode(event, payload)),
    onClose(listener) {
      if (ws.readyState === 3) {
        // Already closed: 'close' will not fire again, so answer now.
        listener({ code: 1006, reason: "" });
        return;
      }
      ws.once("close", (code, reason) => {
        const info: CloseInfo = { code, reason: reason.toString("utf8") };
        listener(info);
      });
    },
    terminate: () => ws.terminate(),
  };
}
