// The provided half of the Socket.IO exercises: Socket.IO on the HTTP
// server Express also uses, at /socket.io, /stats, and a shutdown that
// ends every transport. The exercise's own file gets the `io` server.
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { Server } from "socket.io";
import type { Log, Settings } from "@repo/demo-kit";
import { exerciseApp, exerciseSettings, listenExercise } from "./harness.js";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol.js";

export type PushServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Starts the server and hands `io` to `lesson`, which adds its handlers. */
export function runSocketIoExercise(
  name: string,
  lesson: (
    io: PushServer,
    settings: Settings,
    log: Log,
  ) => { readonly liveTimers?: () => number } | void,
): void {
  const { settings, log } = exerciseSettings(name);
  let received = 0;
  const server = createServer(
    exerciseApp("socketio-demo", {
      transport: "socket.io",
      openConnections: () => io.engine.clientsCount,
      liveTimers: () => lessonTimers?.() ?? 0,
      received: () => received,
    }),
  );
  const io: PushServer = new Server(server, {
    path: "/socket.io",
    maxHttpBufferSize: settings.maxPayloadBytes,
    connectionStateRecovery: {},
    ...(settings.heartbeatSet
      ? {
          pingInterval: settings.heartbeatMs,
          pingTimeout: settings.heartbeatMs,
        }
      : {}),
  });
  // Every event a client emits on the main namespace, for /stats.
  io.on("connection", (socket) => socket.onAny(() => (received += 1)));
  const lessonTimers = lesson(io, settings, log)?.liveTimers;
  listenExercise(name, server, settings, log, async () => {
    await Promise.race([io.close(), sleep(500, undefined, { ref: false })]);
  });
}
