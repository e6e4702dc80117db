// Measures one server under N clients: connect, handshake cost, memory,
// a window of pushes and replies, and the way back to idle. Clients run
// in separate processes so that the server's figures are its own.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { spawnApp, type RunningApp } from "../contract/spawn-app.js";
import type {
  ConnectReport,
  WindowReport,
  WorkerCommand,
  WorkerConfig,
  WorkerTransport,
} from "./client-worker.js";
import type { InstrumentRequest, ServerSnapshot } from "./instrument.js";
import { percentile } from "./percentiles.js";
import { serverEntries, type ServerName } from "./servers.js";

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
  readonly httpRequestsPerClient: number;
  readonly upgradesPerClient: number;
  readonly tcpConnectionsPerClient: number;
  /** Server bytes written / read per client until connected, welcome included. */
  readonly handshakeBytesWritten: number;
  readonly handshakeBytesRead: number;
  readonly heapPerConnection: number;
  readonly rssPerConnection: number;
  readonly pushes: number;
  readonly bytesPerPush: number;
  readonly expectedBytesPerPush: number;
  readonly bytesPerReply: number;
  readonly expectedBytesPerReply: number;
  readonly cadenceP50Ms: number;
  readonly cadenceP99Ms: number;
  readonly cadenceMaxMs: number;
  readonly pushesLost: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly eventLoopDelayP99Ms: number;
  /** Live connections left on the server once every client closed (demos only). */
  readonly connectionsLeft: number | null;
  readonly timersLeft: number | null;
}

const instrument = new URL("./instrument.js", import.meta.url).href;
const workerEntry = fileURLToPath(
  new URL("./client-worker.js", import.meta.url),
);
/** Clients per worker process, and per source address: fds and ports are finite. */
const CLIENTS_PER_WORKER = 2500;
const CLIENTS_PER_ADDRESS = 5000;

let nextRequestId = 1;
async function snapshot(
  app: RunningApp,
  gc = false,
  resetDelay = false,
): Promise<ServerSnapshot> {
  const request: InstrumentRequest & { id: number } = {
    id: nextRequestId++,
    gc,
    resetDelay,
  };
  const { snapshot } = await app.ask<{ snapshot: ServerSnapshot }>({
    ...request,
  });
  return snapshot;
}

class Worker {
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

function sourceAddresses(count: number, offset: number): string[] {
  // 127.0.0.1 is the server; clients spread over 127.0.0.10, .11, ...
  return Array.from({ length: count }, (_, i) => `127.0.0.${10 + offset + i}`);
}

/** Starts `server`, drives `options.clients` clients of `transport` against it, and stops it. */
export async function measureServer(
  server: ServerName,
  transport: WorkerTransport,
  options: MeasureOptions,
): Promise<ServerFigures> {
  const { clients, progress } = options;
  progress(`${server}: starting`);
  const app = await spawnApp(
    server,
    serverEntries[server],
    {
      PUSH_INTERVAL_MS: String(options.intervalMs),
      // No heartbeat traffic inside the measured window.
      HEARTBEAT_MS: "600000",
      // Logs go to a pipe that is drained, not kept.
      MAX_BUFFERED_BYTES: String(64 * 1024 * 1024),
    },
    {
      nodeArgs: ["--expose-gc", "--import", instrument],
      ipc: true,
      keepLines: 50,
    },
  );
  const workerCount = Math.max(1, Math.ceil(clients / CLIENTS_PER_WORKER));
  const workers = Array.from({ length: workerCount }, () => Worker.start());
  try {
    const idle = await snapshot(app, true);

    progress(
      `${server}: connecting ${clients} clients from ${workerCount} process(es)`,
    );
    const started = performance.now();
    const reports = await Promise.all(
      workers.map((worker, w) => {
        const count =
          Math.floor(clients / workerCount) +
          (w < clients % workerCount ? 1 : 0);
        const config: WorkerConfig = {
          transport,
          port: app.port,
          count,
          concurrency: Math.max(
            1,
            Math.round(options.concurrency / workerCount),
          ),
          localAddresses: sourceAddresses(
            Math.max(1, Math.ceil(count / CLIENTS_PER_ADDRESS)),
            w * 4,
          ),
        };
        return worker.run<ConnectReport>({ type: "connect", config });
      }),
    );
    const connectAllMs = performance.now() - started;
    const connectMs = reports.flatMap((r) => r.connectMs);
    const failures = reports.flatMap((r) => r.failures);
    if (failures.length > 0) {
      throw new Error(
        `${failures.length} of ${clients} clients failed to connect to ${server}; first: ${failures[0]}`,
      );
    }
    const connected = await snapshot(app, true);

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
    const windowStart = await snapshot(app, false, true);
    await new Promise((resolve) => setTimeout(resolve, options.windowMs));
    const windowEnd = await snapshot(app);
    // Let pushes written before the end snapshot reach their clients.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(options.intervalMs, 1000)),
    );
    const windows = await Promise.all(
      workers.map((worker) =>
        worker.run<WindowReport>({
          type: "window-end",
          from: windowStart.at,
          to: windowEnd.at,
        }),
      ),
    );
    // Replies stopped: wait until the last ones in flight are read.
    const afterReplies = await settledRead(app);

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
    const replies = sum(windows.map((w) => w.replies));
    const gaps = windows.flatMap((w) => w.gapsMs);
    const deviations = gaps.map((gap) => Math.abs(gap - options.intervalMs));
    const latencies = windows.flatMap((w) => w.latencyMs);
    return {
      server,
      clients,
      connectFailures: failures.length,
      connectAllMs,
      connectP50Ms: percentile(connectMs, 50),
      connectP99Ms: percentile(connectMs, 99),
      httpRequestsPerClient:
        (connected.httpRequests - idle.httpRequests) / clients,
      upgradesPerClient: (connected.upgrades - idle.upgrades) / clients,
      tcpConnectionsPerClient:
        (connected.tcpConnections - idle.tcpConnections) / clients,
      handshakeBytesWritten:
        (connected.bytesWritten - idle.bytesWritten) / clients,
      handshakeBytesRead: (connected.bytesRead - idle.bytesRead) / clients,
      heapPerConnection: (connected.heapUsed - idle.heapUsed) / clients,
      rssPerConnection: (connected.rss - idle.rss) / clients,
      pushes,
      bytesPerPush:
        (windowEnd.bytesWritten - windowStart.bytesWritten) / counted,
      expectedBytesPerPush:
        sum(windows.map((w) => w.expectedPushBytes)) / counted,
      // Replies are read a round trip after their push: the same count in
      // a steady state, so this average is close, not exact.
      bytesPerReply:
        (afterReplies.bytesRead - beforeReplies.bytesRead) / replies,
      expectedBytesPerReply:
        sum(windows.map((w) => w.expectedReplyBytes)) / replies,
      cadenceP50Ms: percentile(deviations, 50),
      cadenceP99Ms: percentile(deviations, 99),
      cadenceMaxMs: deviations.length
        ? deviations.reduce((max, value) => Math.max(max, value))
        : Number.NaN,
      pushesLost: sum(windows.map((w) => w.lost)),
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
      eventLoopDelayP99Ms: windowEnd.eventLoopDelayP99,
      connectionsLeft: left?.openConnections ?? null,
      timersLeft: left?.liveTimers ?? null,
    };
  } finally {
    for (const worker of workers) worker.stop();
    await app.stop("SIGTERM", 3000);
  }
}

/** A snapshot once the server has read nothing new for 150 ms (at most 10 s). */
async function settledRead(app: RunningApp): Promise<ServerSnapshot> {
  let last = await snapshot(app);
  const deadline = performance.now() + 10_000;
  for (let quiet = 0; quiet < 3 && performance.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await snapshot(app);
    quiet = next.bytesRead === last.bytesRead ? quiet + 1 : 0;
    last = next;
  }
  return last;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
