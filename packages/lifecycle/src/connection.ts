/** The two transports this project teaches, as a closed set. */
export type Transport = "ws" | "socket.io";

/**
 * Where a connection is in its life. The four WebSocket states, which
 * Socket.IO's `connected` flag folds into two.
 */
export type ConnectionState = "connecting" | "open" | "closing" | "closed";

/** Why a connection ended, as far as the transport tells. */
export interface CloseInfo {
  /** WebSocket close code (1000, 1001, 1006, 1009...). Socket.IO reports none. */
  readonly code?: number;
  /** ws: the close frame's reason text; Socket.IO: its disconnect reason. */
  readonly reason: string;
}

/**
 * The port both adapters implement: what the lifecycle needs from a
 * connection, and nothing else.
 */
export interface Connection {
  readonly transport: Transport;
  /** The transport's own id, where it has one (Socket.IO's `socket.id`). */
  readonly transportId?: string;
  /** The TCP peer: the client, or the last proxy in front of it. */
  readonly remoteAddress: string | undefined;
  /**
   * The X-Forwarded-For header of the request that opened the connection,
   * repeated lines joined with ", ". Only this, not every header: a
   * connection can live for hours, and what it keeps, it keeps that long.
   */
  readonly forwardedFor: string | undefined;
  state(): ConnectionState;
  /**
   * Bytes queued for this peer and not yet handed to the kernel: the
   * measure of a slow consumer. 0 where the transport does not say.
   */
  bufferedBytes(): number;
  /** Deliver one named event. Call only while `state()` is `"open"`. */
  send(event: string, payload: unknown): void;
  /** Run `listener` once when the connection ends, however it ends. */
  onClose(listener: (info: CloseInfo) => void): void;
  /** End the connection now, without a closing handshake. */
  terminate(): void;
}
