// Loaded into every measured server with `node --import`, so the apps and
// baselines carry no measuring code of their own. Answers requests for a
// snapshot over the IPC channel that the compare tool opens.
import { subscribe } from "node:diagnostics_channel";
import type { Socket } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";

/** Counters of one server process, as the compare tool reads them. */
export interface ServerSnapshot {
  /** Sum over every accepted TCP socket, closed ones included. */
  readonly bytesRead: number;
  readonly bytesWritten: number;
  readonly tcpConnections: number;
  /** Plain HTTP requests ('request' events); upgrades are counted apart. */
  readonly httpRequests: number;
  readonly upgrades: number;
  /** After two forced GCs, when `gc` is true. */
  readonly heapUsed: number;
  readonly rss: number;
  /** Event-loop delay since the last reset, ms. */
  readonly eventLoopDelayP99: number;
  readonly eventLoopDelayMax: number;
  /** When the snapshot was taken: wall-clock ms, the clock the demos stamp pushes with. */
  readonly at: number;
}

export type InstrumentRequest = {
  readonly id: number;
  readonly gc: boolean;
  readonly resetDelay: boolean;
};

const live = new Set<Socket>();
let closedRead = 0;
let closedWritten = 0;
let tcpConnections = 0;
let httpRequests = 0;
let upgrades = 0;

subscribe("net.server.socket", (message) => {
  const socket = (message as { socket: Socket }).socket;
  tcpConnections += 1;
  live.add(socket);
  socket.once("close", () => {
    live.delete(socket);
    closedRead += socket.bytesRead;
    closedWritten += socket.bytesWritten;
  });
});

subscribe("http.server.request.start", () => {
  httpRequests += 1;
});

// Upgrades do not go through 'request': count the 101 answers the server
// writes instead. Both ws and engine.io write the status line themselves.
subscribe("net.server.socket", (message) => {
  const socket = (message as { socket: Socket }).socket;
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = (...args: unknown[]) => {
    const [chunk] = args;
    if (typeof chunk === "string" && chunk.startsWith("HTTP/1.1 101 "))
      upgrades += 1;
    return write(...args);
  };
});

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", (request: InstrumentRequest) => {
  if (request.gc && gc) {
    gc();
    gc();
  }
  let read = closedRead;
  let written = closedWritten;
  for (const socket of live) {
    read += socket.bytesRead;
    written += socket.bytesWritten;
  }
  const { heapUsed, rss } = process.memoryUsage();
  const at = performance.timeOrigin + performance.now();
  const snapshot: ServerSnapshot = {
    at,
    bytesRead: read,
    bytesWritten: written,
    tcpConnections,
    httpRequests,
    upgrades,
    heapUsed,
    rss,
    eventLoopDelayP99: delay.percentile(99) / 1e6,
    eventLoopDelayMax: delay.max / 1e6,
  };
  if (request.resetDelay) delay.reset();
  process.send?.({ id: request.id, snapshot });
});

// The channel must not keep a server alive that is shutting down.
process.channel?.unref();
