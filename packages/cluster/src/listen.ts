// Lesson 3: demo-kit's listen, in any process of WORKERS=N. Alone (no
// WORKERS), it listens on the port; in a worker, it takes the
// connections the primary hands over, and stops when the primary says so.
import type { Server } from "node:http";
import {
  listen as listenAlone,
  type ListenOptions,
  type Log,
  type Settings,
} from "@repo/demo-kit";
import { isClusterWorker } from "./roles.js";
import { workerLink } from "./worker.js";

export interface ClusterListenOptions extends Omit<ListenOptions, "worker"> {
  /**
   * In a worker: how the server takes the connections the primary hands
   * over. Socket.IO passes @socket.io/sticky's `setupWorker(io)`, which
   * also pins each polling session to its worker; the default does the
   * rest without sessions (ws).
   */
  readonly takeConnections?: () => void;
}

/** demo-kit's listen, or, in a worker of WORKERS=N, the worker's side of it. */
export function listen(
  server: Server,
  settings: Settings,
  log: Log,
  options: ClusterListenOptions,
): void {
  const { takeConnections, ...rest } = options;
  listenAlone(server, settings, log, {
    ...rest,
    ...(isClusterWorker(settings)
      ? { worker: workerLink(server, takeConnections) }
      : {}),
  });
}
