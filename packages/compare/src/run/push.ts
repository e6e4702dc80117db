// Lesson 1 in the plan: each transport's demo and bare baseline, the SSE
// baseline and the tuning rows, measured one server after the other;
// then recovery and the SSE catch-up (mostly waiting, so at once), and
// what the browser downloads. Also the sweep: the same at other counts.
import {
  measureClientDownload,
  type ClientDownload,
} from "../bench/client-download.js";
import type { WorkerTransport } from "../bench/client-protocol.js";
import type { PreparedServer } from "../bench/client-workers.js";
import { measureServer, prepareServer } from "../bench/measure.js";
import {
  measureRecovery,
  startRecoveryApp,
  type RecoveryFigures,
} from "../bench/recovery.js";
import type { MeasureOptions, ServerFigures } from "../bench/server-figures.js";
import { knobs, type ServerName, type TransportRow } from "../bench/servers.js";
import { sseResult } from "../bench/sse-baseline.js";
import { measureSseResume } from "../bench/sse-resume.js";
import { checksFor, sseChecks } from "../report/checks.js";
import type {
  Check,
  KnobResult,
  SseResult,
  SweepPoint,
  TransportResult,
} from "../report/model.js";
import { demoOverBare, ratiosOf } from "../report/ratios.js";
import type { Plan } from "./plan.js";
import type { Progress } from "./progress.js";

/** Stops what a run left running. */
export type Cleanup = () => Promise<unknown>;

/** One server run of lesson 1: which server, with what, driven by which client. */
interface Run {
  readonly server: ServerName;
  readonly client: WorkerTransport;
  readonly env?: Readonly<Record<string, string>>;
  readonly parser?: "msgpack";
  readonly exactBytes?: boolean;
}

/** What lesson 1 adds to the comparison. */
export interface PushOutcome {
  readonly transports: readonly TransportResult[];
  readonly knobs: readonly KnobResult[];
  readonly sse: SseResult | null;
  readonly clientDownload: ClientDownload | null;
  readonly checks: readonly Check[];
}

/** Lesson 1 not run (--scenario rooms). */
export const noPush: PushOutcome = {
  transports: [],
  knobs: [],
  sse: null,
  clientDownload: null,
  checks: [],
};

/**
 * Measures `runs` one after the other. The next server starts while the
 * current one winds down, so that no measured phase shares the machine
 * with a starting process.
 */
async function measureAll(
  runs: readonly Run[],
  runOptions: MeasureOptions,
  progress: Progress,
  cleanups: Cleanup[],
): Promise<ServerFigures[]> {
  const figures: ServerFigures[] = [];
  if (runs.length === 0) return figures;
  progress.show(`${runs[0]!.server}: starting`);
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
    progress.next();
  }
  return figures;
}

function transportRuns(of: readonly TransportRow[]): Run[] {
  return of.flatMap((row) => [
    { server: row.demo, client: row.client },
    { server: row.bare, client: row.client },
  ]);
}

export async function runPush(
  plan: Plan,
  progress: Progress,
  cleanups: Cleanup[],
): Promise<PushOutcome> {
  const { rows, measure: options } = plan;
  const results: TransportResult[] = [];
  const knobResults: KnobResult[] = [];
  const checks: Check[] = [];
  let sse: SseResult | null = null;
  let clientDownload: ClientDownload | null = null;
  // The tuning rows whose default is among the transports measured.
  const knobPlan = !plan.knobs
    ? []
    : knobs.filter((knob) => rows.some((row) => row.id === knob.against));
  // The SSE baseline is measured after the transports' runs, before the knobs.
  const sseRuns: Run[] = plan.sse
    ? [{ server: "sse-bare", client: "sse" }]
    : [];
  const firstKnob = 2 * rows.length + sseRuns.length;

  // The demos for the recovery runs start with the first server, and
  // wait idle (no clients, no timers) until the load runs are over.
  const recoveryApps = !plan.recovery
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
    progress,
    cleanups,
  );
  // Recovery is mostly waiting (heartbeats, reconnect back-off), so the
  // demos are measured at once, after the load runs.
  // The SSE catch-up is mostly waiting too: at the same time.
  let recoveries: Array<RecoveryFigures | null> = rows.map(() => null);
  const resume = plan.sse
    ? measureSseResume(options.intervalMs)
    : Promise.resolve(null);
  // A failure is reported when it is awaited, below, not before.
  resume.catch(() => {});
  if (plan.recovery) {
    progress.show(
      `dead peer and restart: ${rows.map((row) => row.label).join(", ")}`,
    );
    recoveries = await Promise.all(
      rows.map(async (row, i) => measureRecovery(row, await recoveryApps[i]!)),
    );
    progress.next();
  }
  if (plan.sse) {
    const ws = rows.findIndex((row) => row.id === "ws");
    sse = sseResult(
      figures[2 * rows.length]!,
      await resume,
      ws === -1 ? undefined : figures[2 * ws + 1],
    );
    checks.push(...sseChecks(sse));
  }
  if (plan.download) {
    progress.show("what the browser downloads: both demos' pages");
    clientDownload = await measureClientDownload();
    progress.next();
  }
  rows.forEach((row, i) => {
    const demo = figures[2 * i]!;
    const bare = figures[2 * i + 1]!;
    const partial = { id: row.id, label: row.label, demo, bare };
    checks.push(...checksFor(partial));
    results.push({
      ...partial,
      recovery: recoveries[i] ?? null,
      ratios: demoOverBare(demo, bare),
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
  if (plan.knobs && polling && websocketOnly) {
    knobResults.push({
      id: "socketio-websocket-only",
      label: "Socket.IO websocket-only",
      against: `${polling.label} bare`,
      exactBytes: true,
      figures: websocketOnly.bare,
      ratios: ratiosOf(websocketOnly.bare, polling.bare),
    });
  }
  return {
    transports: results,
    knobs: knobResults,
    sse,
    clientDownload,
    checks,
  };
}

/** Lesson 1 again at `count` clients, for the docs' scaling lines. */
export async function runSweep(
  plan: Plan,
  count: number,
  progress: Progress,
  cleanups: Cleanup[],
): Promise<SweepPoint> {
  const { rows } = plan;
  const figures = await measureAll(
    transportRuns(rows),
    { ...plan.measure, clients: count },
    progress,
    cleanups,
  );
  return {
    clients: count,
    servers: figures.map((f, i) => ({
      label: `${rows[Math.floor(i / 2)]!.label} ${i % 2 === 0 ? "demo" : "bare"}`,
      heapPerConnection: f.heapPerConnection,
      connectAllMs: f.connectAllMs,
      latencyP50Ms: f.latencyP50Ms,
      latencyP99Ms: f.latencyP99Ms,
      eventLoopDelayP99Ms: f.eventLoopDelayP99Ms,
    })),
  };
}
