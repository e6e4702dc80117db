// Turns the raw bytes of one TCP connection, one direction at a time, into
// what a learner can read: HTTP messages until a 101 answer, WebSocket
// frames after it (RFC 6455 §5.2), each with its exact size on the wire.

export type Direction = "client->server" | "server->client";

export type WireEvent =
  | {
      readonly kind: "http";
      readonly connection: number;
      readonly direction: Direction;
      /** "GET /ws HTTP/1.1" or "HTTP/1.1 101 Switching Protocols". */
      readonly startLine: string;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
      readonly bytes: number;
    }
  | {
      readonly kind: "frame";
      readonly connection: number;
      readonly direction: Direction;
      readonly opcode:
        "text" | "binary" | "close" | "ping" | "pong" | "continuation";
      readonly masked: boolean;
      readonly headerBytes: number;
      readonly payloadBytes: number;
      /** Text frames: the text; close frames: "code reason"; others: "". */
      readonly payload: string;
      readonly bytes: number;
    };

const OPCODES: Record<number, Extract<WireEvent, { kind: "frame" }>["opcode"]> =
  {
    0: "continuation",
    1: "text",
    2: "binary",
    8: "close",
    9: "ping",
    10: "pong",
  };

/** Parses one direction of one connection; `upgraded` says where HTTP ends. */
export class StreamParser {
  private buffer = Buffer.alloc(0);
  private mode: "http" | "websocket" = "http";

  constructor(
    private readonly connection: number,
    private readonly direction: Direction,
    private readonly emit: (event: WireEvent) => void,
  ) {}

  /** Switches this direction to WebSocket frames (after a 101). */
  upgrade(): void {
    this.mode = "websocket";
    this.drain();
  }

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.drain();
  }

  private drain(): void {
    for (;;) {
      const consumed = this.mode === "http" ? this.httpMessage() : this.frame();
      if (consumed === 0) return;
      this.buffer = this.buffer.subarray(consumed);
    }
  }

  private httpMessage(): number {
    const end = this.buffer.indexOf("\r\n\r\n");
    if (end === -1) return 0;
    const [startLine = "", ...lines] = this.buffer
      .subarray(0, end)
      .toString("latin1")
      .split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).toLowerCase()] = line
        .slice(colon + 1)
        .trim();
    }
    const length = Number(headers["content-length"] ?? 0);
    const total = end + 4 + length;
    if (this.buffer.length < total) return 0;
    this.emit({
      kind: "http",
      connection: this.connection,
      direction: this.direction,
      startLine,
      headers,
      body: this.buffer.subarray(end + 4, total).toString("utf8"),
      bytes: total,
    });
    if (startLine.startsWith("HTTP/1.1 101 ")) this.mode = "websocket";
    return total;
  }

  private frame(): number {
    const b = this.buffer;
    if (b.length < 2) return 0;
    const opcode = b[0]! & 0x0f;
    const masked = (b[1]! & 0x80) !== 0;
    let length = b[1]! & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (b.length < 4) return 0;
      length = b.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return 0;
      length = Number(b.readBigUInt64BE(2));
      offset = 10;
    }
    const mask = masked ? b.subarray(offset, offset + 4) : undefined;
    if (masked) offset += 4;
    if (b.length < offset + length) return 0;
    const payload = Buffer.from(b.subarray(offset, offset + length));
    if (mask)
      for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
    const name = OPCODES[opcode] ?? "binary";
    this.emit({
      kind: "frame",
      connection: this.connection,
      direction: this.direction,
      opcode: name,
      masked,
      headerBytes: offset,
      payloadBytes: length,
      payload:
        name === "text"
          ? payload.toString("utf8")
          : name === "close" && payload.length >= 2
            ? `${payload.readUInt16BE(0)} ${payload.subarray(2).toString("utf8")}`.trim()
            : "",
      bytes: offset + length,
    });
    return offset + length;
  }
}
