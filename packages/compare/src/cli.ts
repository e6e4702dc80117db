#!/usr/bin/env node
// npm run compare: both demos and their bare baselines, side by side, in
// one run. See --help.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import {
  measureServer,
  prepareServer,
  type MeasureOptions,
  type PreparedServer,
  type ServerFigures,
} from "./bench/measure.js";
import {
  measureRecovery,
  startRecoveryApp,
  type RecoveryFigures,
} from "./bench/recovery.js";
import {
  acrossTransports,
  checksFor,
  comparisonJson,
  type Check,
  type KnobResult,
  ratiosOf,
  renderMarkdown,
  renderTable,
  type Comparison,
  type SweepPoint,
  type TransportResult,
} from "./bench/report.js";
import {
  measureClientDownload,
  type ClientDownload,
} from "./bench/client-download.js";
import { sseChecks, sseResult, type SseResult } from "./bench/sse-baseline.js";
import { measureSseResume } from "./bench/sse-resume.js";
import {
  measureRooms,
  NeedsLessonThree,
  roomsAcross,
  roomsChecks,
  roomsRows,
  type RoomsComparison,
  type RoomsFigures,
  type RoomsOptions,
} from "./bench/rooms.js";
import { startTestRedis } from "@repo/demo-kit/redis-server";
import {
  knobs,
  transportRows,
  type ServerName,
  type TransportRow,
} from "./bench/servers.js";
import type { WorkerTransport } from "./bench/client-worker.js";

const HELP = `Usage: node packages/compare/dist/cli.js [options]   (after npm run compare, or npm run build)

Starts each demo and a bare baseline server per transport (the seed's way,
without the lifecycle package), and a bare Server-Sent Events server, as
separate processes, drives N clients against each from separate client
processes, and prints one table. Lesson 1 also measures what each demo's
pages make the browser download.

  --scenario NAME      push (lesson 1, default) | rooms (lesson 2) | all
  --clients N          clients per server (default 1000)
  --ci                 CI mode: 200 clients, a push every 100 ms, a 0.5 s
                       window; small rooms (4 x 6, two says each)
  --interval MS        push interval the servers use (default 1000)
  --window S           seconds of pushes to measure, at least two intervals,
                       e.g. 5 or 0.5 (default 5)
  --concurrency N      clients connecting at once (default 100)
  --transports LIST    ws,socket.io,socket.io-websocket (default: all)
  --no-recovery        skip the dead-peer and restart measurements
  --no-sse             skip the Server-Sent Events baseline (a bare SSE
                       server, replies by fetch POST, and its catch-up
                       with Last-Event-ID)
  --no-download        skip what the browser downloads (each demo's pages'
                       scripts, served, minified, gzip and brotli)
  --no-knobs           skip the tuning rows (ws perMessageDeflate, no
                       bufferutil, Socket.IO msgpack, Socket.IO websocket-
                       only), each on a bare baseline against the same
                       baseline without it; --ci skips them unless --knobs
  --sweep LIST         also run lesson 1 at these client counts, e.g.
                       100,1000,10000 (the docs' scaling lines; no knobs,
                       no recovery)

Rooms (lesson 2; every member of every room says, then a burst):
  --rooms R            rooms (default 10)
  --members M          members per room (default 20)
  --say-every MS       each member says once every MS ms, 1000 or more:
                       the rooms allow one a second (default 2000)
  --says N             says per member at that rate (default 3)
  --burst N            then says at once per member, 1 to 9 (default 5)
  --no-redis           skip the two-process runs (they need a redis-server
                       binary or REDIS_URL, and lesson 3 in the apps)

  --format FORMAT      table (default) | markdown | json, on stdout
  --json FILE          also write the JSON there (the docs site reads it)
  --markdown FILE      also write the Markdown table there
  -h, --help           this text

Exits 1 when a byte count disagrees with the protocol arithmetic or a
server does not return to baseline; timings are printed, never judged.`;

function fail(message: string): never {
  console.error(`compare: ${message}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        scenario: { type: "string", default: "push" },
        clients: { type: "string" },
        knobs: { type: "boolean", default: false },
        "no-knobs": { type: "boolean", default: false },
        sweep: { type: "string" },
        rooms: { type: "string" },
        members: { type: "string" },
        "say-every": { type: "string" },
        says: { type: "string" },
        burst: { type: "string" },
        "no-redis": { type: "boolean", default: false },
        ci: { type: "boolean", default: false },
        interval: { type: "string" },
        window: { type: "string" },
        concurrency: { type: "string", default: "100" },
        transports: {
          type: "string",
          default: transportRows.map((row) => row.id).join(","),
        },
        "no-recovery": { type: "boolean", default: false },
        "no-sse": { type: "boolean", default: false },
        "no-download": { type: "boolean", default: false },
        format: { type: "string", default: "table" },
        json: { type: "string" },
        markdown: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
})();
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function wholeNumber(
  name: string,
  raw: string,
  min: number,
  max: number,
): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max))
    fail(`--${name} ${raw}: use a whole number from ${min} to ${max}`);
  return value;
}

const clients = wholeNumber(
  "clients",
  values.clients ?? (values.ci ? "200" : "1000"),
  1,
  20_000,
);
const windowSeconds = (() => {
  const raw = values.window ?? (values.ci ? "0.5" : "5");
  const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 0.1 && value <= 600))
    fail(`--window ${raw}: use seconds from 0.1 to 600, e.g. 5 or 0.5`);
  return value;
})();
const options: MeasureOptions = {
  clients,
  intervalMs: wholeNumber(
    "interval",
    values.interval ?? (values.ci ? "100" : "1000"),
    50,
    60_000,
  ),
  windowMs: Math.round(windowSeconds * 1000),
  concurrency: wholeNumber("concurrency", values.concurrency, 1, 1000),
  progress,
};
// Cadence is the gap between two pushes to one client: the window must
// hold at least two of them.
if (options.windowMs < 2 * options.intervalMs) {
  fail(
    `--window ${windowSeconds} s is shorter than two pushes (2 x ${options.intervalMs} ms): ` +
      `use --window ${Math.ceil((2 * options.intervalMs) / 1000)} or more, or a shorter --interval.`,
  );
}
const rows = values.transports.split(",").map((id) => {
  const row = transportRows.find((candidate) => candidate.id === id.trim());
  if (!row)
    fail(
      `unknown transport "${id}"; choose from ${transportRows.map((r) => r.id).join(", ")}`,
    );
  return row;
});
if (!["table", "markdown", "json"].includes(values.format)) {
  fail(`--format ${values.format}: choose table, markdown or json`);
}
const scenario = values.scenario;
if (!["push", "rooms", "all"].includes(scenario)) {
  fail(`--scenario ${scenario}: choose push, rooms or all`);
}
const runPush = scenario !== "rooms";
const runRooms = scenario !== "push";
const sweepCounts = (values.sweep ?? "")
  .split(",")
  .filter((part) => part.trim() !== "")
  .map((part) => wholeNumber("sweep", part.trim(), 1, 20_000));
const roomsOptions: RoomsOptions = {
  rooms: wholeNumber("rooms", values.rooms ?? (values.ci ? "4" : "10"), 1, 100),
  members: wholeNumber(
    "members",
    values.members ?? (values.ci ? "6" : "20"),
    2,
    200,
  ),
  sayEveryMs: wholeNumber(
    "say-every",
    values["say-every"] ?? (values.ci ? "1000" : "2000"),
    1000,
    60_000,
  ),
  says: wholeNumber("says", values.says ?? (values.ci ? "2" : "3"), 1, 100),
  burst: wholeNumber("burst", values.burst ?? "5", 1, 9),
  progress,
};
if (roomsOptions.rooms * roomsOptions.members > 5000) {
  fail(
    `--rooms ${roomsOptions.rooms} x --members ${roomsOptions.members} is more than 5000 members: use fewer`,
  );
}

// A server holds one descriptor per client (Socket.IO briefly more, while
// polling): refuse early rather than fail with EMFILE halfway through.
const fileLimit = Number(
  execFileSync("sh", ["-c", "ulimit -n"]).toString().trim(),
);
const most = Math.max(clients, ...sweepCounts);
if (Number.isFinite(fileLimit) && most + 200 > fileLimit) {
  fail(
    `--clients ${most} needs more open files than this shell allows (ulimit -n = ${fileLimit}). Raise it (ulimit -n ${most + 1000}) or use fewer clients.`,
  );
}

const started = performance.now();
let step = 0;
function progress(text: string): void {
  const line = `[${step + 1}] ${text}`;
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else
    console.error(
      `${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s ${line}`,
    );
}

/** One server run of lesson 1: which server, with what, driven by which client. */
interface Run {
  readonly server: ServerName;
  readonly client: WorkerTransport;
  readonly env?: Readonly<Record<string, string>>;
  readonly parser?: "msgpack";
  readonly exactBytes?: boolean;
}

// Servers that fail to start, or are left when a run fails, must not
// outlive the tool.
const cleanups: Array<() => Promise<unknown>> = [];

/**
 * Measures `runs` one after the other. The next server starts while the
 * current one winds down, so that no measured phase shares the machine
 * with a starting process.
 */
async function measureAll(
  runs: readonly Run[],
  runOptions: MeasureOptions,
): Promise<ServerFigures[]> {
  const figures: ServerFigures[] = [];
  if (runs.length === 0) return figures;
  progress(`${runs[0]!.server}: starting`);
  let next: Promise<PreparedServer> | undefined = prepareServer(
    runs[0]!.server,
    runOptions,
    runs[0]!.env,
  );
  const cleanup = () =>
    next ? next.then((prepared) => prepared.stop()) : Promise.resolve();
  cleanups.push(cleanup);
  for (const [i, run] of runs.entries()) {
    const prepared = await next!;
    next = undefined;
    const following = runs[i + 1];
    figures.push(
      await measureServer(
        prepared,
        run.client,
        runOptions,
        () => {
          if (following)
            next = prepareServer(following.server, runOptions, following.env);
        },
        run.parser,
        run.exactBytes ?? true,
      ),
    );
    step += 1;
  }
  return figures;
}

const results: TransportResult[] = [];
const knobResults: KnobResult[] = [];
const sweep: SweepPoint[] = [];
const checks: Check[] = [];
let rooms: RoomsComparison | null = null;
let sse: SseResult | null = null;
let clientDownload: ClientDownload | null = null;

function transportRuns(of: readonly TransportRow[]): Run[] {
  return of.flatMap((row) => [
    { server: row.demo, client: row.client },
    { server: row.bare, client: row.client },
  ]);
}

// The tuning rows whose default is among the transports measured.
const withKnobs = values.knobs || (!values.ci && !values["no-knobs"]);
const knobPlan = !withKnobs
  ? []
  : knobs.filter((knob) => rows.some((row) => row.id === knob.against));
// The SSE baseline is measured after the transports' runs, before the knobs.
const runSse = !values["no-sse"];
const sseRuns: Run[] = runSse ? [{ server: "sse-bare", client: "sse" }] : [];
const firstKnob = 2 * rows.length + sseRuns.length;

try {
  if (runPush) {
    // The demos for the recovery runs start with the first server, and
    // wait idle (no clients, no timers) until the load runs are over.
    const recoveryApps = values["no-recovery"]
      ? []
      : rows.map((row) => startRecoveryApp(row, options.intervalMs));
    // One that fails to start is reported when its turn comes, not before.
    for (const app of recoveryApps) app.catch(() => {});
    cleanups.push(() =>
      Promise.allSettled(
        recoveryApps.map((app) => app.then(({ app }) => app.stop())),
      ),
    );
    const figures = await measureAll(
      [
        ...transportRuns(rows),
        ...sseRuns,
        ...knobPlan.map((knob) => ({
          server: knob.server,
          client: knob.client,
          env: knob.env,
          exactBytes: knob.exactBytes,
          ...(knob.parser ? { parser: knob.parser } : {}),
        })),
      ],
      options,
    );
    // Recovery is mostly waiting (heartbeats, reconnect back-off), so the
    // demos are measured at once, after the load runs.
    // The SSE catch-up is mostly waiting too: at the same time.
    let recoveries: Array<RecoveryFigures | null> = rows.map(() => null);
    const resume = runSse
      ? measureSseResume(options.intervalMs)
      : Promise.resolve(null);
    // A failure is reported when it is awaited, below, not before.
    resume.catch(() => {});
    if (!values["no-recovery"]) {
      progress(
        `dead peer and restart: ${rows.map((row) => row.label).join(", ")}`,
      );
      recoveries = await Promise.all(
        rows.map(async (row, i) =>
          measureRecovery(row, await recoveryApps[i]!),
        ),
      );
      step += 1;
    }
    if (runSse) {
      const ws = rows.findIndex((row) => row.id === "ws");
      sse = sseResult(
        figures[2 * rows.length]!,
        await resume,
        ws === -1 ? undefined : figures[2 * ws + 1],
      );
      checks.push(...sseChecks(sse));
    }
    if (!values["no-download"]) {
      progress("what the browser downloads: both demos' pages");
      clientDownload = await measureClientDownload();
      step += 1;
    }
    rows.forEach((row, i) => {
      const demo = figures[2 * i]!;
      const bare = figures[2 * i + 1]!;
      const partial = { id: row.id, label: row.label, demo, bare };
      checks.push(...checksFor(partial));
      results.push({
        ...partial,
        recovery: recoveries[i] ?? null,
        ratios: {
          heapPerConnection: demo.heapPerConnection / bare.heapPerConnection,
          rssPerConnection: demo.rssPerConnection / bare.rssPerConnection,
          cadenceP99: demo.cadenceP99Ms / bare.cadenceP99Ms,
          sentCadenceP99: demo.sentCadenceP99Ms / bare.sentCadenceP99Ms,
          bytesPerPush: demo.bytesPerPush / bare.bytesPerPush,
        },
      });
    });
    knobPlan.forEach((knob, i) => {
      const knobFigures = figures[firstKnob + i]!;
      const against = results.find((t) => t.id === knob.against)!;
      knobResults.push({
        id: knob.id,
        label: knob.label,
        against: `${against.label} bare`,
        exactBytes: knob.exactBytes,
        figures: knobFigures,
        ratios: ratiosOf(knobFigures, against.bare),
      });
      if (knob.exactBytes)
        checks.push(
          ...checksFor({
            id: knob.against,
            label: knob.label,
            demo: knobFigures,
            bare: knobFigures,
          }).slice(0, 2),
        );
    });
    // Socket.IO's websocket-only client is a tuning row too, against the
    // default client (polling first), both on the bare baseline.
    const polling = results.find((t) => t.id === "socket.io");
    const websocketOnly = results.find((t) => t.id === "socket.io-websocket");
    if (withKnobs && polling && websocketOnly) {
      knobResults.push({
        id: "socketio-websocket-only",
        label: "Socket.IO websocket-only",
        against: `${polling.label} bare`,
        exactBytes: true,
        figures: websocketOnly.bare,
        ratios: ratiosOf(websocketOnly.bare, polling.bare),
      });
    }
  }

  for (const count of sweepCounts) {
    const figures = await measureAll(transportRuns(rows), {
      ...options,
      clients: count,
    });
    sweep.push({
      clients: count,
      servers: figures.map((f, i) => ({
        label: `${rows[Math.floor(i / 2)]!.label} ${i % 2 === 0 ? "demo" : "bare"}`,
        heapPerConnection: f.heapPerConnection,
        connectAllMs: f.connectAllMs,
        latencyP50Ms: f.latencyP50Ms,
        latencyP99Ms: f.latencyP99Ms,
        eventLoopDelayP99Ms: f.eventLoopDelayP99Ms,
      })),
    });
  }

  if (runRooms) {
    const transports: RoomsFigures[] = [];
    for (const row of roomsRows) {
      transports.push(await measureRooms(row, roomsOptions));
      step += 1;
    }
    const twoProcesses: RoomsFigures[] = [];
    let twoProcessesNote: string | null = null;
    if (values["no-redis"]) {
      twoProcessesNote = "not run (--no-redis)";
    } else {
      const redis = await redisForRooms();
      if (typeof redis === "string") {
        twoProcessesNote = redis;
      } else {
        try {
          for (const row of roomsRows) {
            twoProcesses.push(await measureRooms(row, roomsOptions, redis.url));
            step += 1;
          }
        } catch (error) {
          if (!(error instanceof NeedsLessonThree)) throw error;
          twoProcessesNote = `skipped: ${error.message}; this needs lesson 3 (rooms shared through REDIS_URL) in the apps`;
          twoProcesses.length = 0;
        } finally {
          await redis.close();
        }
      }
      if (twoProcessesNote)
        console.error(`compare: rooms on two processes ${twoProcessesNote}`);
    }
    for (const figures of [...transports, ...twoProcesses])
      checks.push(...roomsChecks(figures));
    const { progress: _, ...shown } = roomsOptions;
    rooms = {
      options: shown,
      transports,
      twoProcesses,
      twoProcessesNote,
      across: roomsAcross([transports, twoProcesses]),
    };
  }
} catch (error) {
  if (process.stderr.isTTY) process.stderr.write("\n");
  await Promise.allSettled(cleanups.map((cleanup) => cleanup()));
  fail(`${(error as Error).message}`);
}
if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");

/**
 * The Redis the two-process rooms runs share: REDIS_URL as given, else a
 * redis-server of our own on a free port (never the machine's 6379), or
 * why there is none.
 */
async function redisForRooms(): Promise<
  { url: string; close: () => Promise<void> } | string
> {
  if (process.env.REDIS_URL)
    return { url: process.env.REDIS_URL, close: () => Promise.resolve() };
  try {
    return await startTestRedis();
  } catch (error) {
    return `skipped: no Redis (set REDIS_URL, or install redis-server): ${(error as Error).message}`;
  }
}

const comparison: Comparison = {
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
  },
  options: {
    clients,
    intervalMs: options.intervalMs,
    windowMs: options.windowMs,
    concurrency: options.concurrency,
  },
  durationMs: performance.now() - started,
  transports: results,
  across: acrossTransports(results),
  knobs: knobResults,
  sweep,
  rooms,
  sse,
  clientDownload,
  checks,
};

const json = comparisonJson(comparison);
const markdown = renderMarkdown(comparison);
for (const [file, text] of [
  [values.json, json],
  [values.markdown, markdown],
] as const) {
  if (!file) continue;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.error(`compare: wrote ${file}`);
}
process.stdout.write(
  values.format === "json"
    ? json
    : values.format === "markdown"
      ? markdown
      : renderTable(comparison),
);
if (checks.some((check) => !check.ok)) {
  console.error("compare: a check failed (see FAIL above)");
  process.exit(1);
}
