// The main table: one row per metric, and per transport three columns,
// its demo, its bare baseline and the demo's ratio to the baseline.
import type { ServerFigures } from "../bench/server-figures.js";
import { kb, n0, n1, n2, n3, ratio, type Cell } from "./cells.js";
import type { Comparison, TransportResult } from "./model.js";

/** Metric rows x (transport, server) columns, plus each demo's ratio to its baseline. */
export function mainTable(comparison: Comparison): Cell[][] {
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
