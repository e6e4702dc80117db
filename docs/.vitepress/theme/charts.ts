// The Measured page's charts, drawn as SVG text at build time from the
// compare tool's JSON: no chart library, nothing fetched or run in the
// browser. Colours come from the theme through CSS classes (cc-*), so
// both the light and the dark theme read them. Labels come from a locale
// (chartLabels), so that each locale's page passes its own.

import { chartLabels } from "./charts/labels.js";
import { PERCENTILES, type ComparisonData } from "./charts/data.js";
import { distributions } from "./charts/distributions.js";
import { lines } from "./charts/lines.js";
import { ratioBars } from "./charts/ratio-bars.js";
import type { Locale } from "./i18n.js";

/** Every chart of the Measured page, as SVG text, in one locale. */
export function comparisonCharts(
  data: ComparisonData,
  locale: Locale,
): Array<{ id: string; svg: string }> {
  const l = chartLabels[locale];
  const charts: Array<{ id: string; svg: string }> = [];
  const measures = [
    ["heapPerConnection", l.heapPerConnection],
    ["bytesPerPush", l.bytesPerPush],
    ["handshakeBytesWritten", l.handshakeBytes],
    ["latencyP50", l.latencyP50],
  ] as const;
  if (data.transports.length > 0) {
    charts.push({
      id: "demo-over-bare",
      svg: ratioBars(
        l.demoOverBare,
        data.transports.flatMap((t) => [
          {
            label: `${t.label}: ${l.heapPerConnection}`,
            value: t.ratios.heapPerConnection,
            series: 0,
          },
          {
            label: `${t.label}: ${l.rssPerConnection}`,
            value: t.ratios.rssPerConnection,
            series: 1,
          },
          {
            label: `${t.label}: ${l.bytesPerPush}`,
            value: t.ratios.bytesPerPush,
            series: 2,
          },
        ]),
      ),
    });
  }
  for (const [id, title, rows] of [
    ["across", l.acrossTransports, data.across ?? []],
    ["knobs", l.knobs, data.knobs ?? []],
  ] as const) {
    if (rows.length === 0) continue;
    charts.push({
      id,
      svg: ratioBars(
        title,
        rows.flatMap((row) =>
          measures.map(([key, name], series) => ({
            label: `${row.label}: ${name}`,
            value: row.ratios[key],
            series,
          })),
        ),
      ),
    });
  }
  const download = data.clientDownload;
  if (download) {
    const sizes = [
      ["served", l.served],
      ["transferred", l.transferred],
      ["minified", l.minified],
      ["gzip", l.gzip],
      ["brotli", l.brotli],
    ] as const;
    charts.push({
      id: "client-download",
      svg: ratioBars(
        l.clientDownload,
        (
          [
            [l.pushPage, download.socketio, download.ws],
            [l.roomsPage, download.socketio.rooms, download.ws.rooms],
          ] as const
        ).flatMap(([page, socketio, ws]) =>
          sizes.map(([key, name], series) => ({
            label: `${page}: ${name}`,
            value: socketio[key] / ws[key],
            series,
          })),
        ),
      ),
    });
  }
  // Latency is left out: the SSE baseline pushes to every client from one
  // timer, the others from a timer per client, so its pushes arrive all
  // at once and queue in the client processes.
  const sse = data.sse?.againstWsBare;
  if (sse)
    charts.push({
      id: "sse",
      svg: ratioBars(l.sseAgainstWs, [
        { label: l.heapPerConnection, value: sse.heapPerConnection, series: 0 },
        { label: l.bytesPerPush, value: sse.bytesPerPush, series: 2 },
        { label: l.bytesPerReply, value: sse.bytesPerReply, series: 3 },
        { label: l.connectAll, value: sse.connectAll, series: 4 },
      ]),
    });
  const pushSeries = data.transports.flatMap((t) =>
    (
      [
        ["demo", t.demo],
        ["bare", t.bare],
      ] as const
    ).flatMap(([kind, figures]) =>
      figures.latencyDistributionMs
        ? [
            {
              label: `${t.label} ${kind}`,
              values: figures.latencyDistributionMs,
            },
          ]
        : [],
    ),
  );
  if (pushSeries.length > 0)
    charts.push({
      id: "push-latency",
      svg: distributions(l.pushLatency, PERCENTILES, pushSeries, l),
    });
  const rooms = data.rooms
    ? [...data.rooms.transports, ...data.rooms.twoProcesses]
    : [];
  if (rooms.length > 0)
    charts.push({
      id: "rooms-latency",
      svg: distributions(
        l.roomsLatency,
        PERCENTILES,
        rooms.map((r) => ({ label: r.label, values: r.latencyDistributionMs })),
        l,
      ),
    });
  const sweep = data.sweep ?? [];
  if (sweep.length > 1) {
    const xs = sweep.map((point) => point.clients);
    const servers = sweep[0]!.servers.map((s) => s.label);
    const of = (
      pick: (s: (typeof sweep)[number]["servers"][number]) => number,
    ) =>
      servers.map((label, i) => ({
        label,
        values: sweep.map((point) => {
          const server = point.servers[i];
          return server ? pick(server) : Number.NaN;
        }),
      }));
    charts.push(
      {
        id: "scaling-heap",
        svg: lines(
          l.scalingHeap,
          xs,
          of((s) => s.heapPerConnection / 1024),
          {
            x: l.clientsAxis,
            y: "KB",
          },
        ),
      },
      {
        id: "scaling-connect",
        svg: lines(
          l.scalingConnect,
          xs,
          of((s) => s.connectAllMs / 1000),
          {
            x: l.clientsAxis,
            y: "s",
            yLog: true,
          },
        ),
      },
      {
        id: "scaling-latency",
        svg: lines(
          l.scalingLatency,
          xs,
          of((s) => s.latencyP50Ms),
          {
            x: l.clientsAxis,
            y: "ms",
            yLog: true,
          },
        ),
      },
    );
  }
  return charts;
}
