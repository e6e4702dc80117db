import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";
import {
  createHeartbeat,
  createTracker,
  type Heartbeat,
  type Tracker,
} from "@repo/lifecycle";
import { quoteText, type Guard } from "@repo/http-guard";
import {
  destroySocket,
  refuseUpgrade,
  statsOf,
  type Log,
  type Settings,
  type Stats,
} from "@repo/demo-kit";

/** What a lesson does with a WebSocket that connected to its path. */
export type OnConnection = (ws: WebSocket, request: IncomingMessage) => void;

/**
 * What every lesson on this ws server shares: the server, the lifecycle
 * of each connection, and one 'upgrade' router on which each lesson
 * claims its path.
 */
export interface Realtime {
  /** The ws server; NOTE_BUGS mode (note-bugs.ts) adds its handler to it too. */
  readonly wss: WebSocketServer;
  /** Follows each connection: id, IP, its timers, its end. */
  readonly tracker: Tracker;
  /** ws has no heartbeat of its own: this one terminates peers gone silent. */
  readonly heartbeat: Heartbeat;
  /** The sockets shutdown must close; each lesson adds and removes its own. */
  readonly open: Set<WebSocket>;
  /** A lesson's path: upgrades to it become that lesson's connections. */
  route(path: string, onConnection: OnConnection): void;
  /** A lesson's count of messages received, summed at /stats. */
  countReceived(count: () => number): void;
  /** Runs at shutdown, once every client is closed (a lesson's backend). */
  onShutdown(task: () => Promise<void>): void;
  readonly stats: () => Stats;
  /** Closes every client with 1001 (going away), then the ws server. */
  readonly close: () => Promise<void>;
}

/** How long clients get to answer our close frame before we cut them. */
const CLOSE_GRACE_MS = 500;

/**
 * Routes the HTTP server's upgrades to `wss` by path, after the Host and
 * Origin rules. The lessons attach themselves with `route`.
 */
export function attachRealtime(
  server: Server,
  wss: WebSocketServer,
  guard: Guard,
  settings: Settings,
  log: Log,
): Realtime {
  const tracker = createTracker({
    trustProxy: settings.trustProxy,
    maxBufferedBytes: settings.maxBufferedBytes,
  });
  // #region heartbeat
  // ws has no heartbeat of its own: without one, a peer that vanished
  // without a FIN (Wi-Fi gone, laptop asleep) stays "open" forever.
  const heartbeat = createHeartbeat(tracker, settings.heartbeatMs);
  // #endregion heartbeat
  const open = new Set<WebSocket>();
  const received: (() => number)[] = [];
  const shutdown: (() => Promise<void>)[] = [];

  // #region upgrade
  // Each path is a lesson: the push of lesson 1, the rooms of lesson 2.
  const lessons = new Map<string, OnConnection>();
  server.on(
    "upgrade",
    (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      // A reset mid-handshake is not our crash.
      socket.on("error", destroySocket);
      // The path as sent, never parsed as a URL: `//` or `http://[` are
      // valid request targets to Node but throw in `new URL()`.
      const path = pathOf(request.url);
      const lesson = lessons.get(path);
      if (!lesson) {
        const paths = [...lessons.keys()];
        guard.logRefusal(
          `refused a WebSocket to ${quoteText(path, 100)}: the paths are ${paths.join(" and ")}`,
        );
        refuseUpgrade(
          socket,
          404,
          `No WebSocket here; connect to ${paths.join(" or ")}.`,
        );
        return;
      }
      // Host (DNS rebinding) and Origin (another site's page): see @repo/http-guard.
      const refusal = guard.handshake(request);
      if (refusal) {
        refuseUpgrade(socket, refusal.status, refusal.message);
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        socket.off("error", destroySocket); // ws handles socket errors from here
        lesson(ws, request);
      });
    },
  );
  // #endregion upgrade

  return {
    wss,
    tracker,
    heartbeat,
    open,
    route: (path, onConnection) => void lessons.set(path, onConnection),
    countReceived: (count) => void received.push(count),
    onShutdown: (task) => void shutdown.push(task),
    stats: () =>
      statsOf(
        "ws",
        tracker.stats(),
        received.reduce((sum, count) => sum + count(), 0),
      ),
    close: async () => {
      heartbeat.stop();
      await closeAll(wss, open, log);
      for (const task of shutdown) await task();
    },
  };
}

/** The path of a request target, without its query: `/ws?x=1` -> `/ws`. */
function pathOf(target: string | undefined): string {
  const path = target ?? "/";
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

async function closeAll(
  wss: WebSocketServer,
  open: ReadonlySet<WebSocket>,
  log: Log,
): Promise<void> {
  const clients = [...open];
  if (clients.length > 0) log(`closing ${clients.length} client(s) with 1001`);
  await Promise.all(
    clients.map(
      (ws) =>
        new Promise<void>((resolve) => {
          const cut = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
          ws.once("close", () => {
            clearTimeout(cut);
            resolve();
          });
          ws.close(1001, "server shutting down");
        }),
    ),
  );
  await new Promise<void>((resolve) => wss.close(() => resolve()));
}
