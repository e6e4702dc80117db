// Measures one server under N clients: connect, handshake cost, memory,
// a window of pushes and replies, and the way back to idle. Clients run
// in separate processes so that the server's figures are its own.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { spawnApp, type RunningApp } from "@repo/contract";
import type {
  ConnectReport,
  SettleReport,
  WindowReport,
  WorkerCommand,
  WorkerConfig,
  WorkerTransport,
} from "./client-worker.js";
import type { InstrumentRequest, ServerSnapshot } from "./instrument.js";
import { distribution, percentile } from "./percentiles.js";
import { PUSH_TEXT, serverEntries, type ServerName } from "./servers.js";

export interface MeasureOptions {
  readonly clients: number;
  readonly intervalMs: number;
  readonly windowMs: number;
  /** Clients connecting at once, across all worker processes. */
  readonly concurrency: number;
  readonly progress: (text: string) => void;
}

/** Everything measured of one server, per client or per message. */
export interface ServerFigures {
  readonly server: ServerName;
  readonly clients: number;
  readonly connectFailures: number;
  readonly connectAllMs: number;
  readonly connectP50Ms: number;
  readonly connectP99Ms: number;
  /** The few clients the handshake figures come from (see the handshake region). */
  readonly handshakeClients: number;
  /** Pushes those clients received before the handshake snapshot: should be 0. */
  readonly pushesInHandshake: number;
  readonly httpRequestsPerClient: number;
  readonly upgradesPerClient: number;
  readonly tcpConnectionsPerClient: number;
  /** Server bytes written / read per client until connected, welcome included. */
  readonly handshakeBytesWritten: number;
  readonly handshakeBytesRead: number;
  /** After GC; the slope from N/2 to N clients, so one-time costs do not count. */
  readonly heapPerConnection: number;
  readonly rssPerConnection: number;
  readonly pushes: number;
  /**
   * The byte check's integers: what the server's socket counters say it
   * wrote in the window, the pushes stamped in that window that the
   * clients received, and what the protocol arithmetic says those pushes
   * cost. The same for replies, read by the server.
   */
  readonly pushBytesWritten: number;
  readonly pushesInWindow: number;
  readonly expectedPushBytes: number;
  readonly replyBytesRead: number;
  readonly replies: number;
  readonly expectedReplyBytes: number;
  /** The same, per message, for the table: rounding hides a few bytes here. */
  readonly bytesPerPush: number;
  readonly expectedBytesPerPush: number;
  readonly bytesPerReply: number;
  readonly expectedBytesPerReply: number;
  /**
   * Server-Sent Events only: the bytes of the HTTP answer to each reply's
   * POST (a reply over WebSocket gets none). null for the others.
   */
  readonly bytesPerReplyAnswer: number | null;
  readonly cadenceP50Ms: number;
  readonly cadenceP99Ms: number;
  readonly cadenceMaxMs: number;
  /** The same, by the server's timestamps: its timer alone, without the trip. */
  readonly sentCadenceP50Ms: number;
  readonly sentCadenceP99Ms: number;
  readonly sentCadenceMaxMs: number;
  readonly pushesLost: number;
  /** One way: the server's timestamp in the push to its arrival at the client. */
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** The same at DISTRIBUTION_PERCENTILES, for the docs' charts. */
  readonly latencyDistributionMs: readonly number[];
  /** Push written by the server to the client's reply read by it (see instrument.ts). */
  readonly roundTrips: number;
  readonly roundTripP50Ms: number;
  readonly roundTripP99Ms: number;
  readonly eventLoopDelayP99Ms: number;
  /** The client processes' event-loop delay in the window (the worst process). */
  readonly clientEventLoopDelayP99Ms: number;
  readonly clientEventLoopDelayMaxMs: number;
  /** Live connections left on the server once every client closed (demos only). */
  readonly connectionsLeft: number | null;
  readonly timersLeft: number | null;
}

const instrument = new URL("./instrument.js", import.meta.url).href;
const workerEntry = fileURLToPath(
  new URL("./client-worker.js", import.meta.url),
);
/** Clients whose handshake is measured, before the rest connect. */
const HANDSHAKE_CLIENTS = 5;
/** Clients per worker process, and per source address: fds and ports are finite. */
const CLIENTS_PER_WORKER = 2500;
const CLIENTS_PER_ADDRESS = 2500;

let nextRequestId = 1;
export async function snapshot(
  app: RunningApp,
  gc = false,
  resetDelay = false,
  roundTrips?: InstrumentRequest["roundTrips"],
): Promise<ServerSnapshot> {
  const request: InstrumentRequest & { id: number } = {
    id: nextRequestId++,
    gc,
    resetDelay,
    ...(roundTrips ? { roundTrips } : {}),
  };
  const { snapshot } = await app.ask<{ snapshot: ServerSnapshot }>({
    ...request,
  });
  return snapshot;
}

export class Worker {
  private constructor(private readonly child: ChildProcess) {}

  static start(): Worker {
    const child = fork(workerEntry, [], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Worker(child);
  }

  async run<T>(command: WorkerCommand): Promise<T> {
    const answer = once(this.child, "message") as Promise<[T]>;
    const exited = once(this.child, "exit").then(([code]) => {
      throw new Error(`a client process exited with code ${String(code)}`);
    });
    this.child.send(command);
    const [message] = await Promise.race([answer, exited]);
    return message;
  }

  stop(): void {
    this.child.kill();
  }
}

// Each server measured gets its own block of source addresses: a port
// still in TIME_WAIT from the thousands of clients of the server before
// cannot be bound again for a minute, and the kernel's search for a free
// one slows every connect down.
let lastAddressBlock = 0;

function sourceAddresses(
  block: number,
  worker: number,
  count: number,
): string[] {
  // 127.0.0.1 is the server; clients spread over 127.<block>.<worker>.10, .11, ...
  return Array.from(
    { length: count },
    (_, i) => `127.${block}.${worker}.${10 + i}`,
  );
}

/** A server started for measuring, with the client processes that will drive it. */
export interface PreparedServer {
  readonly server: ServerName;
  /** The x of the 127.x.0.0/16 its clients connect from. */
  readonly addressBlock: number;
  readonly app: RunningApp;
  readonly workers: readonly Worker[];
  /** Stops the clients and the server (measureServer does it when done). */
  stop(): Promise<void>;
}

/**
 * Starts `server` with the instrument preloaded, and the client processes
 * for `clients`, at the same time. Starting is not measured: the compare
 * tool prepares the next server while the current one winds down.
 */
export async function prepareServer(
  server: ServerName,
  options: Pick<MeasureOptions, "clients" | "intervalMs">,
  /** More environment: a tuning row's setting. */
  env: Readonly<Record<string, string>> = {},
): Promise<PreparedServer> {
  const workerCount = Math.max(
    1,
    Math.ceil(options.clients / CLIENTS_PER_WORKER),
  );
  const workers = Array.from({ length: workerCount }, () => Worker.start());
  const stopWorkers = () => workers.forEach((worker) => worker.stop());
  let app: RunningApp;
  try {
    app = await spawnApp(
      server,
      serverEntries[server],
      {
        PUSH_INTERVAL_MS: String(options.intervalMs),
        // No heartbeat traffic inside the measured window.
        HEARTBEAT_MS: "600000",
        // Logs go to a pipe that is drained, not kept.
        MAX_BUFFERED_BYTES: String(64 * 1024 * 1024),
        // One text for every server: bytes compare transports, not greetings.
        PUSH_TEXT,
        ...env,
      },
      {
        // --no-flush-bytecode: V8 otherwise drops the bytecode of functions
        // not run lately during the forced GCs, and the heap shrinks by
        // more than a hundred connections take.
        nodeArgs: [
          "--expose-gc",
          "--no-flush-bytecode",
          "--import",
          instrument,
        ],
        ipc: true,
        keepLines: 50,
      },
    );
  } catch (error) {
    stopWorkers();
    throw error;
  }
  lastAddressBlock = (lastAddressBlock % 250) + 1;
  return {
    server,
    addressBlock: lastAddressBlock,
    app,
    workers,
    stop: async () => {
      stopWorkers();
      await app.stop("SIGTERM", 3000);
    },
  };
}

/**
 * Drives `options.clients` clients of `transport` against a prepared
 * server, and stops it. `measured` is called once nothing timed is left
 * to do (the byte and baseline checks are not timing-sensitive).
 */
export async function measureServer(
  prepared: PreparedServer,
  transport: WorkerTransport,
  options: MeasureOptions,
  measured: () => void = () => {},
  parser?: "msgpack",
  /**
   * False when the protocol arithmetic does not hold (compressed frames):
   * the window then drains until the counters stop, not until they match.
   */
  exactBytes = true,
): Promise<ServerFigures> {
  const { clients, progress } = options;
  const { server, app, workers } = prepared;
  // An SSE reply is a whole HTTP request, its headers chosen by the HTTP
  // client: measured on the server, not predicted. Its pushes are exact.
  const exactReplies = exactBytes && transport !== "sse";
  // The server also answers each reply's POST: only the event streams'
  // bytes are pushes.
  const pushBytesOf = (s: ServerSnapshot) =>
    transport === "sse" ? s.eventStreamBytesWritten : s.bytesWritten;
  try {
    const probeCount = Math.min(clients, HANDSHAKE_CLIENTS);
    const firstHalf = Math.max(probeCount, Math.floor(clients / 2));
    // With too few clients for two halves, the heap slope starts here.
    const idle = await snapshot(app, clients <= firstHalf);
    progress(
      `${server}: connecting ${clients} clients from ${workers.length} process(es)`,
    );

    // #region handshake
    // The handshake, on a few clients first, and only until they are
    // connected (and polling ones upgraded): while a crowd takes seconds
    // to connect, the first ones already receive pushes, which would be
    // counted as handshake.
    const probe = await connectClients(
      prepared,
      transport,
      probeCount,
      probeCount,
      [workers[0]!],
      parser,
    );
    const pushesInHandshake =
      transport === "socket.io"
        ? (await workers[0]!.run<SettleReport>({ type: "settle" })).newsReceived
        : probe.newsReceived;
    const handshake = await snapshot(app);
    // #endregion handshake

    // Then the rest in two halves: memory per connection is the slope
    // between them, so what a server allocates once (compiled code,
    // caches, pools) while its first clients connect is not spread over
    // the count.
    const first = await connectClients(
      prepared,
      transport,
      firstHalf - probeCount,
      options.concurrency,
      prepared.workers,
      parser,
    );
    const half = await settledHeap(app);
    const second = await connectClients(
      prepared,
      transport,
      clients - firstHalf,
      options.concurrency,
      prepared.workers,
      parser,
    );
    const connected = await settledHeap(app);
    const [heapFrom, slopeClients] =
      clients > firstHalf ? [half, clients - firstHalf] : [idle, clients];
    const connectMs = [
      ...probe.connectMs,
      ...first.connectMs,
      ...second.connectMs,
    ];

    progress(`${server}: pushing for ${options.windowMs / 1000} s`);
    // Clients answer pushes only while recording: until then the server
    // reads nothing, so every byte it reads from here on is a reply.
    // Polling clients upgrade in the background: let that traffic end
    // first. A WebSocket client's handshake is over once it is connected.
    let beforeReplies: ServerSnapshot;
    if (transport === "socket.io") {
      await Promise.all(
        workers.map((worker) => worker.run({ type: "settle" })),
      );
      beforeReplies = await settledRead(app);
    } else {
      beforeReplies = await snapshot(app);
    }
    await Promise.all(
      workers.map((worker) => worker.run({ type: "window-start" })),
    );
    const windowStart = await snapshot(app, false, true, "start");
    await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    const windowEnd = await snapshot(app, false, false, "stop");
    await Promise.all(
      workers.map((worker) =>
        worker.run({ type: "window-end", to: windowEnd.at }),
      ),
    );
    // Every push written in the window is on its way: wait until the
    // clients have as many bytes of them as the server wrote (or give up
    // after a while, and let the byte check say what is missing).
    const pushBytesWritten = pushBytesOf(windowEnd) - pushBytesOf(windowStart);
    let windows: WindowReport[] = [];
    await waitUntil(async () => {
      windows = await Promise.all(
        workers.map((worker) =>
          worker.run<WindowReport>({
            type: "window-report",
            from: windowStart.at,
            to: windowEnd.at,
          }),
        ),
      );
      return (
        !exactBytes ||
        sum(windows.map((w) => w.expectedPushBytes)) >= pushBytesWritten
      );
    });
    measured();
    // Replies stopped: wait until the server has read every one sent.
    const replyBytesSent = sum(windows.map((w) => w.expectedReplyBytes));
    let afterReplies = beforeReplies;
    if (exactReplies) {
      await waitUntil(async () => {
        afterReplies = await snapshot(app);
        return (
          afterReplies.bytesRead - beforeReplies.bytesRead >= replyBytesSent
        );
      });
    } else {
      afterReplies = await settledRead(app);
    }

    progress(`${server}: closing clients`);
    await Promise.all(workers.map((worker) => worker.run({ type: "close" })));
    let left: { openConnections: number; liveTimers: number } | null = null;
    if (server.endsWith("-demo")) {
      const deadline = performance.now() + 5000;
      do {
        left = await app.stats();
        if (left.openConnections === 0 && left.liveTimers === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } while (performance.now() < deadline);
    }

    const pushes = sum(windows.map((w) => w.pushes));
    const counted = sum(windows.map((w) => w.pushesInServerWindow));
    const expectedPushBytes = sum(windows.map((w) => w.expectedPushBytes));
    const replies = sum(windows.map((w) => w.replies));
    const replyBytesRead = afterReplies.bytesRead - beforeReplies.bytesRead;
    const expectedReplyBytes = sum(windows.map((w) => w.expectedReplyBytes));
    const received = cadence(
      windows.flatMap((w) => w.gapsMs),
      options.intervalMs,
    );
    const sent = cadence(
      windows.flatMap((w) => w.sentGapsMs),
      options.intervalMs,
    );
    const latencies = windows.flatMap((w) => w.latencyMs);
    const { roundTrip } = windowEnd;
    return {
      server,
      clients,
      connectFailures: 0,
      connectAllMs: probe.elapsedMs + first.elapsedMs + second.elapsedMs,
      connectP50Ms: percentile(connectMs, 50),
      connectP99Ms: percentile(connectMs, 99),
      handshakeClients: probeCount,
      pushesInHandshake,
      httpRequestsPerClient:
        (handshake.httpRequests - idle.httpRequests) / probeCount,
      upgradesPerClient: (handshake.upgrades - idle.upgrades) / probeCount,
      tcpConnectionsPerClient:
        (handshake.tcpConnections - idle.tcpConnections) / probeCount,
      handshakeBytesWritten:
        (handshake.bytesWritten - idle.bytesWritten) / probeCount,
      handshakeBytesRead: (handshake.bytesRead - idle.bytesRead) / probeCount,
      heapPerConnection:
        (connected.heapUsed - heapFrom.heapUsed) / slopeClients,
      rssPerConnection: (connected.rss - heapFrom.rss) / slopeClients,
      pushes,
      pushBytesWritten,
      pushesInWindow: counted,
      expectedPushBytes,
      replyBytesRead,
      replies,
      expectedReplyBytes,
      bytesPerPush: pushBytesWritten / counted,
      expectedBytesPerPush: expectedPushBytes / counted,
      bytesPerReply: replyBytesRead / replies,
      expectedBytesPerReply: expectedReplyBytes / replies,
      bytesPerReplyAnswer:
        transport === "sse"
          ? (afterReplies.bytesWritten -
              afterReplies.eventStreamBytesWritten -
              (beforeReplies.bytesWritten -
                beforeReplies.eventStreamBytesWritten)) /
            replies
          : null,
      cadenceP50Ms: received.p50,
      cadenceP99Ms: received.p99,
      cadenceMaxMs: received.max,
      sentCadenceP50Ms: sent.p50,
      sentCadenceP99Ms: sent.p99,
      sentCadenceMaxMs: sent.max,
      pushesLost: sum(windows.map((w) => w.lost)),
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
      latencyDistributionMs: distribution(latencies),
      roundTrips: roundTrip.count,
      roundTripP50Ms: roundTrip.count > 0 ? roundTrip.p50 : Number.NaN,
      roundTripP99Ms: roundTrip.count > 0 ? roundTrip.p99 : Number.NaN,
      eventLoopDelayP99Ms: windowEnd.eventLoopDelayP99,
      clientEventLoopDelayP99Ms: Math.max(
        ...windows.map((w) => w.eventLoopDelayP99Ms),
      ),
      clientEventLoopDelayMaxMs: Math.max(
        ...windows.map((w) => w.eventLoopDelayMaxMs),
      ),
      connectionsLeft: left?.openConnections ?? null,
      timersLeft: left?.liveTimers ?? null,
    };
  } finally {
    await prepared.stop();
  }
}

/** Connects `count` more clients, spread over `workers`, `concurrency` at a time. */
async function connectClients(
  prepared: PreparedServer,
  transport: WorkerTransport,
  count: number,
  concurrency: number,
  workers: readonly Worker[] = prepared.workers,
  parser?: "msgpack",
): Promise<{ elapsedMs: number; connectMs: number[]; newsReceived: number }> {
  if (count === 0) return { elapsedMs: 0, connectMs: [], newsReceived: 0 };
  const { app, server } = prepared;
  const started = performance.now();
  const reports = await Promise.all(
    workers.map((worker, w) => {
      const share =
        Math.floor(count / workers.length) +
        (w < count % workers.length ? 1 : 0);
      const config: WorkerConfig = {
        transport,
        port: app.port,
        count: share,
        concurrency: Math.max(1, Math.round(concurrency / workers.length)),
        localAddresses: sourceAddresses(
          prepared.addressBlock,
          w,
          Math.max(1, Math.ceil(share / CLIENTS_PER_ADDRESS)),
        ),
        ...(parser ? { parser } : {}),
      };
      return worker.run<ConnectReport>({ type: "connect", config });
    }),
  );
  const elapsedMs = performance.now() - started;
  const failures = reports.flatMap((r) => r.failures);
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} of ${count} clients failed to connect to ${server}; first: ${failures[0]}`,
    );
  }
  return {
    elapsedMs,
    connectMs: reports.flatMap((r) => r.connectMs),
    newsReceived: sum(reports.map((r) => r.newsReceived)),
  };
}

/** Polls `done` every 10 ms until it says yes or `ms` have passed. */
export async function waitUntil(
  done: () => Promise<boolean>,
  ms = 5000,
): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await done()) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** |gap - interval|, summarised. */
function cadence(gapsMs: readonly number[], intervalMs: number) {
  const deviations = gapsMs.map((gap) => Math.abs(gap - intervalMs));
  return {
    p50: percentile(deviations, 50),
    p99: percentile(deviations, 99),
    max: deviations.length
      ? deviations.reduce((max, value) => Math.max(max, value))
      : Number.NaN,
  };
}

/**
 * The lowest heap of three snapshots after GC, 25 ms apart. For a moment
 * after a burst of connections, and now and then later, a snapshot reads
 * 100-300 KB high (work in flight, sweeping not done); the low one is the
 * connections themselves.
 */
export async function settledHeap(app: RunningApp): Promise<ServerSnapshot> {
  let lowest = await snapshot(app, true);
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const next = await snapshot(app, true);
    if (next.heapUsed < lowest.heapUsed) lowest = next;
  }
  return lowest;
}

/** A snapshot once the server has read nothing new for 100 ms (at most 10 s). */
async function settledRead(app: RunningApp): Promise<ServerSnapshot> {
  let last = await snapshot(app);
  const deadline = performance.now() + 10_000;
  for (let quiet = 0; quiet < 4 && performance.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const next = await snapshot(app);
    quiet = next.bytesRead === last.bytesRead ? quiet + 1 : 0;
    last = next;
  }
  return last;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
