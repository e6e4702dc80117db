// Loaded into every measured server with `node --import`, so the apps and
// baselines carry no measuring code of their own. Answers requests for a
// snapshot over the IPC channel that the compare tool opens.
import { subscribe } from "node:diagnostics_channel";
import { Socket } from "node:net";
import { createHistogram, monitorEventLoopDelay } from "node:perf_hooks";

/** Counters of one server process, as the compare tool reads them. */
export interface ServerSnapshot {
  /** Sum over every accepted TCP socket, closed ones included. */
  readonly bytesRead: number;
  readonly bytesWritten: number;
  /**
   * The part of bytesWritten that went to event streams (sockets whose
   * request asked for text/event-stream): an SSE server also answers
   * each reply's POST, on other sockets, and those answers are not pushes.
   */
  readonly eventStreamBytesWritten: number;
  readonly tcpConnections: number;
  /** Plain HTTP requests ('request' events); upgrades are counted apart. */
  readonly httpRequests: number;
  readonly upgrades: number;
  /** After two forced GCs, when `gc` is true. */
  readonly heapUsed: number;
  readonly rss: number;
  /** CPU time this process has used, user + system, microseconds. */
  readonly cpuMicros: number;
  /** Event-loop delay since the last reset, ms. */
  readonly eventLoopDelayP99: number;
  readonly eventLoopDelayMax: number;
  /** When the snapshot was taken: wall-clock ms, the clock the demos stamp pushes with. */
  readonly at: number;
  /**
   * Reply round trips since recording started, ms: from the server writing
   * to a socket (a push) to the server reading from it next (the reply).
   */
  readonly roundTrip: {
    readonly count: number;
    readonly p50: number;
    readonly p99: number;
  };
}

export type InstrumentRequest = {
  readonly id: number;
  readonly gc: boolean;
  readonly resetDelay: boolean;
  /** Start or stop recording round trips; a snapshot reports them either way. */
  readonly roundTrips?: "start" | "stop";
};

const live = new Set<Socket>();
const eventStreams = new Set<Socket>();
let closedRead = 0;
let closedWritten = 0;
let closedEventStreamWritten = 0;
let tcpConnections = 0;
let httpRequests = 0;
let upgrades = 0;

// What the instrument keeps per socket is counted in the heap per
// connection of every server measured, so it keeps little: a Set entry
// and one shared listener, no closure per socket.
function countClosed(this: Socket): void {
  live.delete(this);
  closedRead += this.bytesRead;
  closedWritten += this.bytesWritten;
  if (eventStreams.delete(this)) closedEventStreamWritten += this.bytesWritten;
}

subscribe("net.server.socket", (message) => {
  const socket = (message as { socket: Socket }).socket;
  tcpConnections += 1;
  live.add(socket);
  socket.on("close", countClosed);
});

subscribe("http.server.request.start", (message) => {
  httpRequests += 1;
  // What EventSource sends, and only it: the protocol's own mark.
  const { request, socket } = message as {
    request: { headers: { accept?: string } };
    socket: Socket;
  };
  if (request.headers.accept?.includes("text/event-stream"))
    eventStreams.add(socket);
});

// #region round-trip
// The reply round trip, seen from the server and without any code in the
// apps: while recording, every write to a socket is a push (the clients
// send nothing else then, and no heartbeat runs), and the next data read
// from that socket is the client's reply to it. Only while recording does
// this cost anything per socket.
let recordingRoundTrips = false;
const lastWriteAt = new Map<Socket, number>();
const roundTrips = createHistogram();

function onReply(this: Socket): void {
  const writtenAt = lastWriteAt.get(this);
  if (writtenAt === undefined) return;
  lastWriteAt.delete(this); // one round trip per push, however many reads
  const micros = Math.round((performance.now() - writtenAt) * 1000);
  roundTrips.record(Math.max(1, micros));
}

function recordRoundTrips(on: boolean): void {
  recordingRoundTrips = on;
  lastWriteAt.clear();
  if (on) roundTrips.reset();
  for (const socket of live) {
    if (on) socket.on("data", onReply);
    else socket.off("data", onReply);
  }
}
// #endregion round-trip

// Upgrades do not go through 'request': count the 101 answers the server
// writes instead. Both ws and engine.io write the status line themselves,
// as a string. Patched once on the prototype, not per socket.
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with apply(this)
const write = Socket.prototype.write;
Socket.prototype.write = function (this: Socket, ...args: unknown[]) {
  const [chunk] = args;
  if (typeof chunk === "string" && chunk.startsWith("HTTP/1.1 101 "))
    upgrades += 1;
  if (recordingRoundTrips) lastWriteAt.set(this, performance.now());
  return (write as (...args: unknown[]) => boolean).apply(this, args);
};

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const gc = (globalThis as { gc?: () => void }).gc;

process.on("message", (request: InstrumentRequest) => {
  if (request.roundTrips) recordRoundTrips(request.roundTrips === "start");
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
  let eventStreamWritten = closedEventStreamWritten;
  for (const socket of eventStreams) eventStreamWritten += socket.bytesWritten;
  const { heapUsed, rss } = process.memoryUsage();
  const cpu = process.cpuUsage();
  const at = performance.timeOrigin + performance.now();
  const snapshot: ServerSnapshot = {
    at,
    bytesRead: read,
    bytesWritten: written,
    eventStreamBytesWritten: eventStreamWritten,
    tcpConnections,
    httpRequests,
    upgrades,
    heapUsed,
    rss,
    cpuMicros: cpu.user + cpu.system,
    eventLoopDelayP99: delay.percentile(99) / 1e6,
    eventLoopDelayMax: delay.max / 1e6,
    roundTrip: {
      count: roundTrips.count,
      p50: roundTrips.count ? roundTrips.percentile(50) / 1000 : Number.NaN,
      p99: roundTrips.count ? roundTrips.percentile(99) / 1000 : Number.NaN,
    },
  };
  if (request.resetDelay) delay.reset();
  process.send?.({ id: request.id, snapshot });
});

// The channel must not keep a server alive that is shutting down.
process.channel?.unref();

// Nor must a server outlive the tool that measures it: when the compare
// process dies without stopping it (killed by a test's timeout, Ctrl-C
// twice), the IPC channel closes, and the server it started goes too.
process.on("disconnect", () => process.exit(0));
