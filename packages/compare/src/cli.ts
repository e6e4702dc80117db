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
  checksFor,
  type Check,
  renderMarkdown,
  renderTable,
  type Comparison,
  type TransportResult,
} from "./bench/report.js";
import { transportRows } from "./bench/servers.js";

const HELP = `Usage: npm run compare -- [options]

Starts each demo and a bare baseline server per transport (the seed's way,
without the lifecycle package) as separate processes, drives N clients
against each from separate client processes, and prints one table.

  --clients N          clients per server (default 1000)
  --ci                 CI mode: 200 clients, a push every 100 ms, a 0.5 s window
  --interval MS        push interval the servers use (default 1000)
  --window S           seconds of pushes to measure, at least two intervals,
                       e.g. 5 or 0.5 (default 5)
  --concurrency N      clients connecting at once (default 100)
  --transports LIST    ws,socket.io,socket.io-websocket (default: all)
  --no-recovery        skip the dead-peer and restart measurements
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
        clients: { type: "string" },
        ci: { type: "boolean", default: false },
        interval: { type: "string" },
        window: { type: "string" },
        concurrency: { type: "string", default: "100" },
        transports: {
          type: "string",
          default: transportRows.map((row) => row.id).join(","),
        },
        "no-recovery": { type: "boolean", default: false },
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

// A server holds one descriptor per client (Socket.IO briefly more, while
// polling): refuse early rather than fail with EMFILE halfway through.
const fileLimit = Number(
  execFileSync("sh", ["-c", "ulimit -n"]).toString().trim(),
);
if (Number.isFinite(fileLimit) && clients + 200 > fileLimit) {
  fail(
    `--clients ${clients} needs more open files than this shell allows (ulimit -n = ${fileLimit}). Raise it (ulimit -n ${clients + 1000}) or use fewer clients.`,
  );
}

const started = performance.now();
const plan = rows.flatMap((row) => [
  { row, server: row.demo },
  { row, server: row.bare },
]);
const steps = plan.length + (values["no-recovery"] ? 0 : 1);
let step = 0;
function progress(text: string): void {
  const line = `[${Math.min(step + 1, steps)}/${steps}] ${text}`;
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  else
    console.error(
      `${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s ${line}`,
    );
}

const results: TransportResult[] = [];
const checks: Check[] = [];
// The next server starts while the current one winds down, so that no
// measured phase shares the machine with a starting process.
let next: Promise<PreparedServer> | undefined;
// The demos for the recovery runs start with the first server, and wait
// idle (no clients, no timers) until the load runs are over.
const recoveryApps = values["no-recovery"]
  ? []
  : rows.map((row) => startRecoveryApp(row, options.intervalMs));
// One that fails to start is reported when its turn comes, not before.
for (const started of recoveryApps) started.catch(() => {});
try {
  progress(`${plan[0]!.server}: starting`);
  next = prepareServer(plan[0]!.server, options);
  const figures: ServerFigures[] = [];
  for (const [i, { row }] of plan.entries()) {
    const prepared = await next!;
    next = undefined;
    const following = plan[i + 1];
    figures.push(
      await measureServer(prepared, row.client, options, () => {
        if (following) next = prepareServer(following.server, options);
      }),
    );
    step += 1;
  }
  // Recovery is mostly waiting (heartbeats, reconnect back-off), so the
  // demos are measured at once, after the load runs.
  let recoveries: Array<RecoveryFigures | null> = rows.map(() => null);
  if (!values["no-recovery"]) {
    progress(
      `dead peer and restart: ${rows.map((row) => row.label).join(", ")}`,
    );
    recoveries = await Promise.all(
      rows.map(async (row, i) => measureRecovery(row, await recoveryApps[i]!)),
    );
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
} catch (error) {
  if (process.stderr.isTTY) process.stderr.write("\n");
  // Servers started for later steps must not outlive the tool.
  await Promise.allSettled([
    next?.then((prepared) => prepared.stop()),
    ...recoveryApps.map((started) => started.then(({ app }) => app.stop())),
  ]);
  fail(`${(error as Error).message}`);
}
if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");

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
  checks,
};

const json = `${JSON.stringify(comparison, null, 2)}\n`;
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
