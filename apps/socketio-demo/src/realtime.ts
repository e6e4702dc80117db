import {
  ServerResponse,
  type Server as HttpServer,
  type IncomingMessage,
} from "node:http";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { Server, type Namespace, type Socket } from "socket.io";
import { Adapter } from "socket.io-adapter";
import { createMemoryBackend, type RoomsBackend } from "./rooms/backend.js";
import { attachRooms } from "./rooms/chat.js";
import {
  createTracker,
  describeValue,
  fromSocketIo,
  quoteText,
} from "@repo/lifecycle";
import {
  createGuard,
  LogBudget,
  refuseUpgrade,
  statsOf,
  type Log,
  type Settings,
  type Stats,
} from "@repo/demo-kit";
import {
  ROOMS_NAMESPACE,
  SOCKET_PATH,
  type ClientToServerEvents,
  type News,
  type ServerToClientEvents,
} from "./protocol.js";

export interface Realtime {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents>;
  readonly stats: () => Stats;
  /** io.close(): every client's transport closes, so clients reconnect. */
  readonly close: () => Promise<void>;
}

/** How long clients get to end their transports before we cut them. */
const CLOSE_GRACE_MS = 500;

/** Attaches Socket.IO to the HTTP server that Express also uses. */
export function attachRealtime(
  server: HttpServer,
  settings: Settings,
  log: Log,
  roomsBackend: RoomsBackend = createMemoryBackend(),
): Realtime {
  const tracker = createTracker({ trustProxy: settings.trustProxy });
  let received = 0;

  // #region attach
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, {
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
  });
  // `cors` only governs what browsers let pages read over HTTP; it does not
  // stop a cross-site WebSocket, and `allowRequest` runs only when a
  // session starts. A middleware of the engine sees every request: the
  // handshake, each poll and post of a session, and its upgrade, so a page
  // on another site that learns a session id still cannot use it.
  const guard = createGuard(settings, log);
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

  // #region connection
  io.on(
    "connection",
    (socket: Socket<ClientToServerEvents, ServerToClientEvents>) => {
      const client = tracker.track(fromSocketIo(socket));
      log(
        `connect ${client.id} from ${client.ip} over ${socket.conn.transport.name}`,
      );
      // Only a client that started on polling can upgrade; a listener on
      // the others would wait, unused, for the connection's whole life.
      if (socket.conn.transport.name === "polling") {
        socket.conn.once("upgrade", () => {
          log(`${client.id} upgraded to ${socket.conn.transport.name}`);
        });
      }
      client.send("welcome", {
        id: client.id,
        ip: client.ip,
        pushIntervalMs: settings.pushIntervalMs,
      });
      // #endregion connection

      // #region push
      let seq = 0;
      client.every(settings.pushIntervalMs, () => {
        const news: News = {
          seq: seq + 1,
          text: settings.pushText,
          sentAt: epochMs(),
        };
        // send() checks socket.connected and never throws.
        if (client.send("news", news)) seq += 1;
      });
      // #endregion push

      // #region reply
      // The type says Reply, but any client can emit anything: the line
      // is bounded (describeReply), and so is the number of lines.
      const clientLog = new LogBudget(log, {
        subject: client.id,
        noun: "messages",
      });
      socket.on("reply", (reply: unknown) => {
        received += 1;
        clientLog.line(`${client.id} says ${describeReply(reply)}`);
      });
      // #endregion reply

      // #region disconnect
      client.onClose(({ reason }) => {
        // By now every timer of this client is cleared: nothing to leak.
        clientLog.flush();
        log(`disconnect ${client.id} from ${client.ip}: ${reason}`);
      });
      // #endregion disconnect
    },
  );

  const rooms = attachRooms(io, { tracker, log, backend: roomsBackend });

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
    stats: () =>
      statsOf("socket.io", tracker.stats(), received + rooms.received()),
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
      rooms.closing();
      await Promise.race([
        io.close(),
        sleep(CLOSE_GRACE_MS, undefined, { ref: false }),
      ]);
      for (const socket of upgraded) socket.destroy();
      await roomsBackend.close();
    },
  };
}

/**
 * One log line for whatever arrived as a `reply`, bounded in length,
 * depth and time whatever the client sent (JSON.stringify is not: an
 * array nested 5000 deep overflows the stack).
 */
export function describeReply(reply: unknown): string {
  if (
    typeof reply === "object" &&
    reply !== null &&
    "seq" in reply &&
    "text" in reply &&
    typeof reply.seq === "number" &&
    typeof reply.text === "string"
  ) {
    return `reply #${reply.seq}: ${quoteText(reply.text)}`;
  }
  return `reply of an unexpected shape: ${describeValue(reply)}`;
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

/** Wall-clock ms with a fraction, so that sub-millisecond latency shows. */
function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
