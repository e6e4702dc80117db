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

/**
 * An Engine.IO "message" packet over WebSocket, text or binary: a text
 * packet is "4" + the Socket.IO packet in a text frame; a binary one (the
 * msgpack parser's) goes out as it is, in a binary frame, with no prefix.
 */
export function enginePacketFrameBytes(
  data: string | ArrayBuffer | ArrayBufferView,
  fromClient: boolean,
): number {
  return typeof data === "string"
    ? engineMessageFrameBytes(data, fromClient)
    : websocketFrameBytes(data.byteLength, fromClient);
}

/**
 * Pairs each "news" event a Socket.IO client delivers with the packet that
 * carried it, so that each push is charged its own size.
 *
 * socket.io-client decodes a packet as it arrives but delivers the event on
 * `process.nextTick`. When a busy client reads two pushes in one TCP read,
 * both packets arrive before either event runs; remembering only the last
 * packet charged both events the second one's size. Consecutive pushes
 * differ by a byte or two (the seq and the timestamp's digits), so the
 * count still matched and the byte check failed by a few bytes. Events are
 * delivered in the order their packets arrived: a queue pairs them exactly.
 */
export class NewsPacketQueue {
  private readonly packets: number[] = [];

  /**
   * Every Engine.IO message packet, as it arrives (other events are
   * skipped). A binary packet is a "news" when `isNews` says so (the
   * caller decodes it with the parser in use).
   */
  received(
    packet: string | ArrayBuffer | ArrayBufferView,
    isNews: (binary: ArrayBuffer | ArrayBufferView) => boolean = () => false,
  ): void {
    const news =
      typeof packet === "string"
        ? packet.startsWith('2["news",')
        : isNews(packet);
    if (news) this.packets.push(enginePacketFrameBytes(packet, false));
  }

  /**
   * The frame size of the packet behind the "news" event being delivered.
   * 0 if there is none: the byte check then fails and shows the shortfall.
   */
  frameBytesOfNextNews(): number {
    return this.packets.shift() ?? 0;
  }
}

/**
 * A Server-Sent Event on the wire: the event's text (`id: 7\nevent:
 * news\ndata: {...}\n\n`, as the server wrote it in one write) in one
 * HTTP/1.1 chunk, because a response without a Content-Length is sent
 * chunked: the size in hex, CRLF, the text, CRLF.
 */
export function serverSentEventBytes(eventText: string): number {
  const size = Buffer.byteLength(eventText);
  return size.toString(16).length + 2 + size + 2;
}
