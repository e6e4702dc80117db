import {
  ServerResponse,
  type Server as HttpServer,
  type IncomingMessage,
} from "node:http";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type { Namespace, Server, ServerOptions } from "socket.io";
import { Adapter } from "socket.io-adapter";
import { createTracker, type Tracker } from "@repo/lifecycle";
import { quoteText, type Guard } from "@repo/http-guard";
import {
  LogBudget,
  refuseUpgrade,
  statsOf,
  type Log,
  type Settings,
  type Stats,
} from "@repo/demo-kit";
import type { RoomsBackend } from "./rooms/backend.js";
import {
  ROOMS_NAMESPACE,
  SOCKET_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "./protocol.js";

export type PushServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** What every lesson on this Socket.IO server shares. */
export interface Realtime {
  readonly io: PushServer;
  /** Follows each connection: id, IP, its timers, its end. */
  readonly tracker: Tracker;
  /** A lesson's count of messages received, summed at /stats. */
  countReceived(count: () => number): void;
  /** Runs at shutdown before the clients are closed (a lesson's goodbye). */
  onClosing(task: () => void): void;
  /** Runs at shutdown once the clients are closed (a lesson's backend). */
  onShutdown(task: () => Promise<void>): void;
  readonly stats: () => Stats;
  /** io.close(): every client's transport closes, so clients reconnect. */
  readonly close: () => Promise<void>;
}

/** How long clients get to end their transports before we cut them. */
const CLOSE_GRACE_MS = 500;

// #region attach
/** The options of `new Server(httpServer, options)`, from the settings. */
export function socketIoOptions(
  settings: Settings,
  roomsBackend: RoomsBackend,
): Partial<ServerOptions> {
  return {
    // The same path on both sides, or the client's requests 404.
    path: SOCKET_PATH,
    // Serve the browser client (the default, said aloud): socket.io.js and
    // the minified socket.io.min.js that the pages load, with their maps.
    serveClient: true,
    // Same limit as ws-demo: over WebSocket, close 1009; over polling, HTTP 413.
    maxHttpBufferSize: settings.maxPayloadBytes,
    // Lesson 2: a client back within 2 minutes gets its rooms and the
    // messages it missed. Recovery tags every packet it may replay with an
    // offset (`42["news",{…},"<offset>"]`) and keeps a copy for 2 minutes;
    // lesson 1's pushes need neither, and their wire format is what the
    // first pages teach. So only the rooms namespace gets an adapter that
    // keeps sessions (in memory, or in Redis in lesson 3); `/` the plain one.
    connectionStateRecovery: {},
    adapter: adapterFor(roomsBackend),
    // Socket.IO's own heartbeat (25 s ping, 20 s to answer) unless HEARTBEAT_MS is set.
    ...(settings.heartbeatSet
      ? {
          pingInterval: settings.heartbeatMs,
          pingTimeout: settings.heartbeatMs,
        }
      : {}),
  };
}

/**
 * Puts the Host and Origin rules in front of Socket.IO's requests, and
 * gives the lessons what they share: the tracker, counts, shutdown.
 */
export function attachRealtime(
  server: HttpServer,
  io: PushServer,
  guard: Guard,
  settings: Settings,
  log: Log,
): Realtime {
  // `cors` only governs what browsers let pages read over HTTP; it does not
  // stop a cross-site WebSocket, and `allowRequest` runs only when a
  // session starts. A middleware of the engine sees every request: the
  // handshake, each poll and post of a session, and its upgrade, so a page
  // on another site that learns a session id still cannot use it.
  io.engine.use(
    (
      request: IncomingMessage,
      response: ServerResponse | object,
      next: (error?: Error) => void,
    ) => {
      const refusal = guard.handshake(request);
      if (!refusal) {
        next();
        return;
      }
      // A polling request gets our status; an upgrade gets engine.io's
      // 400, the only answer it writes to a refused upgrade.
      if (response instanceof ServerResponse) {
        response.writeHead(refusal.status, {
          "Content-Type": "text/plain; charset=utf-8",
        });
        response.end(refusal.message);
      }
      next(new Error(refusal.message));
    },
  );
  // #endregion attach
  const tracker = createTracker({ trustProxy: settings.trustProxy });
  const received: (() => number)[] = [];
  const closing: (() => void)[] = [];
  const shutdown: (() => Promise<void>)[] = [];

  // #region frozen-peers
  // The TCP connection under every WebSocket, for shutdown: a client whose
  // machine froze never answers the close, and ws waits its closeTimeout
  // option for it (30 s by default; engine.io does not set it).
  const upgraded = new Set<Duplex>();
  function forgetUpgraded(this: Duplex): void {
    upgraded.delete(this);
  }
  server.on("upgrade", (request: IncomingMessage, socket: Duplex) => {
    // engine.io takes upgrades under its path only (the same test as
    // here), and leaves others hanging for a second: answer them now.
    if (!(request.url ?? "").startsWith(`${SOCKET_PATH}/`)) {
      guard.logRefusal(
        `refused a WebSocket to ${quoteText(request.url ?? "", 100)}: Socket.IO answers on ${SOCKET_PATH}/`,
      );
      refuseUpgrade(
        socket,
        404,
        `No WebSocket here; Socket.IO answers on ${SOCKET_PATH}/.`,
      );
      return;
    }
    upgraded.add(socket);
    socket.on("close", forgetUpgraded);
  });
  // #endregion frozen-peers

  const engineRefusals = new LogBudget(log, {
    subject: "refusals",
    noun: "refused Socket.IO requests",
  });
  io.engine.on(
    "connection_error",
    (error: { code: number; message: string; context?: { name?: string } }) => {
      // The guard has logged its own refusals, with the reason.
      if (error.context?.name === "MIDDLEWARE_FAILURE") return;
      engineRefusals.line(
        `refused a Socket.IO request: ${error.message} (code ${error.code})`,
      );
    },
  );

  return {
    io,
    tracker,
    countReceived: (count) => void received.push(count),
    onClosing: (task) => void closing.push(task),
    onShutdown: (task) => void shutdown.push(task),
    stats: () =>
      statsOf(
        "socket.io",
        tracker.stats(),
        received.reduce((sum, count) => sum + count(), 0),
      ),
    close: async () => {
      const count = io.sockets.sockets.size;
      if (count > 0)
        log(
          `closing ${count} client(s); they will reconnect when the server is back`,
        );
      // Chosen over disconnectSockets(true): that one tells clients "the
      // server sent you away" and they do not reconnect. io.close() ends
      // their transports, so a restarted server gets its clients back.
      // It resolves once the HTTP server has closed, which a frozen peer
      // can hold up for ws's 30 s close timeout: give it a moment, then cut
      // the WebSockets that are left, as ws-demo does.
      // (An unref'd timer: once all is closed, it must not keep the
      // process alive for the rest of the second.)
      for (const task of closing) task();
      await Promise.race([
        io.close(),
        sleep(CLOSE_GRACE_MS, undefined, { ref: false }),
      ]);
      for (const socket of upgraded) socket.destroy();
      for (const task of shutdown) await task();
    },
  };
}

/**
 * The `adapter` option, which Socket.IO calls with `new` for each
 * namespace: hence a function, not an arrow.
 */
function adapterFor(roomsBackend: RoomsBackend) {
  return function adapter(namespace: Namespace): Adapter {
    return namespace.name === ROOMS_NAMESPACE
      ? roomsBackend.adapter(namespace)
      : new Adapter(namespace);
  };
}
