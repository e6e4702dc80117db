// Measures one server under N clients: connect, handshake cost, memory,
// a window of pushes and replies, and the way back to idle. Clients run
// in separate processes so that the server's figures are its own.
import { spawnApp, type RunningApp } from "@repo/contract";
import {
  connectClients,
  CLIENTS_PER_WORKER,
  Worker,
  type PreparedServer,
} from "./client-workers.js";
import type {
  SettleReport,
  WindowReport,
  WorkerTransport,
} from "./client-protocol.js";
import type { ServerSnapshot } from "./instrument.js";
import { cadence, distribution, percentile, sum } from "./percentiles.js";
import type { MeasureOptions, ServerFigures } from "./server-figures.js";
import { PUSH_TEXT, serverEntries, type ServerName } from "./servers.js";
import { settledHeap, settledRead, snapshot, waitUntil } from "./snapshots.js";
import { nextAddressBlock } from "./source-addresses.js";

const instrument = new URL("./instrument.js", import.meta.url).href;
/** Clients whose handshake is measured, before the rest connect. */
const HANDSHAKE_CLIENTS = 5;

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
  return {
    server,
    addressBlock: nextAddressBlock(),
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
