// The Measured page's charts, drawn as SVG text at build time from the
// compare tool's JSON: no chart library, nothing fetched or run in the
// browser. Colours come from the theme through CSS classes (cc-*), so
// both the light and the dark theme read them. Labels come from a locale
// (chartLabels), so that each locale's page passes its own.

import type { Locale } from "./i18n.js";
import type { ClientDownloadData, SseData } from "./measured-tables.js";

export interface ChartLabels {
  readonly demoOverBare: string;
  readonly acrossTransports: string;
  readonly knobs: string;
  readonly ratioAxis: string;
  readonly pushLatency: string;
  readonly roomsLatency: string;
  readonly latencyAxis: string;
  readonly percentileAxis: string;
  readonly clientsAxis: string;
  readonly heapPerConnection: string;
  readonly rssPerConnection: string;
  readonly bytesPerPush: string;
  readonly handshakeBytes: string;
  readonly latencyP50: string;
  readonly connectAll: string;
  readonly latencyP99: string;
  readonly scalingHeap: string;
  readonly scalingConnect: string;
  readonly scalingLatency: string;
  readonly noSweep: string;
  readonly clientDownload: string;
  readonly pushPage: string;
  readonly roomsPage: string;
  readonly served: string;
  readonly transferred: string;
  readonly minified: string;
  readonly gzip: string;
  readonly brotli: string;
  readonly sseAgainstWs: string;
  readonly bytesPerReply: string;
}

export const chartLabels: Record<Locale, ChartLabels> = {
  en: {
    demoOverBare:
      "Each demo against its bare baseline (1.00x: costs what the library alone costs)",
    acrossTransports: "Socket.IO against ws, same push text (1.00x: the same)",
    knobs: "Tuning rows, each against its default (1.00x: no effect)",
    ratioAxis: "ratio",
    pushLatency:
      "Push latency, Lesson 1: the share of pushes that arrived within x ms",
    roomsLatency: "Rooms, say to delivery: the share of deliveries within x ms",
    latencyAxis: "ms (log scale)",
    percentileAxis: "% of messages",
    clientsAxis: "clients (log scale)",
    heapPerConnection: "heap per connection",
    rssPerConnection: "RSS per connection",
    bytesPerPush: "bytes per push",
    handshakeBytes: "handshake bytes",
    latencyP50: "push latency p50",
    connectAll: "connect all",
    latencyP99: "push latency p99",
    scalingHeap: "Heap per connection (KB) against the number of clients",
    scalingConnect:
      "Time to connect every client (s) against the number of clients",
    scalingLatency: "Push latency p50 (ms) against the number of clients",
    noSweep:
      "No sweep in this run: npm run compare -- --sweep 100,1000,10000 draws these lines.",
    clientDownload:
      "What the Socket.IO page downloads against the ws page (1.00x: the same)",
    pushPage: "Lesson 1",
    roomsPage: "Lesson 2",
    served: "served",
    transferred: "over the wire today",
    minified: "minified",
    gzip: "minified + gzip",
    brotli: "minified + brotli",
    sseAgainstWs:
      "The SSE baseline against the ws baseline (1.00x: costs what ws costs)",
    bytesPerReply: "bytes per reply",
  },
  // To be read by the Korean page's author: a first wording.
  ko: {
    demoOverBare:
      "각 데모와 bare 기준 서버의 비율 (1.00x: 라이브러리만 쓸 때와 같은 비용)",
    acrossTransports: "같은 푸시 텍스트에서 Socket.IO 대 ws (1.00x: 같음)",
    knobs: "튜닝 항목, 각각 기본값 대비 (1.00x: 효과 없음)",
    ratioAxis: "비율",
    pushLatency: "1강 푸시 지연: x ms 안에 도착한 푸시의 비율",
    roomsLatency: "채팅방, say부터 전달까지: x ms 안에 전달된 메시지의 비율",
    latencyAxis: "ms (로그 눈금)",
    percentileAxis: "메시지 %",
    clientsAxis: "클라이언트 수 (로그 눈금)",
    heapPerConnection: "연결당 힙",
    rssPerConnection: "연결당 RSS",
    bytesPerPush: "푸시당 바이트",
    handshakeBytes: "핸드셰이크 바이트",
    latencyP50: "푸시 지연 p50",
    connectAll: "전체 연결 시간",
    latencyP99: "푸시 지연 p99",
    scalingHeap: "클라이언트 수에 따른 연결당 힙 (KB)",
    scalingConnect: "클라이언트 수에 따른 전체 연결 시간 (s)",
    scalingLatency: "클라이언트 수에 따른 푸시 지연 p50 (ms)",
    noSweep:
      "이번 실행에는 스윕이 없습니다: npm run compare -- --sweep 100,1000,10000 으로 그립니다.",
    clientDownload:
      "Socket.IO 페이지가 내려받는 양, ws 페이지 대비 (1.00x: 같음)",
    pushPage: "1강",
    roomsPage: "2강",
    served: "제공되는 크기",
    transferred: "지금 실제로 전송되는 크기",
    minified: "최소화",
    gzip: "최소화 + gzip",
    brotli: "최소화 + brotli",
    sseAgainstWs: "SSE 기준선 대 ws 기준선 (1.00x: ws와 같은 비용)",
    bytesPerReply: "답장당 바이트",
  },
};

const WIDTH = 720;
const SERIES = 6; // cc-s0 ... cc-s5 in the stylesheet
/** Room on the right of a plot for its legend. */
const LEGEND = 220;

function escape(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

const round = (value: number) => Math.round(value * 10) / 10;

function svg(title: string, height: number, body: string[]): string {
  return (
    `<svg class="cc" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escape(title)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escape(title)}</title>` +
    `<text class="cc-title" x="0" y="16">${escape(title)}</text>` +
    body.join("") +
    `</svg>`
  );
}

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Which colour (0-5): bars of one measure share one. */
  readonly series: number;
}

/**
 * Horizontal bars of ratios on a log scale, from a line at 1.00x: a bar
 * to the right costs more, to the left less, and 2x and 0.5x are as long.
 * Each bar says its value; one that is not finite (not measured) is left out.
 */
export function ratioBars(title: string, bars: readonly Bar[]): string {
  const shown = bars.filter(
    (bar) => Number.isFinite(bar.value) && bar.value > 0,
  );
  const labelWidth = 330;
  const plot = WIDTH - labelWidth - 110;
  // The widest bar sets the scale, at least 0.5x to 2x.
  const reach = Math.max(
    1,
    ...shown.map((bar) => Math.abs(Math.log2(bar.value))),
  );
  const one = labelWidth + 50 + plot / 2;
  const x = (value: number) => one + (Math.log2(value) / reach) * (plot / 2);
  const rowHeight = 20;
  const top = 30;
  const body: string[] = [];
  shown.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const end = x(bar.value);
    const [from, to] = end >= one ? [one, end] : [end, one];
    const right = end >= one;
    body.push(
      `<text class="cc-label" x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escape(bar.label)}</text>`,
      `<rect class="cc-s${bar.series % SERIES}" x="${round(from)}" y="${y + 3}" width="${round(Math.max(1, to - from))}" height="${rowHeight - 6}" rx="2"/>`,
      `<text class="cc-value" x="${round(right ? to + 4 : from - 4)}" y="${y + 13}" text-anchor="${right ? "start" : "end"}">${bar.value.toFixed(2)}x</text>`,
    );
  });
  const height = top + shown.length * rowHeight + 10;
  body.push(
    `<line class="cc-one" x1="${round(one)}" y1="${top - 4}" x2="${round(one)}" y2="${height - 6}"/>`,
  );
  return svg(title, height, body);
}

export interface Series {
  readonly label: string;
  /** y values, one per x. */
  readonly values: readonly number[];
}

/** Axis ticks for a log scale: 1, 2, 5 times powers of ten within [low, high]. */
export function logTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (
    let p = Math.floor(Math.log10(low));
    p <= Math.ceil(Math.log10(high));
    p++
  )
    for (const m of [1, 2, 5]) {
      const tick = m * 10 ** p;
      if (tick >= low && tick <= high) ticks.push(tick);
    }
  return ticks;
}

/** Up to six ticks from 0 to `high`, at a step of 1, 2 or 5 times a power of ten. */
export function linearTicks(high: number): number[] {
  if (!(high > 0)) return [0];
  const rough = high / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let tick = 0; tick <= high + step / 1e6; tick += step)
    ticks.push(Number(tick.toPrecision(6)));
  return ticks;
}

function tickText(value: number): string {
  return value >= 1000
    ? `${value / 1000}k`
    : Number(value.toPrecision(2)).toString();
}

/**
 * Lines on a log x axis: each series a polyline with a dot per point, and
 * its label in a legend. `x` is shared; points that are not finite are
 * left out.
 */
export function lines(
  title: string,
  xs: readonly number[],
  series: readonly Series[],
  axes: { x: string; y: string; yLog?: boolean },
): string {
  const left = 56;
  const right = WIDTH - LEGEND;
  const top = 30;
  const bottom = 250;
  const points = series.flatMap((s) =>
    s.values.map((y, i) => ({ x: xs[i]!, y })),
  );
  const finite = points.filter(
    (p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x > 0,
  );
  const xLow = Math.min(...finite.map((p) => p.x));
  const xHigh = Math.max(...finite.map((p) => p.x));
  const yValues = finite.map((p) => p.y).filter((y) => !axes.yLog || y > 0);
  const yLow = axes.yLog ? Math.min(...yValues) : 0;
  const yHigh = Math.max(...yValues) * (axes.yLog ? 1 : 1.1);
  const scale = (value: number, low: number, high: number, log: boolean) =>
    high === low
      ? 0.5
      : log
        ? (Math.log10(value) - Math.log10(low)) /
          (Math.log10(high) - Math.log10(low))
        : (value - low) / (high - low);
  const px = (value: number) =>
    round(left + scale(value, xLow, xHigh, true) * (right - left));
  const py = (value: number) =>
    round(
      bottom - scale(value, yLow, yHigh, axes.yLog ?? false) * (bottom - top),
    );
  const body: string[] = [
    `<line class="cc-axis" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`,
    `<line class="cc-axis" x1="${left}" y1="${top}" x2="${left}" y2="${bottom}"/>`,
    `<text class="cc-label" x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle">${escape(axes.x)}</text>`,
    `<text class="cc-label" x="12" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(top + bottom) / 2})">${escape(axes.y)}</text>`,
  ];
  for (const tick of logTicks(xLow, xHigh))
    body.push(
      `<text class="cc-tick" x="${px(tick)}" y="${bottom + 16}" text-anchor="middle">${tickText(tick)}</text>`,
    );
  const yTicks = axes.yLog ? logTicks(yLow, yHigh) : linearTicks(yHigh);
  for (const tick of yTicks)
    body.push(
      `<text class="cc-tick" x="${left - 6}" y="${py(tick) + 4}" text-anchor="end">${tickText(tick)}</text>`,
    );
  series.forEach((s, i) => {
    const cls = `cc-s${i % SERIES}`;
    const at = s.values
      .map((y, j) => ({ x: xs[j]!, y }))
      .filter(
        (p) => Number.isFinite(p.y) && p.x > 0 && (!axes.yLog || p.y > 0),
      );
    body.push(
      `<polyline class="${cls} cc-line" points="${at.map((p) => `${px(p.x)},${py(p.y)}`).join(" ")}"/>`,
      ...at.map(
        (p) => `<circle class="${cls}" cx="${px(p.x)}" cy="${py(p.y)}" r="3"/>`,
      ),
      `<rect class="${cls}" x="${right + 16}" y="${top + i * 20}" width="12" height="12" rx="2"/>`,
      `<text class="cc-label" x="${right + 34}" y="${top + i * 20 + 11}">${escape(s.label)}</text>`,
    );
  });
  return svg(title, bottom + 44, body);
}

/**
 * Latency distributions: for each series, the share of messages (y, %)
 * that arrived within x ms (log scale), from the percentiles the compare
 * tool keeps.
 */
export function distributions(
  title: string,
  percentiles: readonly number[],
  series: readonly Series[],
  labels: Pick<ChartLabels, "latencyAxis" | "percentileAxis">,
): string {
  // A cumulative curve is the lines chart with its axes the other way:
  // x the latency at each percentile, y the percentile.
  const left = 56;
  const right = WIDTH - LEGEND;
  const top = 30;
  const bottom = 250;
  const all = series
    .flatMap((s) => s.values)
    .filter((v) => v > 0 && Number.isFinite(v));
  const low = Math.min(...all);
  const high = Math.max(...all);
  const px = (ms: number) =>
    round(
      left +
        (high === low
          ? 0.5
          : (Math.log10(ms) - Math.log10(low)) /
            (Math.log10(high) - Math.log10(low))) *
          (right - left),
    );
  const py = (p: number) => round(bottom - (p / 100) * (bottom - top));
  const body: string[] = [
    `<line class="cc-axis" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`,
    `<line class="cc-axis" x1="${left}" y1="${top}" x2="${left}" y2="${bottom}"/>`,
    `<text class="cc-label" x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle">${escape(labels.latencyAxis)}</text>`,
    `<text class="cc-label" x="12" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(top + bottom) / 2})">${escape(labels.percentileAxis)}</text>`,
  ];
  for (const tick of logTicks(low, high))
    body.push(
      `<text class="cc-tick" x="${px(tick)}" y="${bottom + 16}" text-anchor="middle">${tickText(tick)}</text>`,
    );
  for (const p of [0, 50, 90, 99])
    body.push(
      `<text class="cc-tick" x="${left - 6}" y="${py(p) + 4}" text-anchor="end">${p}</text>`,
    );
  series.forEach((s, i) => {
    const cls = `cc-s${i % SERIES}`;
    const at = s.values
      .map((ms, j) => ({ ms, p: percentiles[j]! }))
      .filter((point) => point.ms > 0 && Number.isFinite(point.ms));
    body.push(
      `<polyline class="${cls} cc-line" points="${at.map((point) => `${px(point.ms)},${py(point.p)}`).join(" ")}"/>`,
      `<rect class="${cls}" x="${right + 16}" y="${top + i * 20}" width="12" height="12" rx="2"/>`,
      `<text class="cc-label" x="${right + 34}" y="${top + i * 20 + 11}">${escape(s.label)}</text>`,
    );
  });
  return svg(title, bottom + 44, body);
}

/** What the charts read of the compare tool's JSON (docs/data/compare.json). */
export interface ComparisonData {
  readonly transports: ReadonlyArray<{
    readonly label: string;
    readonly demo: { readonly latencyDistributionMs?: readonly number[] };
    readonly bare: { readonly latencyDistributionMs?: readonly number[] };
    readonly ratios: {
      readonly heapPerConnection: number;
      readonly rssPerConnection: number;
      readonly bytesPerPush: number;
    };
  }>;
  readonly across?: ReadonlyArray<{
    readonly label: string;
    readonly ratios: Ratios;
  }>;
  readonly knobs?: ReadonlyArray<{
    readonly label: string;
    readonly ratios: Ratios;
  }>;
  readonly sweep?: ReadonlyArray<{
    readonly clients: number;
    readonly servers: ReadonlyArray<{
      readonly label: string;
      readonly heapPerConnection: number;
      readonly connectAllMs: number;
      readonly latencyP50Ms: number;
    }>;
  }>;
  readonly rooms?: {
    readonly transports: ReadonlyArray<{
      readonly label: string;
      readonly latencyDistributionMs: readonly number[];
    }>;
    readonly twoProcesses: ReadonlyArray<{
      readonly label: string;
      readonly latencyDistributionMs: readonly number[];
    }>;
  } | null;
  /** compare's `clientDownload` (absent in files written before it). */
  readonly clientDownload?: ClientDownloadData | null;
  /** compare's `sse` (absent in files written before it). */
  readonly sse?: SseData | null;
}

interface Ratios {
  readonly heapPerConnection: number;
  readonly bytesPerPush: number;
  readonly handshakeBytesWritten: number;
  readonly latencyP50: number;
}

/** The percentiles the compare tool keeps a distribution at (its DISTRIBUTION_PERCENTILES). */
export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99, 100] as const;

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
