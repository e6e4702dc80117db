// The verbs a hostile case is written with: each sends one kind of input
// to the app under test and turns what came back into an Outcome.
import type { ConnectOptions } from "../transport/driver.js";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import {
  describeAnswer,
  openPolling,
  pollingRequest,
  RECORD_SEPARATOR,
  type PollingOptions,
  type PollingSession,
} from "./engine-io.js";
import type { Outcome } from "./outcome.js";
import { BUSY_MACHINE_WAIT_MS } from "../wait-for.js";
import {
  exchange,
  hostHeader,
  upgradeHeaders,
  type HeaderLine,
  type RawAnswer,
  type RawRequest,
} from "./raw-http.js";
import { openRawWebSocket, type RawWebSocket } from "./raw-websocket.js";
import type { HostileTarget } from "./targets.js";

/**
 * How long a session may take to show what it made of the input. Every
 * wait on it ends at the event it waits for (the probe's answer, a close,
 * a cut, a message), so a working app costs far less; the margin is for a
 * machine busy with other tasks, where 3 s was seen to run out.
 */
const OBSERVE_MS = BUSY_MACHINE_WAIT_MS;

export interface UpgradeSpec {
  /** Default: the target's WebSocket path. */
  readonly target?: string;
  /** Default `Host: 127.0.0.1:PORT`; null sends no Host at all. */
  readonly host?: string | null;
  /** Lines after Host and before the handshake headers. */
  readonly headers?: readonly HeaderLine[];
  /** Replace the handshake headers (Upgrade, Connection, key, version). */
  readonly handshake?: readonly HeaderLine[];
}

/** What a case gets to work with. */
export interface CaseContext {
  readonly app: RunningApp;
  readonly target: HostileTarget;
  /** Starts a second instance of the app for this case alone (shutdown cases). */
  spawn(env?: Record<string, string>): Promise<RunningApp>;
  /** One raw HTTP request on its own connection. */
  http(
    request: RawRequest,
    options?: { localAddress?: string },
  ): Promise<Outcome>;
  /** A WebSocket handshake on the app's own path, varied as said. */
  upgrade(spec?: UpgradeSpec): Promise<Outcome>;
  /**
   * A WebSocket handshake that the server may accept and then end: the
   * status if refused, else what the connection does next (closed, cut,
   * or the first message).
   */
  upgradeAndWatch(target: string): Promise<Outcome>;
  /** Opens a session past the welcome, writes these bytes as they are, and watches. */
  frames(...bytes: Buffer[]): Promise<Outcome>;
  /** Opens a session and sends these text messages, then watches. */
  texts(...texts: string[]): Promise<Outcome>;
  /** The event `name` carrying `json`, in the app's own envelope. */
  event(name: string, json: string): Promise<Outcome>;
  /**
   * Lesson 2: on a rooms connection, sends each request in turn (a tuple
   * asks for an answer, with acks 1, 2, ...; a string is sent as a text
   * frame, a Buffer as raw bytes), then watches. An answer outcome is the
   * last answer to a request.
   */
  rooms(
    ...requests: ReadonlyArray<
      readonly [event: string, json: string] | string | Buffer
    >
  ): Promise<Outcome>;
  /** Socket.IO over polling: POSTs `body` in a connected session, then watches. */
  pollingPost(body: string): Promise<Outcome>;
  /** A normal client with these options: the IP its welcome says. */
  welcome(options: ConnectOptions): Promise<Outcome>;
  /** A connected polling session, for cases that need a live sid. */
  pollingSession(options?: PollingOptions): Promise<PollingSession>;
  /** A raw request of the polling transport. */
  polling(
    method: "GET" | "POST",
    target: string,
    body?: string,
    options?: PollingOptions,
  ): Promise<Outcome>;
}

/** An HTTP exchange as an Outcome: its status, or how it ended without one. */
export function answerOutcome(answer: RawAnswer): Outcome {
  return answer.kind === "status"
    ? { status: answer.status }
    : { noAnswer: answer.how };
}

/** The verbs for one row, against `app`; apps a row spawns are pushed to `spawned`. */
export function createContext(
  app: RunningApp,
  target: HostileTarget,
  spawned: RunningApp[],
): CaseContext {
  const port = app.port;
  let probes = 0;

  /**
   * What became of a session after the input: closed, answered (the first
   * message that `isAnswer` picks, or the last one with `last`), or ignored.
   */
  async function watch(
    session: RawWebSocket,
    from: number,
    pick: { isAnswer?: (text: string) => boolean; last?: boolean } = {},
  ): Promise<Outcome> {
    const probe = target.probe(session, ++probes);
    await session.until(() => session.isClosed || probe.answered(), OBSERVE_MS);
    if (probe.answered()) {
      const answers = session.messages
        .slice(from)
        .map((m) => m.payload.toString("utf8"))
        .filter(
          (text) =>
            !target.isBackground(text) &&
            !probe.isAnswer(text) &&
            (pick.isAnswer?.(text) ?? true),
        );
      const answer = pick.last ? answers.at(-1) : answers[0];
      return answer === undefined ? "ignored" : { answer };
    }
    if (!session.isClosed) return { noAnswer: "timeout" };
    const { code } = await session.closed;
    if (code === undefined) return "cut";
    return code === target.sessionCloseCode ? "closed" : { close: code };
  }

  async function inSession(
    send: (session: RawWebSocket) => void,
  ): Promise<Outcome> {
    const session = await target.openSession(port);
    try {
      const from = session.messages.length;
      send(session);
      return await watch(session, from);
    } finally {
      await session.close();
    }
  }

  return {
    app,
    target,
    async spawn(env = {}) {
      const other = await target.driver.start(env);
      spawned.push(other);
      return other;
    },
    http: async (request, options) =>
      answerOutcome(await exchange(port, request, options)),
    async upgrade(spec = {}) {
      const host =
        spec.host === undefined
          ? [hostHeader(port)]
          : spec.host === null
            ? []
            : [["Host", spec.host] as const];
      return answerOutcome(
        await exchange(port, {
          target: spec.target ?? target.webSocketPath,
          headers: [
            ...host,
            ...(spec.headers ?? []),
            ...(spec.handshake ?? upgradeHeaders()),
          ],
        }),
      );
    },
    async upgradeAndWatch(path) {
      let ws: RawWebSocket;
      try {
        ws = await openRawWebSocket(port, path);
      } catch (error) {
        const status = /handshake refused: HTTP\/1\.1 (\d{3})/.exec(
          String(error),
        );
        if (status) return { status: Number(status[1]) };
        throw error;
      }
      try {
        const first = await Promise.race([
          ws.closed.then(() => undefined),
          ws.nextMessage(() => true, OBSERVE_MS).catch(() => undefined),
        ]);
        if (first !== undefined) return { answer: first };
        const { code } = await ws.closed;
        return code === undefined ? "cut" : { close: code };
      } finally {
        ws.destroy();
      }
    },
    frames: (...bytes) =>
      inSession((session) => bytes.forEach((b) => session.write(b))),
    texts: (...texts) =>
      inSession((session) => texts.forEach((t) => session.sendText(t))),
    event: (name, json) =>
      inSession((session) => session.sendText(target.eventMessage(name, json))),
    async rooms(...requests) {
      const session = await target.rooms.open(port);
      try {
        const from = session.messages.length;
        const texts = () =>
          session.messages.slice(from).map((m) => m.payload.toString("utf8"));
        let acks = 0;
        for (const [i, request] of requests.entries()) {
          if (Buffer.isBuffer(request)) session.write(request);
          else if (typeof request === "string") session.sendText(request);
          else {
            const ack = ++acks;
            session.sendText(target.rooms.request(request[0], request[1], ack));
            // An opening join is answered before the rest goes, as a page
            // waits for it: Socket.IO's join awaits the adapter, and a say
            // read meanwhile (seen on a busy machine) is "not-in-room".
            if (i === 0 && request[0] === "join" && requests.length > 1)
              await session.until(
                () =>
                  session.isClosed ||
                  texts().some((text) => target.rooms.answers(text, ack)),
                OBSERVE_MS,
              );
          }
        }
        // Some handlers answer later (Socket.IO's join awaits the adapter):
        // wait for the last ack's answer before the probe goes out.
        const lastAnswer = () =>
          texts().find((text) => target.rooms.answers(text, acks));
        if (acks > 0) {
          await session.until(
            () => session.isClosed || lastAnswer() !== undefined,
            OBSERVE_MS,
          );
        }
        const seen = await watch(session, from, {
          isAnswer: (text) => target.rooms.isAnswer(text),
          last: true,
        });
        // The answer to the last request, not whichever answer came last.
        const answer = acks > 0 ? lastAnswer() : undefined;
        return typeof seen === "object" && "answer" in seen && answer
          ? { answer }
          : seen;
      } finally {
        await session.close();
      }
    },
    async pollingPost(body) {
      const session = await openPolling(port, { connect: true });
      try {
        const posted = await session.post(body);
        if (posted.kind !== "status" || posted.status !== 200)
          return answerOutcome(posted);
        return await watchPolling(session, ++probes, target);
      } finally {
        await session.close();
      }
    },
    async welcome(options) {
      const client = await target.driver.connect(app, options);
      await client.close();
      return { welcomeIp: client.welcome.ip };
    },
    pollingSession: (options) =>
      openPolling(port, { ...options, connect: true }),
    polling: async (method, path, body, options) =>
      answerOutcome(await pollingRequest(port, method, path, body, options)),
  };
}

/**
 * A polling session after its input: a probe CONNECT follows, then GETs
 * until the probe's CONNECT_ERROR (the session lives), a close packet or
 * a 400 (the app ended it).
 */
async function watchPolling(
  session: PollingSession,
  n: number,
  target: HostileTarget,
): Promise<Outcome> {
  const probe = `44/probe-${n},`;
  const posted = await session.post(`40/probe-${n},`);
  if (posted.kind !== "status") return answerOutcome(posted);
  if (posted.status === 400) return "closed";
  const answers: string[] = [];
  const deadline = performance.now() + OBSERVE_MS;
  while (performance.now() < deadline) {
    const got = await session.poll();
    if (got.kind !== "status") return answerOutcome(got);
    if (got.status === 400) return "closed";
    if (got.status !== 200)
      throw new Error(`unexpected poll answer: ${describeAnswer(got)}`);
    for (const packet of got.body.split(RECORD_SEPARATOR)) {
      if (packet === "1") return "closed";
      if (packet === "2") {
        await session.post("3"); // engine.io's ping, answered
        continue;
      }
      if (packet.startsWith(probe))
        return answers.length > 0 ? { answer: answers[0]! } : "ignored";
      if (packet !== "6" && !target.isBackground(packet)) answers.push(packet);
    }
  }
  return { noAnswer: "timeout" };
}
