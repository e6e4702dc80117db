import { fileURLToPath } from "node:url";
import type { WorkerTransport } from "./client-worker.js";

/** The servers the compare tool can start, each as its own process. */
export type ServerName =
  "ws-demo" | "ws-bare" | "socketio-demo" | "socketio-bare";

const repoRoot = new URL("../../../../", import.meta.url);

export const serverEntries: Record<ServerName, string> = {
  "ws-demo": fileURLToPath(new URL("apps/ws-demo/dist/server.js", repoRoot)),
  "socketio-demo": fileURLToPath(
    new URL("apps/socketio-demo/dist/server.js", repoRoot),
  ),
  "ws-bare": fileURLToPath(new URL("../baselines/ws-bare.js", import.meta.url)),
  "socketio-bare": fileURLToPath(
    new URL("../baselines/socketio-bare.js", import.meta.url),
  ),
};

/** One row group of the comparison: a transport, its demo and its baseline. */
export interface TransportRow {
  /** As the user names it on the command line. */
  readonly id: "ws" | "socket.io" | "socket.io-websocket";
  readonly label: string;
  readonly client: WorkerTransport;
  readonly demo: ServerName;
  readonly bare: ServerName;
}

export const transportRows: readonly TransportRow[] = [
  { id: "ws", label: "ws", client: "ws", demo: "ws-demo", bare: "ws-bare" },
  {
    id: "socket.io",
    label: "Socket.IO",
    client: "socket.io",
    demo: "socketio-demo",
    bare: "socketio-bare",
  },
  {
    id: "socket.io-websocket",
    label: "Socket.IO websocket-only",
    client: "socket.io-websocket",
    demo: "socketio-demo",
    bare: "socketio-bare",
  },
];
