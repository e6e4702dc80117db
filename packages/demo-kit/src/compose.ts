import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import type { Express } from "express";
import { createGuard, type Guard } from "./guard.js";
import type { Log } from "./log.js";
import type { Settings } from "./settings.js";
import type { Stats } from "./stats.js";

/** What each demo's realtime side gives back to the server. */
export interface RealtimeSide {
  readonly stats: () => Stats;
  readonly close: () => Promise<void>;
}

/** The two halves each demo writes: its Express app and its realtime side. */
export interface DemoParts<R extends RealtimeSide> {
  readonly createApp: (options: { stats: () => Stats }) => Express;
  readonly attachRealtime: (server: Server, settings: Settings, log: Log) => R;
}

/**
 * One HTTP server for both sides. Express goes on first, the realtime
 * library second: Socket.IO wraps the request listeners already there,
 * answers /socket.io/* itself and passes the rest on (attached the other
 * way round, Express would answer /socket.io/* too). ws only listens for
 * 'upgrade', so for it the order does not matter. Every HTTP request
 * passes the Host rule first (DNS rebinding); upgrades are each
 * realtime side's to guard.
 */
export function composeServer<R extends RealtimeSide>(
  createApp: DemoParts<R>["createApp"],
  attachRealtime: DemoParts<R>["attachRealtime"],
  settings: Settings,
  log: Log,
): { server: Server; realtime: R } {
  // #region compose
  const app = createApp({ stats: () => realtime.stats() });
  const server = createServer(app);
  const realtime = attachRealtime(server, settings, log);
  // #endregion compose
  guardEveryRequest(server, createGuard(settings, log));
  return { server, realtime };
}

/**
 * Puts the Host rule in front of every HTTP request, whoever answers it:
 * Express, Socket.IO's client script, or engine.io's polling. Done the way
 * Socket.IO attaches itself: take the listeners there, put one in their
 * place that calls them once the request passed.
 */
function guardEveryRequest(server: Server, guard: Guard): void {
  const answer = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (!guard.serveHttp(request, response)) return;
    for (const listener of answer) listener.call(server, request, response);
  });
}
