// The provided half of the ws exercises: one HTTP server for Express and
// ws, the upgrade router (path and Origin), /stats, and a shutdown that
// closes every client with 1001. The exercise's own file gets each
// WebSocket that connected to `path`.
import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { createGuard } from "@repo/http-guard";
import {
  destroySocket,
  LogBudget,
  refuseUpgrade,
  type Log,
  type Settings,
} from "@repo/demo-kit";
import { exerciseApp, exerciseSettings, listenExercise } from "./harness.js";

/** What the exercise's own file gives the server. */
export interface WsLesson {
  /** Takes each WebSocket that connected to the exercise's path. */
  readonly onConnection: (ws: WebSocket, request: IncomingMessage) => void;
  /** Timers the lesson's bookkeeping knows of, for /stats (else 0). */
  readonly liveTimers?: () => number;
  /** Stops what the lesson runs beside its connections (a heartbeat). */
  readonly stop?: () => void;
}

/** Starts the server; `setup` builds the lesson once the settings are read. */
export function runWsExercise(
  name: string,
  path: "/ws" | "/ws/rooms",
  setup: (settings: Settings, log: Log) => WsLesson,
): void {
  const { settings, log } = exerciseSettings(name);
  const lesson = setup(settings, log);
  const open = new Set<WebSocket>();
  let received = 0;
  const server = createServer(
    exerciseApp("ws-demo", {
      transport: "ws",
      openConnections: () => open.size,
      liveTimers: lesson.liveTimers,
      received: () => received,
    }),
  );
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: settings.maxPayloadBytes,
    clientTracking: false,
  });
  const refusals = new LogBudget(log, {
    subject: "refusals",
    noun: "refused requests",
  });
  const guard = createGuard(settings, (line) => refusals.line(line));
  server.on(
    "upgrade",
    (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on("error", destroySocket);
      if ((request.url ?? "/").split("?")[0] !== path) {
        refuseUpgrade(socket, 404, `No WebSocket here; connect to ${path}.`);
        return;
      }
      const refusal = guard.handshake(request);
      if (refusal) {
        refuseUpgrade(socket, refusal.status, refusal.message);
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        socket.off("error", destroySocket);
        open.add(ws);
        ws.on("message", () => (received += 1));
        ws.on("close", () => open.delete(ws));
        lesson.onConnection(ws, request);
      });
    },
  );
  listenExercise(name, server, settings, log, async () => {
    lesson.stop?.();
    await Promise.all(
      [...open].map(
        (ws) =>
          new Promise<void>((resolve) => {
            const cut = setTimeout(() => ws.terminate(), 500);
            ws.once("close", () => {
              clearTimeout(cut);
              resolve();
            });
            ws.close(1001, "server shutting down");
          }),
      ),
    );
  });
}
