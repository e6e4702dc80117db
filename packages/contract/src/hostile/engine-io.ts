// Raw Engine.IO v4 clients, over HTTP long-polling and over WebSocket, so
// that any packet can be sent as it is, truncated or not (the
// socket.io-client would refuse to write most of them).
import type { HeaderLine, RawAnswer } from "./raw-http.js";
import { exchange, hostHeader } from "./raw-http.js";
import { openRawWebSocket, type RawWebSocket } from "./raw-websocket.js";

/** Engine.IO v4 separates the packets of one polling payload with this. */
export const RECORD_SEPARATOR = "\x1e";

/** Where socketio-demo serves Engine.IO (its SOCKET_PATH). */
export const ENGINE_PATH = "/socket.io/";

export interface PollingOptions {
  readonly localAddress?: string;
  /** Extra headers on every request (an Origin, an X-Forwarded-For). */
  readonly headers?: readonly HeaderLine[];
  readonly timeoutMs?: number;
}

/** A polling request's query: EIO=4&transport=polling, plus `extra`. */
export function pollingTarget(extra = ""): string {
  return `${ENGINE_PATH}?EIO=4&transport=polling${extra}`;
}

/** One request of the polling transport, as raw HTTP. */
export function pollingRequest(
  port: number,
  method: "GET" | "POST",
  target: string,
  body: string | undefined,
  options: PollingOptions = {},
): Promise<RawAnswer> {
  const headers: HeaderLine[] = [
    hostHeader(port),
    ["Connection", "close"],
    ...(options.headers ?? []),
  ];
  if (body !== undefined) {
    headers.push(["Content-Type", "text/plain;charset=UTF-8"]);
    headers.push(["Content-Length", String(Buffer.byteLength(body))]);
  }
  return exchange(
    port,
    { method, target, headers, body },
    { localAddress: options.localAddress, timeoutMs: options.timeoutMs },
  );
}

/** An Engine.IO session on the polling transport. */
export interface PollingSession {
  readonly sid: string;
  /** POSTs one payload (packets joined by the record separator). */
  post(body: string, options?: PollingOptions): Promise<RawAnswer>;
  /** One GET: the packets the server had for us, or a status. */
  poll(options?: PollingOptions): Promise<RawAnswer>;
  /** Sends the close packet. */
  close(): Promise<void>;
}

/** Opens a polling session (the `0{sid…}` handshake) and, if `connect`, the Socket.IO main namespace. */
export async function openPolling(
  port: number,
  options: PollingOptions & { readonly connect?: boolean } = {},
): Promise<PollingSession> {
  const open = await pollingRequest(
    port,
    "GET",
    pollingTarget(),
    undefined,
    options,
  );
  if (
    open.kind !== "status" ||
    open.status !== 200 ||
    !open.body.startsWith("0{")
  )
    throw new Error(`polling handshake failed: ${describeAnswer(open)}`);
  const { sid } = JSON.parse(open.body.slice(1)) as { sid: string };
  const target = pollingTarget(`&sid=${encodeURIComponent(sid)}`);
  const session: PollingSession = {
    sid,
    post: (body, more) =>
      pollingRequest(port, "POST", target, body, { ...options, ...more }),
    poll: (more) =>
      pollingRequest(port, "GET", target, undefined, { ...options, ...more }),
    async close() {
      await session.post("1").catch(() => {});
    },
  };
  if (options.connect) {
    const posted = await session.post("40");
    if (posted.kind !== "status" || posted.status !== 200)
      throw new Error(`CONNECT refused: ${describeAnswer(posted)}`);
    // The answer (40{sid} and the welcome) may take more than one poll.
    for (let i = 0; i < 5; i++) {
      const answer = await session.poll();
      if (answer.kind === "status" && answer.body.includes('42["welcome"'))
        break;
      if (answer.kind !== "status" || answer.status !== 200)
        throw new Error(`no welcome over polling: ${describeAnswer(answer)}`);
    }
  }
  return session;
}

/**
 * A Socket.IO client on a raw engine.io WebSocket, connected to
 * `namespace` (lesson 1's "/" by default: past its welcome); it answers
 * engine.io's pings.
 */
export async function openEngineWebSocket(
  port: number,
  options: {
    readonly localAddress?: string;
    readonly headers?: readonly HeaderLine[];
    readonly query?: string;
    readonly namespace?: string;
  } = {},
): Promise<RawWebSocket> {
  const ws = await openRawWebSocket(
    port,
    `${ENGINE_PATH}?EIO=4&transport=websocket${options.query ?? ""}`,
    {
      localAddress: options.localAddress,
      headers: options.headers,
      onText: (text, client) => {
        if (text === "2") client.sendText("3");
      },
    },
  );
  const namespace = options.namespace ?? "/";
  try {
    await ws.nextMessage((text) => text.startsWith("0{"));
    if (namespace === "/") {
      ws.sendText("40");
      await ws.nextMessage((text) => text.startsWith('42["welcome"'));
    } else {
      ws.sendText(`40${namespace},`);
      await ws.nextMessage((text) => text.startsWith(`40${namespace},{`));
    }
    return ws;
  } catch (error) {
    ws.destroy();
    throw error;
  }
}

/** A short description of an answer, for error messages. */
export function describeAnswer(answer: RawAnswer): string {
  return answer.kind === "status"
    ? `HTTP ${answer.status} ${JSON.stringify(answer.body.slice(0, 120))}`
    : `no answer (${answer.how})`;
}
