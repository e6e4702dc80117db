// A WebSocket client written on node:net, so that it can send what no
// WebSocket library lets you send: unmasked frames, reserved bits, unknown
// opcodes, lengths that lie. It parses what the server sends back, answers
// the server's pings and close frame (unless told not to), and says how
// the connection ended.
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import type { HeaderLine } from "./raw-http.js";
import { requestBytes, upgradeHeaders } from "./raw-http.js";

/** The frame opcodes of RFC 6455 section 5.2 that a client may send. */
export const OPCODE = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

export interface FrameSpec {
  readonly opcode: number;
  readonly payload?: Buffer | string;
  /** Default true. */
  readonly fin?: boolean;
  /** The three reserved bits, as a number 0-7 (RSV1 = 4). */
  readonly rsv?: number;
  /** Client frames must be masked (default true). */
  readonly masked?: boolean;
  /** Write this length in the header instead of the payload's own. */
  readonly announcedLength?: number;
}

/** The bytes of one frame, as a client would send it (or must not). */
export function buildFrame(spec: FrameSpec): Buffer {
  const payload =
    typeof spec.payload === "string"
      ? Buffer.from(spec.payload, "utf8")
      : (spec.payload ?? Buffer.alloc(0));
  const length = spec.announcedLength ?? payload.length;
  const masked = spec.masked ?? true;
  const first =
    ((spec.fin ?? true) ? 0x80 : 0) | ((spec.rsv ?? 0) << 4) | spec.opcode;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([first, length]);
  } else if (length < 65_536) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  header[1] = header[1]! | 0x80;
  const mask = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ mask[i % 4]!;
  return Buffer.concat([header, mask, body]);
}

/** A close frame's payload: the code, then the reason. */
export function closePayload(code: number, reason = ""): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return payload;
}

/** One frame the server sent. */
export interface ServerFrame {
  readonly opcode: number;
  readonly fin: boolean;
  readonly payload: Buffer;
}

/** How the connection ended, seen from this client. */
export interface RawClose {
  /** The code of the server's close frame; undefined if it sent none (1005 if it sent an empty one). */
  readonly code?: number;
  readonly reason: string;
}

export interface RawWebSocketOptions {
  readonly headers?: readonly HeaderLine[];
  readonly localAddress?: string;
  /** Answer the server's pings (default true). */
  readonly autoPong?: boolean;
  /** Answer the server's close frame (default true). */
  readonly answerClose?: boolean;
  readonly timeoutMs?: number;
  /** Called with each text message, e.g. to answer engine.io's pings. */
  readonly onText?: (text: string, client: RawWebSocket) => void;
}

/** A handshaken raw WebSocket. */
export interface RawWebSocket {
  readonly socket: Socket;
  /** Every data frame (text/binary) received so far, in order. */
  readonly messages: readonly ServerFrame[];
  /** Every pong received so far. */
  readonly pongs: readonly Buffer[];
  /** Bytes the server sent that were no WebSocket frame (the first 200), if any. */
  readonly garbage: string | undefined;
  /** Resolves when the TCP connection has closed, with the server's close frame if any. */
  readonly closed: Promise<RawClose>;
  readonly isClosed: boolean;
  /** Writes bytes as they are. */
  write(bytes: Buffer): void;
  /** A well-formed masked text frame. */
  sendText(text: string): void;
  /** Resolves with the first message (from `from` on) that matches, or rejects after `timeoutMs` or on close. */
  nextMessage(
    match: (text: string) => boolean,
    timeoutMs?: number,
    from?: number,
  ): Promise<string>;
  /**
   * Resolves true as soon as `condition` holds (checked now and after each
   * frame and at the close), false after `timeoutMs`.
   */
  until(condition: () => boolean, timeoutMs: number): Promise<boolean>;
  /** Sends a ping and resolves true if its pong comes back before the close or the timeout. */
  pingPong(timeoutMs?: number): Promise<boolean>;
  /** Closes politely if still open, destroys after a moment, and waits. */
  close(): Promise<RawClose>;
  destroy(): void;
}

/**
 * Performs the HTTP Upgrade on `path` and resolves once the 101 came;
 * rejects with the status line if the server answered anything else.
 */
export function openRawWebSocket(
  port: number,
  path: string,
  options: RawWebSocketOptions = {},
): Promise<RawWebSocket> {
  const socket = connect({
    port,
    host: "127.0.0.1",
    localAddress: options.localAddress,
  });
  const autoPong = options.autoPong ?? true;
  const answerClose = options.answerClose ?? true;
  const messages: ServerFrame[] = [];
  const pongs: Buffer[] = [];
  const listeners = new Set<() => void>();
  let closeFrame: RawClose | undefined;
  let isClosed = false;
  let buffered = Buffer.alloc(0);
  let handshaken = false;
  let garbage: string | undefined;

  const closed = new Promise<RawClose>((resolve) => {
    socket.on("close", () => {
      isClosed = true;
      resolve(closeFrame ?? { reason: "" });
      listeners.forEach((listener) => listener());
    });
  });
  socket.on("error", () => {}); // the close that follows tells the outcome

  const write = (bytes: Buffer) => {
    if (!socket.destroyed && socket.writable) socket.write(bytes);
  };

  function onFrames(): void {
    for (;;) {
      if (buffered.length < 2) return;
      const fin = (buffered[0]! & 0x80) !== 0;
      const opcode = buffered[0]! & 0x0f;
      // Not a frame a server may send (reserved bits, a mask, an unknown
      // opcode): the bytes are not WebSocket at all, e.g. an HTTP answer
      // written on an upgraded socket. Stop reading them.
      if (
        (buffered[0]! & 0x70) !== 0 ||
        (buffered[1]! & 0x80) !== 0 ||
        ![0, 1, 2, 8, 9, 10].includes(opcode)
      ) {
        garbage = buffered.subarray(0, 200).toString("latin1");
        buffered = Buffer.alloc(0);
        socket.destroy();
        return;
      }
      let length = buffered[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffered.length < offset + length) return;
      const payload = Buffer.from(buffered.subarray(offset, offset + length));
      buffered = buffered.subarray(offset + length);
      if (opcode === OPCODE.ping) {
        if (autoPong) write(buildFrame({ opcode: OPCODE.pong, payload }));
      } else if (opcode === OPCODE.pong) {
        pongs.push(payload);
      } else if (opcode === OPCODE.close) {
        closeFrame =
          payload.length >= 2
            ? {
                code: payload.readUInt16BE(0),
                reason: payload.subarray(2).toString("utf8"),
              }
            : { code: 1005, reason: "" };
        if (answerClose) {
          write(
            buildFrame({
              opcode: OPCODE.close,
              payload: payload.subarray(0, 2),
            }),
          );
          socket.end();
        }
      } else {
        messages.push({ opcode, fin, payload });
        if (opcode === OPCODE.text && options.onText)
          options.onText(payload.toString("utf8"), client);
      }
      listeners.forEach((listener) => listener());
    }
  }

  const client: RawWebSocket = {
    socket,
    messages,
    pongs,
    get garbage() {
      return garbage;
    },
    closed,
    get isClosed() {
      return isClosed;
    },
    write,
    sendText: (text) =>
      write(buildFrame({ opcode: OPCODE.text, payload: text })),
    nextMessage(match, timeoutMs = 2000, from = 0) {
      return new Promise<string>((resolve, reject) => {
        const check = () => {
          for (let i = from; i < messages.length; i++) {
            const text = messages[i]!.payload.toString("utf8");
            if (match(text)) return done(() => resolve(text));
          }
          if (isClosed)
            done(() => reject(new Error("closed before the message came")));
        };
        const timer = setTimeout(
          () =>
            done(() => reject(new Error(`no such message in ${timeoutMs} ms`))),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    until(condition, timeoutMs) {
      return new Promise<boolean>((resolve) => {
        const check = () => {
          if (condition()) done(true);
        };
        const timer = setTimeout(() => done(false), timeoutMs);
        const done = (answer: boolean) => {
          clearTimeout(timer);
          listeners.delete(check);
          resolve(answer);
        };
        listeners.add(check);
        check();
      });
    },
    pingPong(timeoutMs = 2000) {
      const token = randomBytes(8);
      write(buildFrame({ opcode: OPCODE.ping, payload: token }));
      return new Promise<boolean>((resolve) => {
        const check = () => {
          if (pongs.some((pong) => pong.equals(token))) done(true);
          else if (isClosed) done(false);
        };
        const timer = setTimeout(() => done(false), timeoutMs);
        const done = (answer: boolean) => {
          clearTimeout(timer);
          listeners.delete(check);
          resolve(answer);
        };
        listeners.add(check);
        check();
      });
    },
    async close() {
      if (!isClosed) {
        if (closeFrame === undefined)
          write(
            buildFrame({ opcode: OPCODE.close, payload: closePayload(1000) }),
          );
        const cut = setTimeout(() => socket.destroy(), 1000);
        const result = await closed;
        clearTimeout(cut);
        return result;
      }
      return closed;
    },
    destroy: () => socket.destroy(),
  };

  return new Promise<RawWebSocket>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `no handshake answer on ${path} in ${options.timeoutMs ?? 3000} ms`,
        ),
      );
    }, options.timeoutMs ?? 3000);
    socket.on("connect", () => {
      socket.write(
        requestBytes({
          target: path,
          headers: [
            ["Host", `127.0.0.1:${port}`],
            ...upgradeHeaders(randomBytes(16).toString("base64")),
            ...(options.headers ?? []),
          ],
        }),
      );
    });
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!handshaken) {
        const end = buffered.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = buffered.subarray(0, end).toString("latin1");
        buffered = buffered.subarray(end + 4);
        clearTimeout(timer);
        if (!head.startsWith("HTTP/1.1 101 ")) {
          socket.destroy();
          reject(new Error(`handshake refused: ${head.split("\r\n")[0]}`));
          return;
        }
        handshaken = true;
        resolve(client);
      }
      onFrames();
    });
    socket.on("close", () => {
      clearTimeout(timer);
      if (!handshaken)
        reject(new Error(`closed during the handshake on ${path}`));
    });
  });
}
