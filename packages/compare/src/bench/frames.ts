// Protocol arithmetic: how many bytes one message takes on the wire, from
// RFC 6455 §5.2 and the Engine.IO/Socket.IO packet formats. The compare
// tool checks the servers' socket counters against these sums, exactly.

/** A WebSocket frame carrying `payloadBytes`: 2/4/10 header bytes, +4 mask from a client. */
export function websocketFrameBytes(
  payloadBytes: number,
  fromClient: boolean,
): number {
  const header = payloadBytes < 126 ? 2 : payloadBytes < 65_536 ? 4 : 10;
  return header + (fromClient ? 4 : 0) + payloadBytes;
}

/**
 * An Engine.IO "message" packet over WebSocket is one text frame: "4"
 * followed by the Socket.IO packet (e.g. `2["news",{...}]`).
 */
export function engineMessageFrameBytes(
  socketIoPacket: string,
  fromClient: boolean,
): number {
  return websocketFrameBytes(1 + Buffer.byteLength(socketIoPacket), fromClient);
}
