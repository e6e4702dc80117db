// The two apps as the hostile suite sees them: how to open a raw session
// on each, how to wrap a `reply`, how to tell that a session still works,
// and how each one refuses. Differences live here, never in the cases.
import type { TransportDriver } from "../transport/driver.js";
import { socketIoDriver } from "../drivers/socket-io.js";
import { wsDriver } from "../drivers/ws.js";
import { freshClientAddress } from "../rooms/client-addresses.js";
import type { HeaderLine } from "./raw-http.js";
import { openEngineWebSocket } from "./engine-io.js";
import {
  buildFrame,
  OPCODE,
  openRawWebSocket,
  type RawWebSocket,
} from "./raw-websocket.js";

export type AppName = "ws-demo" | "socketio-demo";

/** Why a WebSocket upgrade was refused; each target says which status it answers. */
export type RefusalReason =
  /** Origin not allowed (foreign, `null`, twice, wrong scheme). */
  | "origin"
  /** Host not served (DNS rebinding). */
  | "host"
  /** Not a valid handshake (no key, version 12, no Host). */
  | "malformed"
  /** An upgrade to a path with no WebSocket. */
  | "path";

export interface HostileCapabilities {
  /** The status of a refused WebSocket upgrade, by reason. */
  readonly refusedUpgrade: Readonly<Record<RefusalReason, number>>;
  /** Why those statuses: where the answer comes from. */
  readonly refusedUpgradeWhy: string;
  /**
   * How long the library may keep a timer for a client that is already
   * gone, so that Node's own timer count is back at its baseline only then.
   */
  readonly lingeringTimersMs: number;
}

/** One app under the hostile suite. */
export interface HostileTarget {
  readonly app: AppName;
  /** Starts the app and connects normal clients (the fresh-client check). */
  readonly driver: TransportDriver;
  /** Path and query of the WebSocket endpoint. */
  readonly webSocketPath: string;
  readonly capabilities: HostileCapabilities;
  /** A raw WebSocket session past the app's welcome, answering pings. */
  openSession(
    port: number,
    options?: { localAddress?: string; headers?: readonly HeaderLine[] },
  ): Promise<RawWebSocket>;
  /**
   * Sends something the app answers at once, on the same connection and
   * behind whatever was sent before: once it is answered, everything
   * before it has been handled.
   */
  probe(session: RawWebSocket, n: number): Probe;
  /** A text message that carries `json` as the payload of the event `name`. */
  eventMessage(name: string, json: string): string;
  /** Lesson 2's chat rooms. */
  readonly rooms: RoomsWire;
  /** Messages the app sends by itself (pushes, pings), not answers. */
  isBackground(text: string): boolean;
  /**
   * The close code of a session the app (not the WebSocket layer) ended,
   * told apart from ws's protocol codes; undefined if it never does.
   */
  readonly sessionCloseCode: number | undefined;
}

/** Lesson 2's chat rooms (docs/rooms/protocol.md) on one app, as raw text. */
export interface RoomsWire {
  /**
   * A raw connection to the rooms, ready for requests; it answers pings.
   * From its own loopback address unless `localAddress` names one: the
   * rooms count what one client address may cost them.
   */
  open(port: number, localAddress?: string): Promise<RawWebSocket>;
  /** One request; with `ack`, the app must answer it. */
  request(event: string, json: string, ack?: number): string;
  /** Whether a message answers a request (an ack, or ws's `error` event), not a broadcast. */
  isAnswer(text: string): boolean;
  /** Whether a message is the answer to the request with this ack. */
  answers(text: string, ack: number): boolean;
}

/** A probe in flight: whether it was answered, and which message is its answer. */
export interface Probe {
  answered(): boolean;
  isAnswer(text: string): boolean;
}

/** apps/ws-demo: lesson 1 at /ws, lesson 2 at /ws/rooms, one JSON envelope. */
export const wsTarget: HostileTarget = {
  app: "ws-demo",
  driver: wsDriver,
  webSocketPath: "/ws",
  capabilities: {
    refusedUpgrade: { origin: 403, host: 403, malformed: 400, path: 404 },
    refusedUpgradeWhy:
      "the app's upgrade router answers Origin/Host/path itself; ws answers a malformed handshake",
    lingeringTimersMs: 0,
  },
  openSession: async (port, options = {}) => {
    const ws = await openRawWebSocket(port, "/ws", options);
    try {
      await ws.nextMessage((text) => text.startsWith('{"event":"welcome"'));
      return ws;
    } catch (error) {
      ws.destroy();
      throw error;
    }
  },
  // A ping: ws answers it in order, after every frame before it.
  probe: (session, n) => {
    const token = Buffer.from(`probe-${n}`);
    session.write(buildFrame({ opcode: OPCODE.ping, payload: token }));
    return {
      answered: () => session.pongs.some((pong) => pong.equals(token)),
      isAnswer: () => false, // a pong is not a message
    };
  },
  eventMessage: (name, json) =>
    `{"event":${JSON.stringify(name)},"data":${json}}`,
  isBackground: (text) => text.startsWith('{"event":"news"'),
  rooms: {
    open: async (port, localAddress) =>
      openRawWebSocket(port, "/ws/rooms", {
        localAddress: localAddress ?? (await freshClientAddress()),
      }),
    request: (event, json, ack) =>
      `{"event":${JSON.stringify(event)},"data":${json}${ack === undefined ? "" : `,"ack":${ack}`}}`,
    isAnswer: (text) =>
      text.startsWith('{"event":"ack"') || text.startsWith('{"event":"error"'),
    answers: (text, ack) => text.startsWith(`{"event":"ack","ack":${ack},`),
  },
  // ws-demo never ends a session on its own for a message.
  sessionCloseCode: undefined,
};

/** apps/socketio-demo: engine.io at /socket.io/, lesson 1 on "/", lesson 2 on "/rooms". */
export const socketIoTarget: HostileTarget = {
  app: "socketio-demo",
  driver: socketIoDriver(["polling", "websocket"]),
  webSocketPath: "/socket.io/?EIO=4&transport=websocket",
  capabilities: {
    // engine.io's abortUpgrade() always writes "400 Bad Request" (its
    // abortRequest() for polling gives 403 to a refused allowRequest).
    refusedUpgrade: { origin: 400, host: 400, malformed: 400, path: 404 },
    refusedUpgradeWhy:
      "engine.io answers every refused upgrade with 400; other paths are the app's (404)",
    // engine.io's polling transport, closed while no GET is pending (a
    // client that left before its upgrade finished), waits closeTimeout
    // (30 s, transports/polling.js doClose) for a GET that never comes.
    lingeringTimersMs: 30_000,
  },
  openSession: (port, options = {}) => openEngineWebSocket(port, options),
  // A CONNECT to a namespace that does not exist: Socket.IO answers it
  // with CONNECT_ERROR on the same connection, in order.
  probe: (session, n) => {
    session.sendText(`40/probe-${n},`);
    const isAnswer = (text: string) => text.startsWith(`44/probe-${n},`);
    return {
      answered: () =>
        session.messages.some((m) => isAnswer(m.payload.toString("utf8"))),
      isAnswer,
    };
  },
  eventMessage: (name, json) => `42[${JSON.stringify(name)},${json}]`,
  isBackground: (text) => text === "2" || text.startsWith('42["news"'),
  rooms: {
    open: async (port, localAddress) =>
      openEngineWebSocket(port, {
        namespace: "/rooms",
        localAddress: localAddress ?? (await freshClientAddress()),
      }),
    request: (event, json, ack) =>
      `42/rooms,${ack ?? ""}[${JSON.stringify(event)},${json}]`,
    isAnswer: (text) => text.startsWith("43/rooms,"),
    answers: (text, ack) => text.startsWith(`43/rooms,${ack}[`),
  },
  // engine.io closes its WebSocket with an empty close frame.
  sessionCloseCode: 1005,
};
