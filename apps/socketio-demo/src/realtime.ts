import type { Server as HttpServer, IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { Server, type Socket } from "socket.io";
import { createTracker, fromSocketIo, isAllowedOrigin } from "@repo/lifecycle";
import { statsOf, type Log, type Settings, type Stats } from "@repo/demo-kit";
import {
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
const CLOSE_GRACE_MS = 1000;

/** Attaches Socket.IO to the HTTP server that Express also uses. */
export function attachRealtime(
  server: HttpServer,
  settings: Settings,
  log: Log,
): Realtime {
  const tracker = createTracker({ trustProxy: settings.trustProxy });
  let received = 0;

  // #region attach
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, {
    // The same path on both sides, or the client's requests 404.
    path: SOCKET_PATH,
    // Serve the browser client at /socket.io/socket.io.js (the default, said aloud).
    serveClient: true,
    // Same limit as ws-demo: over WebSocket, close 1009; over polling, HTTP 413.
    maxHttpBufferSize: settings.maxPayloadBytes,
    // Socket.IO's own heartbeat (25 s ping, 20 s to answer) unless HEARTBEAT_MS is set.
    ...(settings.heartbeatSet
      ? {
          pingInterval: settings.heartbeatMs,
          pingTimeout: settings.heartbeatMs,
        }
      : {}),
    // `cors` only governs what browsers let pages read over HTTP; it does not
    // stop a cross-site WebSocket. allowRequest sees every handshake, both
    // transports, and applies the same Origin rule as ws-demo.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      const allowed = isAllowedOrigin(
        origin,
        request.headers.host,
        settings.allowedOrigins,
      );
      if (!allowed) {
        log(
          `refused a handshake from origin ${origin}: not this page's origin (see ALLOWED_ORIGINS)`,
        );
      }
      callback(allowed ? null : "Origin not allowed", allowed);
    },
  });
  // #endregion attach

  // #region frozen-peers
  // The TCP connection under every WebSocket, for shutdown: a client whose
  // machine froze never answers the close, and ws waits its closeTimeout
  // option for it (30 s by default; engine.io does not set it).
  const upgraded = new Set<Duplex>();
  function forgetUpgraded(this: Duplex): void {
    upgraded.delete(this);
  }
  server.on("upgrade", (_request: IncomingMessage, socket: Duplex) => {
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
          text: "Hello Socket.IO",
          sentAt: epochMs(),
        };
        // send() checks socket.connected and never throws.
        if (client.send("news", news)) seq += 1;
      });
      // #endregion push

      // #region reply
      socket.on("reply", (reply: unknown) => {
        // The type says Reply, but any client can emit anything: check it.
        received += 1;
        log(`${client.id} says ${describeReply(reply)}`);
      });
      // #endregion reply

      // #region disconnect
      client.onClose(({ reason }) => {
        // By now every timer of this client is cleared: nothing to leak.
        log(`disconnect ${client.id} from ${client.ip}: ${reason}`);
      });
      // #endregion disconnect
    },
  );

  io.engine.on(
    "connection_error",
    (error: { code: number; message: string }) => {
      log(`refused a Socket.IO request: ${error.message} (code ${error.code})`);
    },
  );

  return {
    io,
    stats: () => statsOf("socket.io", tracker.stats(), received),
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
      await Promise.race([
        io.close(),
        sleep(CLOSE_GRACE_MS, undefined, { ref: false }),
      ]);
      for (const socket of upgraded) socket.destroy();
    },
  };
}

/** One log-friendly line for whatever arrived as a `reply`. */
export function describeReply(reply: unknown): string {
  if (
    typeof reply === "object" &&
    reply !== null &&
    "seq" in reply &&
    "text" in reply &&
    typeof reply.seq === "number" &&
    typeof reply.text === "string"
  ) {
    const text =
      reply.text.length > 200 ? `${reply.text.slice(0, 200)}…` : reply.text;
    return `reply #${reply.seq}: ${JSON.stringify(text)}`;
  }
  const shown = JSON.stringify(reply) ?? String(reply);
  return `reply of an unexpected shape: ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown}`;
}

/** Wall-clock ms with a fraction, so that sub-millisecond latency shows. */
function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
