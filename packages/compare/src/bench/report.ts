import type { ServerFigures } from "./measure.js";
import type { RecoveryFigures } from "./recovery.js";
import type { TransportRow } from "./servers.js";

/** One transport's demo, its bare baseline, and what the abstraction costs. */
export interface TransportResult {
  readonly id: TransportRow["id"];
  readonly label: string;
  readonly demo: ServerFigures;
  readonly bare: ServerFigures;
  readonly recovery: RecoveryFigures | null;
  /** demo / bare, measured side by side in the same run. */
  readonly ratios: {
    readonly heapPerConnection: number;
    readonly rssPerConnection: number;
    readonly cadenceP99: number;
    readonly sentCadenceP99: number;
    readonly bytesPerPush: number;
  };
}

export interface Check {
  readonly subject: string;
  readonly what: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What `compare --json` writes and the docs site reads. */
export interface Comparison {
  readonly measuredAt: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGiB: number;
    readonly node: string;
    readonly platform: string;
  };
  readonly options: {
    readonly clients: number;
    readonly intervalMs: number;
    readonly windowMs: number;
    readonly concurrency: number;
  };
  readonly durationMs: number;
  readonly transports: readonly TransportResult[];
  readonly checks: readonly Check[];
}

/**
 * One byte check: integers, compared exactly. Pushes are matched to the
 * server's byte window by their timestamps, each charged its own packet's
 * size; clients reply only inside the window, which is drained before the
 * server's read count is taken. So any byte off is a real difference: a
 * frame the server wrote that no client counted, or a size the arithmetic
 * gets wrong.
 */
export function byteCheck(
  subject: string,
  what: "push" | "reply",
  measuredBytes: number,
  messages: number,
  expectedBytes: number,
): Check {
  const off = measuredBytes - expectedBytes;
  const noun = what === "push" ? "pushes" : "replies";
  return {
    subject,
    what: `bytes per ${what} match the protocol arithmetic (exactly)`,
    ok: off === 0 && messages > 0,
    detail:
      `measured ${bytes(measuredBytes)} for ${count(messages)} ${noun}, ` +
      `expected ${bytes(expectedBytes)}: ${bytes(Math.abs(off))} off` +
      (off === 0
        ? ""
        : off > 0
          ? " (more than expected)"
          : " (less than expected)"),
  };
}

const count = (v: number) => v.toLocaleString("en-US");
const bytes = (v: number) => `${count(v)} B`;

export function checksFor(
  result: Omit<TransportResult, "ratios" | "recovery">,
): Check[] {
  const checks: Check[] = [];
  for (const figures of [result.demo, result.bare]) {
    const subject = `${result.label} / ${figures.server}`;
    checks.push(
      byteCheck(
        subject,
        "push",
        figures.pushBytesWritten,
        figures.pushesInWindow,
        figures.expectedPushBytes,
      ),
      byteCheck(
        subject,
        "reply",
        figures.replyBytesRead,
        figures.replies,
        figures.expectedReplyBytes,
      ),
    );
    if (figures.connectionsLeft !== null) {
      checks.push({
        subject,
        what: "back to baseline after every client closed",
        ok: figures.connectionsLeft === 0 && figures.timersLeft === 0,
        detail: `${figures.connectionsLeft} connections, ${figures.timersLeft} timers left`,
      });
    }
  }
  return checks;
}

type Cell = string;
const n0 = (v: number) =>
  Number.isFinite(v) ? Math.round(v).toLocaleString("en-US") : "n/a";
const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "n/a");
const n2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "n/a");
const n3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : "n/a");
const kb = (v: number) =>
  Number.isFinite(v) ? `${(v / 1024).toFixed(1)} KB` : "n/a";
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : "n/a");

/** Metric rows x (transport, server) columns, plus each demo's ratio to its baseline. */
function grid(comparison: Comparison): Cell[][] {
  const header: Cell[] = ["metric"];
  for (const t of comparison.transports)
    header.push(`${t.label} demo`, `${t.label} bare`, `${t.label} demo/bare`);
  const rows: Cell[][] = [header];
  const metric = (
    name: string,
    value: (f: ServerFigures) => string,
    ratioOf?: (t: TransportResult) => string,
  ) => {
    const row: Cell[] = [name];
    for (const t of comparison.transports)
      row.push(value(t.demo), value(t.bare), ratioOf ? ratioOf(t) : "");
    rows.push(row);
  };
  metric("connect all clients (s)", (f) => n2(f.connectAllMs / 1000));
  metric(
    "connect p50 / p99 (ms)",
    (f) => `${n1(f.connectP50Ms)} / ${n1(f.connectP99Ms)}`,
  );
  metric("HTTP requests per client", (f) =>
    n1(f.httpRequestsPerClient + f.upgradesPerClient),
  );
  metric("TCP connections per client", (f) => n1(f.tcpConnectionsPerClient));
  metric(
    "handshake bytes written / read",
    (f) =>
      `${n0(f.handshakeBytesWritten)} / ${n0(f.handshakeBytesRead)}` +
      (f.pushesInHandshake > 0 ? ` (${f.pushesInHandshake} push incl.)` : ""),
  );
  metric(
    "heap per connection",
    (f) => kb(f.heapPerConnection),
    (t) => ratio(t.ratios.heapPerConnection),
  );
  metric(
    "RSS per connection",
    (f) => kb(f.rssPerConnection),
    (t) => ratio(t.ratios.rssPerConnection),
  );
  metric(
    "bytes per push (expected)",
    (f) => `${n2(f.bytesPerPush)} (${n2(f.expectedBytesPerPush)})`,
    (t) => ratio(t.ratios.bytesPerPush),
  );
  metric(
    "bytes per reply (expected)",
    (f) => `${n2(f.bytesPerReply)} (${n2(f.expectedBytesPerReply)})`,
  );
  metric(
    "cadence off by, sent p50 / p99 / max (ms)",
    (f) =>
      `${n1(f.sentCadenceP50Ms)} / ${n1(f.sentCadenceP99Ms)} / ${n1(f.sentCadenceMaxMs)}`,
    (t) => ratio(t.ratios.sentCadenceP99),
  );
  metric(
    "cadence off by, received p50 / p99 / max",
    (f) =>
      `${n1(f.cadenceP50Ms)} / ${n1(f.cadenceP99Ms)} / ${n1(f.cadenceMaxMs)}`,
    (t) => ratio(t.ratios.cadenceP99),
  );
  metric(
    "pushes counted / lost",
    (f) => `${n0(f.pushes)} / ${n0(f.pushesLost)}`,
  );
  metric(
    "push latency p50 / p99 (ms)",
    (f) => `${n3(f.latencyP50Ms)} / ${n3(f.latencyP99Ms)}`,
  );
  metric(
    "reply round trip p50 / p99 (ms)",
    (f) => `${n3(f.roundTripP50Ms)} / ${n3(f.roundTripP99Ms)}`,
  );
  metric("event-loop delay p99 (ms)", (f) => n1(f.eventLoopDelayP99Ms));
  metric(
    "clients' event-loop delay p99 / max",
    (f) =>
      `${n1(f.clientEventLoopDelayP99Ms)} / ${n1(f.clientEventLoopDelayMaxMs)}`,
  );
  const recovery = (name: string, value: (t: TransportResult) => string) => {
    const row: Cell[] = [name];
    for (const t of comparison.transports)
      row.push(
        t.recovery ? value(t) : "not run",
        "n/a: no heartbeat or reconnect",
        "",
      );
    rows.push(row);
  };
  recovery(
    "dead peer dropped after (ms)",
    (t) =>
      `${n0(t.recovery!.deadPeerDetectedMs)} (heartbeat ${t.recovery!.heartbeatMs} ms)`,
  );
  recovery("back after a restart (ms)", (t) =>
    n0(t.recovery!.resumeAfterRestartMs),
  );
  return rows;
}

export function renderMarkdown(comparison: Comparison): string {
  const rows = grid(comparison);
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  const lines = [
    `| ${rows[0]!.map(escape).join(" | ")} |`,
    `| ${rows[0]!.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.slice(1).map((row) => `| ${row.map(escape).join(" | ")} |`),
  ];
  return `${describeRun(comparison)}\n\n${lines.join("\n")}\n\n${renderChecks(comparison)}\n`;
}

export function renderTable(comparison: Comparison): string {
  // One block per transport keeps the lines short enough for a terminal.
  const rows = grid(comparison);
  const blocks: string[] = [describeRun(comparison)];
  comparison.transports.forEach((_, i) => {
    const columns = [0, 1 + i * 3, 2 + i * 3, 3 + i * 3];
    const picked = rows.map((row) => columns.map((c) => row[c] ?? ""));
    const widths = columns.map((_, c) =>
      Math.max(...picked.map((row) => row[c]!.length)),
    );
    const line = (row: string[]) =>
      row
        .map((cell, c) =>
          c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
        )
        .join("  ");
    blocks.push(
      [
        line(picked[0]!),
        widths.map((w) => "-".repeat(w)).join("  "),
        ...picked.slice(1).map(line),
      ].join("\n"),
    );
  });
  blocks.push(renderChecks(comparison));
  return blocks.join("\n\n") + "\n";
}

function describeRun(c: Comparison): string {
  return (
    `${c.options.clients} clients per server, push every ${c.options.intervalMs} ms, ` +
    `measured for ${c.options.windowMs / 1000} s; ${c.machine.cpus} x ${c.machine.cpuModel}, ` +
    `${c.machine.memoryGiB} GiB, Node ${c.machine.node}; ${c.measuredAt}; took ${(c.durationMs / 1000).toFixed(1)} s`
  );
}

function renderChecks(c: Comparison): string {
  return c.checks
    .map(
      (check) =>
        `${check.ok ? "ok  " : "FAIL"} ${check.subject}: ${check.what}: ${check.detail}`,
    )
    .join("\n");
}
