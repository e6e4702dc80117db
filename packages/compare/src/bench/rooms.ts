// Lesson 2 under load: R rooms of M members on one demo (or, with Redis,
// on two processes of it), each member saying at a set rate under the
// rooms' rate limit; then a burst. Clients run in separate processes.
import {
  canUseClientAddresses,
  clientAddress,
  spawnApp,
  type RunningApp,
} from "@repo/contract";
import type { ServerSnapshot } from "./instrument.js";
import { distribution, percentile, sum } from "./percentiles.js";
import { RoomsWorker } from "./rooms-clients.js";
import type { RoomsFigures, RoomsOptions } from "./rooms-figures.js";
import type {
  RoomsMember,
  RoomsReport,
  RoomsTransport,
} from "./rooms-worker.js";
import { serverEntries, type ServerName } from "./servers.js";
import { settledHeap, snapshot, waitUntil } from "./snapshots.js";

const instrument = new URL("./instrument.js", import.meta.url).href;
const WORKERS = 2;

/** The demos' rooms: ws-demo over /ws/rooms, socketio-demo over /rooms (WebSocket only). */
export const roomsRows: ReadonlyArray<{
  readonly label: string;
  readonly server: ServerName;
  readonly transport: RoomsTransport;
}> = [
  { label: "ws", server: "ws-demo", transport: "ws" },
  { label: "Socket.IO", server: "socketio-demo", transport: "socket.io" },
];

/**
 * Each demo's bare baseline (../baselines/*-rooms-bare.ts), in the order
 * of roomsRows: the same clients, the same protocol, on one process only.
 */
export const roomsBareRows: typeof roomsRows = [
  { label: "ws bare", server: "ws-rooms-bare", transport: "ws" },
  {
    label: "Socket.IO bare",
    server: "socketio-rooms-bare",
    transport: "socket.io",
  },
];

async function startApps(
  server: ServerName,
  redisUrl: string | undefined,
): Promise<RunningApp[]> {
  const env = {
    // No heartbeat traffic inside the measured windows.
    HEARTBEAT_MS: "600000",
    MAX_BUFFERED_BYTES: String(64 * 1024 * 1024),
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  const count = redisUrl ? 2 : 1;
  const started = await Promise.allSettled(
    Array.from({ length: count }, () =>
      spawnApp(server, serverEntries[server], env, {
        nodeArgs: [
          "--expose-gc",
          "--no-flush-bytecode",
          "--import",
          instrument,
        ],
        ipc: true,
        keepLines: 50,
      }),
    ),
  );
  const apps = started.flatMap((s) =>
    s.status === "fulfilled" ? [s.value] : [],
  );
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(apps.map((app) => app.stop("SIGTERM", 3000)));
    throw failed.reason;
  }
  return apps;
}

/** Sums the servers' counters (two processes count as one server). */
async function snapshotAll(apps: readonly RunningApp[], gc = false) {
  const all: ServerSnapshot[] = await Promise.all(
    apps.map((app) => (gc ? settledHeap(app) : snapshot(app))),
  );
  return {
    bytesWritten: sum(all.map((s) => s.bytesWritten)),
    bytesRead: sum(all.map((s) => s.bytesRead)),
    heapUsed: sum(all.map((s) => s.heapUsed)),
    cpuMicros: sum(all.map((s) => s.cpuMicros)),
  };
}

type Totals = ReturnType<typeof totals>;
function totals(reports: readonly RoomsReport[]) {
  return {
    bytesIn: sum(reports.map((r) => r.bytesIn)),
    messageBytesIn: sum(reports.map((r) => r.messageBytesIn)),
    bytesOut: sum(reports.map((r) => r.bytesOut)),
    deliveries: sum(reports.map((r) => r.deliveries)),
    saysOk: sum(reports.map((r) => r.saysOk)),
    rateLimited: sum(reports.map((r) => r.rateLimited)),
    lastDeliveryAt: Math.max(...reports.map((r) => r.lastDeliveryAt)),
  };
}

/**
 * Whether a message said on one process reaches a member on the other:
 * an app without lesson 3 keeps its rooms to itself.
 */
async function sharesRooms(
  transport: RoomsTransport,
  apps: readonly RunningApp[],
): Promise<boolean> {
  const addresses = await canUseClientAddresses();
  const probe = RoomsWorker.start();
  try {
    const joined = await probe.run({
      type: "connect",
      transport,
      members: apps.map((app, i) => ({
        port: app.port,
        room: "probe",
        name: `probe-${i}`,
        address: addresses ? clientAddress(60_000 + i) : undefined,
      })),
      concurrency: 1,
    });
    if (joined.failures.length > 0) return false;
    await probe.run({ type: "burst", count: 1 });
    let report = joined;
    await waitUntil(async () => {
      report = await probe.run({ type: "report" });
      return report.deliveries >= apps.length * apps.length;
    }, 2000);
    await probe.run({ type: "close" });
    return report.deliveries >= apps.length * apps.length;
  } finally {
    probe.stop();
  }
}

/** Measures one transport's rooms; with `redisUrl`, on two processes sharing them. */
export async function measureRooms(
  row: (typeof roomsRows)[number],
  options: RoomsOptions,
  redisUrl?: string,
): Promise<RoomsFigures> {
  const label = `${row.label}${redisUrl ? ", 2 processes" : ""}`;
  options.progress(`rooms, ${label}: starting`);
  const apps = await startApps(row.server, redisUrl);
  // Each member from its own address, where the machine has them: one
  // address for all would be one client, held to one client's budgets.
  const addresses = await canUseClientAddresses();
  const workers = Array.from({ length: WORKERS }, () => RoomsWorker.start());
  try {
    if (redisUrl && !(await sharesRooms(row.transport, apps))) {
      throw new NeedsLessonThree(
        `${row.server} does not share rooms across processes with REDIS_URL`,
      );
    }
    const { rooms, members } = options;
    // Members of each room alternate between the processes, and between
    // the client processes; the first half of each room connects first
    // (memory per member is the slope from half to all).
    const everyone: Array<RoomsMember & { half: 0 | 1 }> = [];
    for (let r = 0; r < rooms; r++)
      for (let m = 0; m < members; m++)
        everyone.push({
          port: apps[m % apps.length]!.port,
          room: `room-${r}`,
          name: `m${m}`,
          address: addresses ? clientAddress(r * members + m) : undefined,
          half: m < Math.ceil(members / 2) ? 0 : 1,
        });
    const connect = async (half: 0 | 1) => {
      const mine = everyone.filter((member) => member.half === half);
      const reports = await Promise.all(
        workers.map((worker, w) =>
          worker.run({
            type: "connect",
            transport: row.transport,
            members: mine
              .filter((_, i) => i % WORKERS === w)
              .map(({ port, room, name, address }) => ({
                port,
                room,
                name,
                address,
              })),
            concurrency: 25,
          }),
        ),
      );
      const failures = reports.flatMap((r) => r.failures);
      if (failures.length > 0)
        throw new Error(
          `${failures.length} members could not join on ${row.server}; first: ${failures[0]}`,
        );
      return mine.length;
    };
    options.progress(
      `rooms, ${label}: ${rooms} rooms x ${members} members joining`,
    );
    await connect(0);
    const half = await snapshotAll(apps, true);
    const secondHalf = await connect(1);
    const full = await snapshotAll(apps, true);
    const heapPerMember = (full.heapUsed - half.heapUsed) / secondHalf;

    // Every latency reported from here on belongs to the current phase.
    let latencies: number[] = [];
    const report = async () => {
      const reports = await Promise.all(
        workers.map((worker) => worker.run({ type: "report" })),
      );
      for (const r of reports) latencies.push(...r.latencyMs);
      return totals(reports);
    };
    // Quiet: neither the servers' written bytes nor the clients' received
    // ones move for a while, so no frame is on its way across the line.
    const quiet = async () => {
      let server = await snapshotAll(apps);
      let clients = await report();
      const deadline = performance.now() + 10_000;
      for (let calm = 0; calm < 3 && performance.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        const nextServer = await snapshotAll(apps);
        const nextClients = await report();
        calm =
          nextServer.bytesWritten === server.bytesWritten &&
          nextClients.bytesIn === clients.bytesIn
            ? calm + 1
            : 0;
        server = nextServer;
        clients = nextClients;
      }
      return { server, clients };
    };
    const delivered = async (before: Totals) => {
      let now = before;
      await waitUntil(async () => {
        now = await report();
        return (
          now.deliveries - before.deliveries >=
          (now.saysOk - before.saysOk) * members
        );
      }, 15_000);
    };

    options.progress(
      `rooms, ${label}: each member says every ${options.sayEveryMs} ms, ${options.says} times`,
    );
    const start = await quiet();
    latencies = [];
    const startedAt = performance.timeOrigin + performance.now();
    await Promise.all(
      workers.map((worker) =>
        worker.run({
          type: "say",
          everyMs: options.sayEveryMs,
          count: options.says,
        }),
      ),
    );
    await delivered(start.clients);
    const end = await quiet();
    const steady = latencies;

    options.progress(`rooms, ${label}: a burst of ${options.burst} each`);
    latencies = [];
    const burstStart = performance.timeOrigin + performance.now();
    await Promise.all(
      workers.map((worker) =>
        worker.run({ type: "burst", count: options.burst }),
      ),
    );
    await delivered(end.clients);
    // CPU from here, while the burst saturates the server: at a steady
    // trickle, the idle process's own ticks would be most of it.
    const burstEnd = await snapshotAll(apps);
    const afterBurst = await quiet();
    const burst = latencies;

    const says = end.clients.saysOk - start.clients.saysOk;
    const deliveries = end.clients.deliveries - start.clients.deliveries;
    const burstDeliveries =
      afterBurst.clients.deliveries - end.clients.deliveries;
    const bytesWritten = end.server.bytesWritten - start.server.bytesWritten;
    return {
      label,
      server: row.server,
      processes: apps.length,
      members: everyone.length,
      heapPerMember,
      says,
      rateLimited: end.clients.rateLimited - start.clients.rateLimited,
      deliveries,
      expectedDeliveries: says * members,
      deliveriesPerSecond:
        deliveries / ((end.clients.lastDeliveryAt - startedAt) / 1000),
      latencyP50Ms: percentile(steady, 50),
      latencyP99Ms: percentile(steady, 99),
      latencyDistributionMs: distribution(steady),
      bytesWritten,
      expectedBytesWritten: end.clients.bytesIn - start.clients.bytesIn,
      bytesRead: end.server.bytesRead - start.server.bytesRead,
      expectedBytesRead: end.clients.bytesOut - start.clients.bytesOut,
      bytesPerDelivery:
        (end.clients.messageBytesIn - start.clients.messageBytesIn) /
        deliveries,
      bytesWrittenPerDelivery: bytesWritten / deliveries,
      cpuMsPer1000Deliveries:
        (burstEnd.cpuMicros - end.server.cpuMicros) / burstDeliveries,
      burstDeliveries,
      burstDeliveriesPerSecond:
        burstDeliveries /
        ((afterBurst.clients.lastDeliveryAt - burstStart) / 1000),
      burstLatencyP99Ms: percentile(burst, 99),
    };
  } finally {
    // Killing the client processes closes their connections.
    workers.forEach((worker) => worker.stop());
    await Promise.all(apps.map((app) => app.stop("SIGTERM", 3000)));
  }
}

/** The apps take REDIS_URL but do not share rooms through it yet. */
export class NeedsLessonThree extends Error {}
