// The Measured page's "network with distance": tables and charts built
// from the compare tool's `network` object (docs/data/compare.json,
// written by `compare --scenario all`, or alone by `--scenario network`). Every cell is a figure of the
// data, formatted, or a word of the locale; the component
// (NetworkDistance.vue) only renders what these return, so that a test
// can read the same cells.
import { distributions } from "./charts/distributions.js";
import type { Locale } from "./i18n.js";
import type { Table } from "./measured-tables.js";

/** A distribution over many clients, in ms (compare's Spread). */
export interface SpreadData {
  readonly n: number;
  readonly p50: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  readonly samples: readonly number[];
}

export interface NetworkData {
  readonly commit: string | null;
  readonly options: {
    readonly delaysMs: readonly number[];
    readonly clients: number;
    readonly outageMs: number;
    readonly pushIntervalMs: number;
    readonly eventSourceRetryMs: number;
  };
  readonly push: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly byDelay: ReadonlyArray<{
      readonly delayMs: number;
      readonly connected: SpreadData;
      readonly firstPush: SpreadData;
      readonly reconnected: SpreadData;
      readonly firstMessageAfterOutage: SpreadData;
      readonly lost: number;
    }>;
  }>;
  readonly rooms: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly byDelay: ReadonlyArray<{
      readonly delayMs: number;
      readonly said: number;
      readonly caughtUp: SpreadData;
      readonly lost: number;
    }>;
  }>;
}

const words = {
  en: {
    transport: "transport",
    rooms: "rooms",
    delay: "each way",
    connected: "connected p50 / p90",
    firstPush: "first push p50 / p90",
    afterOutage:
      "first message after the outage: p50 / p90 (fastest to slowest)",
    caughtUp: "caught up after the outage: p50 / p90 (fastest to slowest)",
    said: "said meanwhile",
    lost: "not back",
    names: {
      ws: "ws demo",
      "socket.io": "Socket.IO demo, polling first",
      "socket.io-websocket": "Socket.IO demo, WebSocket only",
      sse: "SSE baseline",
      "ws rooms": "ws demo",
      "socket.io rooms": "Socket.IO demo",
    } as Record<string, string>,
    startChart: (delay: number) =>
      `From the start to the first push, ${delay} ms each way: share of clients within x ms`,
    outageChart: (delay: number, outage: number) =>
      `After a ${outage} s outage, ${delay} ms each way: share of clients back (rooms: caught up) within x ms`,
    axis: "ms (log scale)",
    share: "% of clients",
    roomsSeries: (name: string) => `${name} rooms, caught up`,
  },
  ko: {
    transport: "전송 방식",
    rooms: "채팅방",
    delay: "한 방향 지연",
    connected: "연결 p50 / p90",
    firstPush: "첫 푸시 p50 / p90",
    afterOutage:
      "끊김이 끝난 뒤 첫 메시지: p50 / p90 (가장 빠른 것부터 가장 느린 것까지)",
    caughtUp:
      "끊김이 끝난 뒤 따라잡기: p50 / p90 (가장 빠른 것부터 가장 느린 것까지)",
    said: "그동안 올라온 메시지",
    lost: "돌아오지 못함",
    names: {
      ws: "ws 데모",
      "socket.io": "Socket.IO 데모, 폴링부터",
      "socket.io-websocket": "Socket.IO 데모, WebSocket만",
      sse: "SSE 기준선",
      "ws rooms": "ws 데모",
      "socket.io rooms": "Socket.IO 데모",
    } as Record<string, string>,
    startChart: (delay: number) =>
      `클라이언트 시작부터 첫 푸시까지, 한 방향 ${delay} ms: x ms 안에 받은 클라이언트 비율`,
    outageChart: (delay: number, outage: number) =>
      `${outage}초 끊김 뒤, 한 방향 ${delay} ms: x ms 안에 돌아온 클라이언트 비율 (채팅방: 따라잡기)`,
    axis: "ms (로그 눈금)",
    share: "클라이언트 비율(%)",
    roomsSeries: (name: string) => `${name} 채팅방, 따라잡기`,
  },
} satisfies Record<Locale, unknown>;

const ms = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "n/a";
const pair = (s: SpreadData) =>
  s.n === 0 ? "n/a" : `${ms(s.p50)} / ${ms(s.p90)}`;
const range = (s: SpreadData) =>
  s.n === 0 ? "n/a" : `${ms(s.p50)} / ${ms(s.p90)} (${ms(s.min)}–${ms(s.max)})`;

/** Lesson 1 at each delay: the start, and the return after the outage. */
export function networkPushTable(data: NetworkData, locale: Locale): Table {
  const w = words[locale];
  return {
    note: null,
    header: [
      w.transport,
      w.delay,
      w.connected,
      w.firstPush,
      w.afterOutage,
      w.lost,
    ],
    rows: data.push.flatMap((row) =>
      row.byDelay.map((f) => [
        w.names[row.id] ?? row.label,
        `${f.delayMs} ms`,
        pair(f.connected),
        pair(f.firstPush),
        range(f.firstMessageAfterOutage),
        String(f.lost),
      ]),
    ),
  };
}

/** Lesson 2 at each delay: how long until a member that was away holds everything. */
export function networkRoomsTable(data: NetworkData, locale: Locale): Table {
  const w = words[locale];
  return {
    note: null,
    header: [w.rooms, w.delay, w.said, w.caughtUp, w.lost],
    rows: data.rooms.flatMap((row) =>
      row.byDelay.map((f) => [
        w.names[`${row.id} rooms`] ?? row.label,
        `${f.delayMs} ms`,
        String(f.said),
        range(f.caughtUp),
        String(f.lost),
      ]),
    ),
  };
}

/** The percentiles each curve is drawn at, from the samples. */
const CURVE_PERCENTILES = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

function atPercentiles(samples: readonly number[]): number[] {
  const sorted = [...samples].sort((a, b) => a - b);
  return CURVE_PERCENTILES.map((p) => {
    if (sorted.length === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
  });
}

/** The charts at the largest delay: the start, and the return after the outage. */
export function networkCharts(
  data: NetworkData,
  locale: Locale,
): Array<{ id: string; svg: string }> {
  const w = words[locale];
  const delay = Math.max(...data.options.delaysMs);
  const at = <T extends { delayMs: number }>(rows: readonly T[]) =>
    rows.find((f) => f.delayMs === delay);
  const labels = { latencyAxis: w.axis, percentileAxis: w.share };
  const start = data.push.flatMap((row) => {
    const f = at(row.byDelay);
    return f
      ? [
          {
            label: w.names[row.id] ?? row.label,
            values: atPercentiles(f.firstPush.samples),
          },
        ]
      : [];
  });
  const back = [
    ...data.push.flatMap((row) => {
      const f = at(row.byDelay);
      return f
        ? [
            {
              label: w.names[row.id] ?? row.label,
              values: atPercentiles(f.firstMessageAfterOutage.samples),
            },
          ]
        : [];
    }),
    ...data.rooms.flatMap((row) => {
      const f = at(row.byDelay);
      return f
        ? [
            {
              label: w.roomsSeries(w.names[`${row.id} rooms`] ?? row.label),
              values: atPercentiles(f.caughtUp.samples),
            },
          ]
        : [];
    }),
  ];
  return [
    {
      id: "network-start",
      svg: distributions(w.startChart(delay), CURVE_PERCENTILES, start, labels),
    },
    {
      id: "network-outage",
      svg: distributions(
        w.outageChart(delay, data.options.outageMs / 1000),
        CURVE_PERCENTILES,
        back,
        labels,
      ),
    },
  ];
}
