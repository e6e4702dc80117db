#!/usr/bin/env node
// npm run compare: both demos and their bare baselines, side by side, in
// one run. See --help.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import type { RoomsOptions } from "./bench/rooms-figures.js";
import type { MeasureOptions } from "./bench/server-figures.js";
import { transportRows } from "./bench/servers.js";
import {
  canUseSourceAddresses,
  ephemeralPorts,
  portShortfall,
} from "./bench/source-addresses.js";
import { comparisonJson } from "./report/json.js";
import { renderMarkdown } from "./report/markdown.js";
import type { Comparison } from "./report/model.js";
import { renderTable } from "./report/table.js";
import { NETWORK_DEFAULTS } from "./run/network.js";
import { runPlan } from "./run/run.js";
import { Progress } from "./run/progress.js";

const HELP = `Usage: node packages/compare/dist/cli.js [options]   (after npm run compare, or npm run build)

Starts each demo and a bare baseline server per transport (the seed's way,
without the lifecycle package), and a bare Server-Sent Events server, as
separate processes, drives N clients against each from separate client
processes, and prints one table. Lesson 1 also measures what each demo's
pages make the browser download.

  --scenario NAME      push (lesson 1, default) | rooms (lesson 2) |
                       network (only the network with distance) | all
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
  --no-bare-rooms      skip the bare rooms baselines (ws and Socket.IO
                       rooms on the library alone, one process each)

Network with distance (lesson 1 and 2's rooms through a relay that delays
each direction, then an outage; run by --scenario all and network):
  --network            also run it with --scenario push or rooms
  --no-network         skip it in --scenario all; --ci skips it unless
                       --network or --scenario network

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
        "no-bare-rooms": { type: "boolean", default: false },
        network: { type: "boolean", default: false },
        "no-network": { type: "boolean", default: false },
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
const measure: Omit<MeasureOptions, "progress"> = {
  clients,
  intervalMs: wholeNumber(
    "interval",
    values.interval ?? (values.ci ? "100" : "1000"),
    50,
    60_000,
  ),
  windowMs: Math.round(windowSeconds * 1000),
  concurrency: wholeNumber("concurrency", values.concurrency, 1, 1000),
};
// Cadence is the gap between two pushes to one client: the window must
// hold at least two of them.
if (measure.windowMs < 2 * measure.intervalMs) {
  fail(
    `--window ${windowSeconds} s is shorter than two pushes (2 x ${measure.intervalMs} ms): ` +
      `use --window ${Math.ceil((2 * measure.intervalMs) / 1000)} or more, or a shorter --interval.`,
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
if (!["push", "rooms", "network", "all"].includes(scenario)) {
  fail(`--scenario ${scenario}: choose push, rooms, network or all`);
}
// The network with distance waits out outages (about three minutes):
// run with --scenario all or network, or --network; --ci skips it.
const runsNetwork =
  scenario === "network" ||
  values.network ||
  (scenario === "all" && !values["no-network"] && !values.ci);
if (scenario === "all" && values.ci && !values.network && !values["no-network"])
  console.error(
    "compare: network with distance skipped in --ci (it waits out outages); add --network to run it",
  );
const sweepCounts = (values.sweep ?? "")
  .split(",")
  .filter((part) => part.trim() !== "")
  .map((part) => wholeNumber("sweep", part.trim(), 1, 20_000));
const rooms: Omit<RoomsOptions, "progress"> = {
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
};
if (rooms.rooms * rooms.members > 5000) {
  fail(
    `--rooms ${rooms.rooms} x --members ${rooms.members} is more than 5000 members: use fewer`,
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

// Each connection from one source address needs an ephemeral port of its
// own: refuse early rather than fail with timeouts and EADDRNOTAVAIL at
// the largest step (the clients spread over many addresses where they can).
const ports = ephemeralPorts();
if (ports && (scenario === "push" || scenario === "all")) {
  const shortfall = portShortfall(
    {
      clients: most,
      transports: [
        ...rows.map((row) => row.client),
        ...(values["no-sse"] ? [] : (["sse"] as const)),
      ],
      spreadOverAddresses: await canUseSourceAddresses(),
    },
    ports,
  );
  if (shortfall) fail(shortfall);
}

const progress = new Progress();
let comparison: Comparison;
try {
  comparison = await runPlan(
    {
      measure: { ...measure, progress: progress.show },
      rows,
      push: scenario === "push" || scenario === "all",
      rooms: scenario === "rooms" || scenario === "all",
      roomsOptions: { ...rooms, progress: progress.show },
      bareRooms: !values["no-bare-rooms"],
      sweepCounts,
      // The tuning rows run unless skipped; --ci skips them unless --knobs.
      knobs: values.knobs || (!values.ci && !values["no-knobs"]),
      recovery: !values["no-recovery"],
      sse: !values["no-sse"],
      download: !values["no-download"],
      redis: !values["no-redis"],
      network: runsNetwork ? NETWORK_DEFAULTS : null,
    },
    progress,
  );
} catch (error) {
  fail(`${(error as Error).message}`);
}

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
if (comparison.checks.some((check) => !check.ok)) {
  console.error("compare: a check failed (see FAIL above)");
  process.exit(1);
}
