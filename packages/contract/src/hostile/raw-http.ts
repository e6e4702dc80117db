// Raw HTTP on node:net: requests no HTTP client library would send (no
// Host, two Origins, 2000 headers, a request line `GET //@`), read back as
// the bytes the server wrote. Every exchange is bounded in time and size.
import { connect, type Socket } from "node:net";

/** One header line as sent, in order; the same name may come twice. */
export type HeaderLine = readonly [name: string, value: string];

export interface RawRequest {
  readonly method?: string;
  /** The request target exactly as written on the request line. */
  readonly target: string;
  /** Sent in this order. Nothing is added: no Host unless listed. */
  readonly headers: readonly HeaderLine[];
  readonly body?: string | Buffer;
  /** "HTTP/1.1" unless said otherwise. */
  readonly version?: string;
}

/** What came back: a status, or how the connection ended without one. */
export type RawAnswer =
  | {
      readonly kind: "status";
      readonly status: number;
      readonly head: string;
      readonly body: string;
    }
  | {
      readonly kind: "no-answer";
      readonly how: "closed" | "reset" | "timeout";
    };

export interface ExchangeOptions {
  readonly localAddress?: string;
  /** Give up waiting for an answer after this long (default 3 s). */
  readonly timeoutMs?: number;
}

/** The bytes of a request line, its headers and its body. */
export function requestBytes(request: RawRequest): Buffer {
  const head =
    `${request.method ?? "GET"} ${request.target} ${request.version ?? "HTTP/1.1"}\r\n` +
    request.headers.map(([name, value]) => `${name}: ${value}\r\n`).join("") +
    "\r\n";
  const body =
    request.body === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(request.body, "utf8");
  return Buffer.concat([Buffer.from(head, "latin1"), body]);
}

/** The Host header a client of 127.0.0.1:`port` sends. */
export function hostHeader(port: number): HeaderLine {
  return ["Host", `127.0.0.1:${port}`];
}

/** The headers of a WebSocket handshake, without Host or Origin. */
export function upgradeHeaders(
  key = "dGhlIHNhbXBsZSBub25jZQ==",
  version = "13",
): HeaderLine[] {
  return [
    ["Upgrade", "websocket"],
    ["Connection", "Upgrade"],
    ["Sec-WebSocket-Key", key],
    ["Sec-WebSocket-Version", version],
  ];
}

const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Sends one raw request on a fresh TCP connection, reads the answer (its
 * head, and a body up to Content-Length or the end), then closes.
 */
export function exchange(
  port: number,
  request: RawRequest | Buffer,
  options: ExchangeOptions = {},
): Promise<RawAnswer> {
  const bytes = Buffer.isBuffer(request) ? request : requestBytes(request);
  const socket = connect({
    port,
    host: "127.0.0.1",
    localAddress: options.localAddress,
  });
  return readAnswer(socket, options.timeoutMs ?? 3000, () =>
    socket.write(bytes),
  );
}

/** Reads one HTTP answer from `socket`, then destroys it. */
export function readAnswer(
  socket: Socket,
  timeoutMs: number,
  onConnect?: () => void,
): Promise<RawAnswer> {
  return new Promise<RawAnswer>((resolve) => {
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const parsed = (): RawAnswer | undefined => {
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return undefined;
      const head = received.subarray(0, end).toString("latin1");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      if (!match) return undefined;
      const status = Number(match[1]);
      const body = received.subarray(end + 4);
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      const chunked = /\r\ntransfer-encoding: *chunked/i.test(head);
      const complete =
        status === 101 ||
        (length !== null && body.length >= Number(length[1])) ||
        (chunked && body.includes("0\r\n\r\n"));
      return complete
        ? { kind: "status", status, head, body: body.toString("utf8") }
        : undefined;
    };
    const timer = setTimeout(
      () =>
        finish(parsed() ?? partial() ?? { kind: "no-answer", how: "timeout" }),
      timeoutMs,
    );
    // A head that came without its whole body still has its status.
    const partial = (): RawAnswer | undefined => {
      const end = received.indexOf("\r\n\r\n");
      const head = received
        .subarray(0, end < 0 ? received.length : end)
        .toString("latin1");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      return match
        ? {
            kind: "status",
            status: Number(match[1]),
            head,
            body: end < 0 ? "" : received.subarray(end + 4).toString("utf8"),
          }
        : undefined;
    };
    socket.on("connect", () => onConnect?.());
    socket.on("data", (chunk: Buffer) => {
      if (received.length < MAX_ANSWER_BYTES)
        received = Buffer.concat([received, chunk]);
      const answer = parsed();
      if (answer) finish(answer);
    });
    socket.on("end", () =>
      finish(parsed() ?? partial() ?? { kind: "no-answer", how: "closed" }),
    );
    socket.on("close", () =>
      finish(parsed() ?? partial() ?? { kind: "no-answer", how: "closed" }),
    );
    socket.on("error", () =>
      finish(parsed() ?? partial() ?? { kind: "no-answer", how: "reset" }),
    );
  });
}

/**
 * Opens `count` TCP connections that each send the start of a request
 * and never finish it, `batch` at a time; resolves once all are
 * connected. `release()` destroys them all.
 */
export async function holdHalfOpen(
  port: number,
  count: number,
  firstBytes: string,
  batch = 100,
): Promise<{ readonly sockets: readonly Socket[]; release(): void }> {
  const sockets: Socket[] = [];
  try {
    for (let start = 0; start < count; start += batch) {
      const size = Math.min(batch, count - start);
      await Promise.all(
        Array.from(
          { length: size },
          () =>
            new Promise<void>((resolve, reject) => {
              const socket = connect(port, "127.0.0.1", () => {
                socket.write(firstBytes);
                resolve();
              });
              socket.on("error", reject);
              sockets.push(socket);
            }),
        ),
      );
    }
  } catch (error) {
    // Leave nothing open behind a failed attempt (EMFILE, a refused connect).
    sockets.forEach((socket) => socket.destroy());
    throw error;
  }
  for (const socket of sockets) {
    socket.removeAllListeners("error");
    socket.on("error", () => {}); // a reset on release is expected
  }
  return {
    sockets,
    release: () => sockets.forEach((socket) => socket.destroy()),
  };
}
