import type { ClientDownload } from "./client-download.js";
import type { ServerFigures } from "./measure.js";
import type { RecoveryFigures } from "./recovery.js";
import type { RoomsComparison, RoomsFigures } from "./rooms.js";
import type { Knob, TransportRow } from "./servers.js";
import type { SseResult } from "./sse-baseline.js";

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

/** One server's figures divided by another's, measured in the same run. */
export interface FigureRatios {
  readonly heapPerConnection: number;
  readonly rssPerConnection: number;
  readonly handshakeBytesWritten: number;
  readonly connectAll: number;
  readonly bytesPerPush: number;
  readonly bytesPerReply: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
  readonly roundTripP50: number;
}

export function ratiosOf(a: ServerFigures, b: ServerFigures): FigureRatios {
  return {
    heapPerConnection: a.heapPerConnection / b.heapPerConnection,
    rssPerConnection: a.rssPerConnection / b.rssPerConnection,
    handshakeBytesWritten: a.handshakeBytesWritten / b.handshakeBytesWritten,
    connectAll: a.connectAllMs / b.connectAllMs,
    bytesPerPush: a.bytesPerPush / b.bytesPerPush,
    bytesPerReply: a.bytesPerReply / b.bytesPerReply,
    latencyP50: a.latencyP50Ms / b.latencyP50Ms,
    latencyP99: a.latencyP99Ms / b.latencyP99Ms,
    roundTripP50: a.roundTripP50Ms / b.roundTripP50Ms,
  };
}

/** One transport against another: the demos with each other, the baselines with each other. */
export interface AcrossResult {
  readonly label: string;
  readonly ratios: FigureRatios;
}

/**
 * Socket.IO against ws, demo with demo and bare with bare, for every
 * Socket.IO row measured beside ws (the push text is the same on all).
 */
export function acrossTransports(
  transports: readonly Pick<
    TransportResult,
    "id" | "label" | "demo" | "bare"
  >[],
): AcrossResult[] {
  const ws = transports.find((t) => t.id === "ws");
  if (!ws) return [];
  return transports
    .filter((t) => t.id !== "ws")
    .flatMap((t) => [
      { label: `${t.label} demo / ws demo`, ratios: ratiosOf(t.demo, ws.demo) },
      { label: `${t.label} bare / ws bare`, ratios: ratiosOf(t.bare, ws.bare) },
    ]);
}

/** A tuning row: one setting changed on a bare baseline, against that baseline as it is. */
export interface KnobResult {
  readonly id: Knob["id"] | "socketio-websocket-only";
  readonly label: string;
  /** What it is set against, e.g. "ws bare". */
  readonly against: string;
  readonly exactBytes: boolean;
  readonly figures: ServerFigures;
  readonly ratios: FigureRatios;
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
  /** Transport against transport, same push text (see acrossTransports). */
  readonly across: readonly AcrossResult[];
  readonly knobs: readonly KnobResult[];
  /** `--sweep`: the same run at several client counts, for the scaling lines. */
  readonly sweep: readonly SweepPoint[];
  /** `--scenario rooms` (or all): lesson 2. */
  readonly rooms: RoomsComparison | null;
  /** Lesson 1 on a bare Server-Sent Events server (null with --no-sse or --scenario rooms). */
  readonly sse: SseResult | null;
  /** What each demo's pages make the browser download (null with --no-download). */
  readonly clientDownload: ClientDownload | null;
  readonly checks: readonly Check[];
}

/** One client count of a sweep: each server's figures that scale. */
export interface SweepPoint {
  readonly clients: number;
  readonly servers: ReadonlyArray<{
    readonly label: string;
    readonly heapPerConnection: number;
    readonly connectAllMs: number;
    readonly latencyP50Ms: number;
    readonly latencyP99Ms: number;
    readonly eventLoopDelayP99Ms: number;
  }>;
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
  what: "push" | "reply" | "written" | "read",
  measuredBytes: number,
  messages: number,
  expectedBytes: number,
): Check {
  const off = measuredBytes - expectedBytes;
  const noun = {
    push: "pushes",
    reply: "replies",
    written: "deliveries",
    read: "says",
  }[what];
  return {
    subject,
    what:
      what === "push" || what === "reply"
        ? `bytes per ${what} match the protocol arithmetic (exactly)`
        : `bytes ${what} match the frames the clients counted (exactly)`,
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

/** The tables after the main one: across transports, tuning rows, sweep, rooms. */
export function extraTables(
  comparison: Comparison,
): Array<{ title: string; rows: Cell[][] }> {
  const tables: Array<{ title: string; rows: Cell[][] }> = [];
  const ratioColumns = (r: FigureRatios): Cell[] => [
    ratio(r.heapPerConnection),
    ratio(r.rssPerConnection),
    ratio(r.handshakeBytesWritten),
    ratio(r.bytesPerPush),
    ratio(r.bytesPerReply),
    `${ratio(r.latencyP50)} / ${ratio(r.latencyP99)}`,
    ratio(r.roundTripP50),
  ];
  const ratioHeader = [
    "heap/conn",
    "RSS/conn",
    "handshake B",
    "B/push",
    "B/reply",
    "latency p50 / p99",
    "round trip p50",
  ];
  if (comparison.across.length > 0) {
    tables.push({
      title: "Transport against transport (same push text)",
      rows: [
        ["ratio", ...ratioHeader],
        ...comparison.across.map((a) => [a.label, ...ratioColumns(a.ratios)]),
      ],
    });
  }
  if (comparison.knobs.length > 0) {
    tables.push({
      title: "Tuning rows, each against its default (ratio: with / without)",
      rows: [
        [
          "knob (against)",
          "heap/conn",
          "B/push",
          "push latency p50 / p99 (ms)",
          ...ratioHeader,
        ],
        ...comparison.knobs.map((k) => [
          `${k.label} (${k.against})`,
          kb(k.figures.heapPerConnection),
          n2(k.figures.bytesPerPush) + (k.exactBytes ? "" : " (not checked)"),
          `${n3(k.figures.latencyP50Ms)} / ${n3(k.figures.latencyP99Ms)}`,
          ...ratioColumns(k.ratios),
        ]),
      ],
    });
  }
  if (comparison.sweep.length > 0) {
    const labels = comparison.sweep[0]!.servers.map((s) => s.label);
    tables.push({
      title:
        "Sweep: heap per connection / connect all (s) / push latency p99 (ms)",
      rows: [
        ["clients", ...labels],
        ...comparison.sweep.map((point) => [
          n0(point.clients),
          ...point.servers.map(
            (s) =>
              `${kb(s.heapPerConnection)} / ${n2(s.connectAllMs / 1000)} / ${n1(s.latencyP99Ms)}`,
          ),
        ]),
      ],
    });
  }
  const sse = comparison.sse;
  if (sse) {
    const against = sse.againstWsBare;
    tables.push({
      title: `Server-Sent Events baseline (${sse.server}), against ws bare where measured`,
      rows: [
        ["metric", sse.label, "/ ws bare"],
        [
          "heap per connection",
          kb(sse.heapPerConnection),
          against ? ratio(against.heapPerConnection) : "",
        ],
        [
          "bytes per push (expected)",
          `${n2(sse.bytesPerPush)} (${n2(sse.expectedBytesPerPush)})`,
          against ? ratio(against.bytesPerPush) : "",
        ],
        [
          "bytes per reply: POST read / answer written",
          `${n2(sse.bytesPerReply)} / ${n2(sse.bytesPerReplyAnswer ?? Number.NaN)}`,
          against ? ratio(against.bytesPerReply) : "",
        ],
        [
          "connect p50 / p99 (ms)",
          `${n1(sse.connectP50Ms)} / ${n1(sse.connectP99Ms)}`,
          "",
        ],
        [
          "push latency p50 / p99 (ms)",
          `${n3(sse.latencyP50Ms)} / ${n3(sse.latencyP99Ms)}`,
          against
            ? `${ratio(against.latencyP50)} / ${ratio(against.latencyP99)}`
            : "",
        ],
        [
          "back with Last-Event-ID: missed / replayed",
          sse.resume
            ? `${sse.resume.missed} / ${sse.resume.replayed} (${sse.lastEventIdResume ? "resumed" : "NOT resumed"})`
            : "not run",
          "",
        ],
      ],
    });
  }
  const download = comparison.clientDownload;
  if (download) {
    const pages = [
      ["ws /", download.ws],
      ["ws /rooms", download.ws.rooms],
      ["Socket.IO /", download.socketio],
      ["Socket.IO /rooms", download.socketio.rooms],
    ] as const;
    tables.push({
      title: "What the browser downloads: the pages' scripts (bytes)",
      rows: [
        [
          "page",
          "served",
          "transferred",
          "unminified",
          "minified",
          "gzip",
          "brotli",
        ],
        ...pages.map(([name, page]) => [
          name,
          n0(page.served),
          n0(page.transferred),
          n0(page.unminified),
          n0(page.minified),
          n0(page.gzip),
          n0(page.brotli),
        ]),
      ],
    });
  }
  const rooms = comparison.rooms;
  if (rooms) {
    const all = [...rooms.transports, ...rooms.twoProcesses];
    const o = rooms.options;
    const row = (name: string, value: (f: RoomsFigures) => string): Cell[] => [
      name,
      ...all.map(value),
    ];
    tables.push({
      title:
        `Rooms: ${o.rooms} rooms x ${o.members} members, each saying every ${o.sayEveryMs} ms ` +
        `(${o.says} times), then ${o.burst} at once` +
        (rooms.twoProcessesNote
          ? `; two processes: ${rooms.twoProcessesNote}`
          : ""),
      rows: [
        ["metric", ...all.map((f) => f.label)],
        row("heap per member", (f) => kb(f.heapPerMember)),
        row(
          "say -> delivery p50 / p99 (ms)",
          (f) => `${n2(f.latencyP50Ms)} / ${n2(f.latencyP99Ms)}`,
        ),
        row(
          "deliveries (expected) / says",
          (f) =>
            `${n0(f.deliveries)} (${n0(f.expectedDeliveries)}) / ${n0(f.says)}`,
        ),
        row("deliveries per second, steady", (f) => n0(f.deliveriesPerSecond)),
        row("bytes per delivered message", (f) => n2(f.bytesPerDelivery)),
        row("bytes written per delivery (acks incl.)", (f) =>
          n2(f.bytesWrittenPerDelivery),
        ),
        row("server CPU per 1000 deliveries (ms)", (f) =>
          n1(f.cpuMsPer1000Deliveries),
        ),
        row("burst: deliveries per second", (f) =>
          n0(f.burstDeliveriesPerSecond),
        ),
        row("burst: say -> delivery p99 (ms)", (f) => n1(f.burstLatencyP99Ms)),
      ],
    });
    if (rooms.across.length > 0)
      tables.push({
        title: "Rooms, transport against transport",
        rows: [
          [
            "ratio",
            "heap/member",
            "latency p50 / p99",
            "B/delivery",
            "CPU/1000 deliveries",
            "burst deliveries/s",
          ],
          ...rooms.across.map((a) => [
            a.label,
            ratio(a.heapPerMember),
            `${ratio(a.latencyP50)} / ${ratio(a.latencyP99)}`,
            ratio(a.bytesPerDelivery),
            ratio(a.cpuPer1000Deliveries),
            ratio(a.burstDeliveriesPerSecond),
          ]),
        ],
      });
  }
  return tables;
}

function markdownTable(rows: Cell[][]): string {
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  return [
    `| ${rows[0]!.map(escape).join(" | ")} |`,
    `| ${rows[0]!.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.slice(1).map((row) => `| ${row.map(escape).join(" | ")} |`),
  ].join("\n");
}

function textTable(rows: Cell[][]): string {
  const widths = rows[0]!.map((_, c) =>
    Math.max(...rows.map((row) => (row[c] ?? "").length)),
  );
  const line = (row: Cell[]) =>
    row
      .map((cell, c) =>
        c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
      )
      .join("  ");
  return [
    line(rows[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
  ].join("\n");
}

export function renderMarkdown(comparison: Comparison): string {
  const blocks = [describeRun(comparison)];
  if (comparison.transports.length > 0)
    blocks.push(markdownTable(grid(comparison)));
  for (const { title, rows } of extraTables(comparison))
    blocks.push(`**${title}**\n\n${markdownTable(rows)}`);
  blocks.push(renderChecks(comparison));
  return `${blocks.join("\n\n")}\n`;
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
  for (const { title, rows } of extraTables(comparison))
    blocks.push(`${title}\n${textTable(rows)}`);
  blocks.push(renderChecks(comparison));
  return blocks.join("\n\n") + "\n";
}

function describeRun(c: Comparison): string {
  const push =
    c.transports.length > 0
      ? `${c.options.clients} clients per server, push every ${c.options.intervalMs} ms, ` +
        `measured for ${c.options.windowMs / 1000} s; `
      : "";
  return (
    `${push}${c.machine.cpus} x ${c.machine.cpuModel}, ` +
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

/**
 * The comparison as JSON, laid out as Prettier lays out JSON, so that the
 * file the docs site reads passes the repository's format check as the
 * tool writes it: JSON.stringify with two spaces, except that an array of
 * numbers goes on one line when it fits in 80 columns, and otherwise fills
 * its lines, as Prettier does with number arrays.
 */
export function comparisonJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  const number = String.raw`-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|null`;
  const array = new RegExp(
    String.raw`\[\n( +)(?:${number})(?:,\n\1(?:${number}))*\n *\]`,
    "g",
  );
  return `${text.replace(array, (match: string, _: string, at: number) => {
    const items = match
      .slice(1, -1)
      .split(",")
      .map((item) => item.trim());
    const lineStart = text.lastIndexOf("\n", at) + 1;
    const head = text.slice(lineStart, at);
    const after = text[at + match.length] === "," ? 1 : 0;
    const flat = `[${items.join(", ")}]`;
    if (head.length + flat.length + after <= 80) return flat;
    // Prettier fills only arrays of numbers; with a null in it, one a line.
    if (items.includes("null")) return match;
    const base = head.length - head.trimStart().length;
    const inner = base + 2;
    const lines: string[] = [];
    let line = "";
    items.forEach((item, i) => {
      const piece = i < items.length - 1 ? `${item},` : item;
      if (line === "") line = piece;
      else if (inner + line.length + 1 + piece.length <= 80)
        line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    });
    lines.push(line);
    return `[\n${lines.map((l) => " ".repeat(inner) + l).join("\n")}\n${" ".repeat(base)}]`;
  })}\n`;
}
