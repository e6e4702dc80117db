// Lesson 3, in a worker of WORKERS=N: the connections come from the
// primary, not from the port, and so does the word to stop.
import type { Server } from "node:http";
import { setupWorker } from "@socket.io/sticky";
import type { WorkerLink } from "@repo/demo-kit";
import type { PrimaryMessage, WorkerMessage } from "./messages.js";

/**
 * Takes the connections the primary hands over, as @socket.io/sticky's
 * setupWorker does for Socket.IO. setupWorker is typed for a Socket.IO
 * server, but uses only its `httpServer` (where it injects each
 * connection) and `engine.on("connection")` (where it reports a new
 * polling session, to pin it to this worker). A ws server has no
 * sessions to pin: an engine that never emits stands in, hence the cast.
 */
export function takeConnectionsFromPrimary(server: Server): void {
  const noSessions = { on: () => noSessions };
  setupWorker({
    httpServer: server,
    engine: noSessions,
  } as unknown as Parameters<typeof setupWorker>[0]);
}

/** Calls `onShutdown` when the primary says to stop. */
export function onPrimaryShutdown(onShutdown: (signal: string) => void): void {
  process.on("message", (message: PrimaryMessage) => {
    if (message?.type === "demo:shutdown") onShutdown(message.signal);
  });
}

/** Tells the primary that this worker takes connections now. */
export function tellPrimaryReady(describe: string): void {
  const message: WorkerMessage = { type: "demo:ready", describe };
  process.send?.(message);
}

/**
 * What demo-kit's listen does differently in a worker: take connections
 * with `takeConnections` (Socket.IO's setupWorker), else as above (ws).
 */
export function workerLink(
  server: Server,
  takeConnections?: () => void,
): WorkerLink {
  return {
    takeConnections:
      takeConnections ?? (() => takeConnectionsFromPrimary(server)),
    ready: tellPrimaryReady,
    onShutdown: onPrimaryShutdown,
  };
}
