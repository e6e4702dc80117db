import { fileURLToPath } from "node:url";
import type { WorkerTransport } from "./client-protocol.js";

/** The servers the compare tool can start, each as its own process. */
export type ServerName =
  | "ws-demo"
  | "ws-bare"
  | "socketio-demo"
  | "socketio-bare"
  | "sse-bare"
  | "ws-rooms-bare"
  | "socketio-rooms-bare";

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
  "sse-bare": fileURLToPath(
    new URL("../baselines/sse-bare.js", import.meta.url),
  ),
  "ws-rooms-bare": fileURLToPath(
    new URL("../baselines/ws-rooms-bare.js", import.meta.url),
  ),
  "socketio-rooms-bare": fileURLToPath(
    new URL("../baselines/socketio-rooms-bare.js", import.meta.url),
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

/**
 * The text every measured server pushes (PUSH_TEXT): left to themselves,
 * the demos push different greetings, and bytes would compare the texts.
 */
export const PUSH_TEXT = "Hello from the server";

/** A tuning row: a bare baseline with one setting changed, against the same baseline without it. */
export interface Knob {
  readonly id: "ws-deflate" | "ws-no-bufferutil" | "socketio-msgpack";
  readonly label: string;
  /** The transport row whose bare server is the default it is set against. */
  readonly against: TransportRow["id"];
  readonly server: ServerName;
  readonly env: Readonly<Record<string, string>>;
  readonly client: WorkerTransport;
  readonly parser?: "msgpack";
  /**
   * Whether the protocol arithmetic holds: a compressed frame's size is
   * zlib's business, so that row's bytes are measured, not checked.
   */
  readonly exactBytes: boolean;
}

export const knobs: readonly Knob[] = [
  {
    id: "ws-deflate",
    label: "ws perMessageDeflate on",
    against: "ws",
    server: "ws-bare",
    env: { WS_PER_MESSAGE_DEFLATE: "1" },
    client: "ws",
    exactBytes: false,
  },
  {
    id: "ws-no-bufferutil",
    label: "ws without bufferutil",
    against: "ws",
    server: "ws-bare",
    // ws loads bufferutil when it is installed, unless this is set.
    env: { WS_NO_BUFFER_UTIL: "1" },
    client: "ws",
    exactBytes: true,
  },
  {
    id: "socketio-msgpack",
    label: "Socket.IO msgpack parser",
    against: "socket.io-websocket",
    server: "socketio-bare",
    env: { SOCKETIO_PARSER: "msgpack" },
    client: "socket.io-websocket",
    parser: "msgpack",
    exactBytes: true,
  },
];
