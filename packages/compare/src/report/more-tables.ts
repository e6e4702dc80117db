// The tables after the main one, each with its title: transport against
// transport, the tuning rows, the sweep, the SSE baseline, what the
// browser downloads, and the rooms (each demo against its bare baseline
// too).
import type { RoomsFigures } from "../bench/rooms-figures.js";
import { kb, n0, n1, n2, n3, ratio, type Cell } from "./cells.js";
import type { Comparison, FigureRatios } from "./model.js";
import { networkTables } from "./network-table.js";
import { ROOMS_BARE_TARGET } from "./ratios.js";

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
    // Each demo with its bare baseline beside it (same order), then two processes.
    const all = [
      ...rooms.transports.flatMap((demo, i) =>
        rooms.bare[i] ? [demo, rooms.bare[i]] : [demo],
      ),
      ...rooms.twoProcesses,
    ];
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
    if (rooms.demoOverBare.length > 0)
      tables.push({
        title: `Rooms, each demo against its bare baseline (goal: within ${ROOMS_BARE_TARGET}x on CPU and heap)`,
        rows: [
          [
            "ratio",
            "CPU/1000 deliveries",
            "heap/member",
            "burst deliveries/s",
            "say -> delivery p99",
            `over ${ROOMS_BARE_TARGET}x: what the difference buys`,
          ],
          ...rooms.demoOverBare.map((d) => [
            d.label,
            ratio(d.cpuPer1000Deliveries),
            ratio(d.heapPerMember),
            ratio(d.burstDeliveriesPerSecond),
            ratio(d.latencyP99),
            d.buys ? `${d.overTarget.join(", ")}: ${d.buys}` : "within",
          ]),
        ],
      });
  }
  tables.push(...networkTables(comparison.network));
  return tables;
}
