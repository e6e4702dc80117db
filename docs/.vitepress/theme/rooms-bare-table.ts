// The Measured page's table of lesson 2 against bare rooms servers, built
// from docs/data/compare.json's rooms: each demo, its bare baseline, and
// the demo over the baseline, from one run of the compare tool. Every cell is
// a figure of the data, formatted, or a word of the locale. MeasuredTable
// renders what this returns, so that a test can read the same cells.
import type { Locale } from "./i18n.js";
import type { Table } from "./measured-tables.js";

/** The figures of one rooms server that the table shows (compare's RoomsFigures). */
export interface RoomsServerData {
  readonly label: string;
  readonly server: string;
  readonly cpuMsPer1000Deliveries: number;
  readonly heapPerMember: number;
  readonly burstDeliveriesPerSecond: number;
  readonly latencyP99Ms: number;
}

/** One demo over its baseline (compare's RoomsDemoOverBare). */
export interface RoomsDemoOverBareData {
  readonly label: string;
  readonly cpuPer1000Deliveries: number;
  readonly heapPerMember: number;
  readonly burstDeliveriesPerSecond: number;
  readonly latencyP99: number;
  readonly overTarget: ReadonlyArray<"cpu" | "heap">;
  readonly buys: string | null;
}

/** The rooms object of docs/data/compare.json, with the run's date. */
export interface RoomsBareData {
  readonly measuredAt: string;
  readonly options: {
    readonly rooms: number;
    readonly members: number;
    readonly sayEveryMs: number;
    readonly says: number;
    readonly burst: number;
  };
  /** The demos, in the order of `bare`. */
  readonly transports: readonly RoomsServerData[];
  readonly bare: readonly RoomsServerData[];
  readonly demoOverBare: readonly RoomsDemoOverBareData[];
}

/**
 * The goal the compare tool sets each demo (its ROOMS_BARE_TARGET in
 * packages/compare/src/report/ratios.ts, which a test holds this to).
 */
export const ROOMS_BARE_TARGET = 1.2;

const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : "n/a";
const whole = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "n/a";
const ratio = (value: number) =>
  Number.isFinite(value) ? `${value.toFixed(2)}x` : "n/a";

const koreanBuys: Readonly<Record<string, string>> = {
  "ws-demo":
    "모든 프레임의 검증, 따라잡기를 위한 방의 기록, 연결별·주소별 속도 제한, " +
    "보낼 때마다 느린 멤버를 걸러 내는 장치, 접속자 목록과 입장·퇴장 알림",
  "socketio-demo":
    "검증 미들웨어, 따라잡기를 위한 방의 기록, 연결 상태 복구(메시지마다 " +
    "붙는 오프셋, 방의 브로드캐스트를 2분 동안 보관), 연결별·주소별 속도 " +
    "제한, 접속자 목록과 입장·퇴장 알림",
};

const words = {
  en: {
    note: (data: RoomsBareData) => [
      "Measured in the run of the rest of this page, ",
      "",
      `on ${data.measuredAt.slice(0, 10)}: ` +
        `${data.options.rooms} rooms of ${data.options.members} members, each saying once every ` +
        `${data.options.sayEveryMs} ms, ${data.options.says} times, then ${data.options.burst} at once.`,
    ],
    server: "server",
    demo: (label: string) => `${label} demo`,
    bare: (label: string) => `${label} bare`,
    cpu: "server CPU per 1000 deliveries, in the burst (ms)",
    heap: "heap per member",
    burst: "burst: deliveries per second",
    p99: "say to delivery p99 (ms)",
    buys: `over ${ROOMS_BARE_TARGET}x on CPU or heap: what the difference buys`,
    within: `within ${ROOMS_BARE_TARGET}x`,
    over: { cpu: "CPU", heap: "heap" },
    /** The compare tool's own sentence, as the JSON carries it. */
    whatBuys: (ratios: RoomsDemoOverBareData, _server: string) =>
      ratios.buys ?? "",
  },
  ko: {
    note: (data: RoomsBareData) => [
      "이 페이지의 다른 표와 같은 실행에서 측정한 수치입니다",
      "",
      `(${data.measuredAt.slice(0, 10)}). ` +
        `채팅방 ${data.options.rooms}개, 방마다 멤버 ${data.options.members}명. 멤버마다 ` +
        `${data.options.sayEveryMs} ms에 한 번씩 ${data.options.says}번 말하고, 이어서 ` +
        `${data.options.burst}번을 한꺼번에 말합니다.`,
    ],
    server: "서버",
    demo: (label: string) => `${label} 데모`,
    bare: (label: string) => `${label} 베어`,
    cpu: "전달 1000건당 서버 CPU, 버스트 중 (ms)",
    heap: "멤버당 힙",
    burst: "버스트: 초당 전달 수",
    p99: "say부터 전달까지 p99 (ms)",
    buys: `CPU나 힙이 ${ROOMS_BARE_TARGET}배를 넘을 때: 그 차이로 얻는 것`,
    within: `${ROOMS_BARE_TARGET}배 이내`,
    over: { cpu: "CPU", heap: "힙" },
    /** The compare tool's sentence (roomsDemoBuys), in Korean. */
    whatBuys: (ratios: RoomsDemoOverBareData, server: string) =>
      koreanBuys[server] ?? ratios.buys ?? "",
  },
} satisfies Record<Locale, unknown>;

/** Per transport: its demo, its bare baseline, and demo / bare with what the difference buys. */
export function roomsBareTable(data: RoomsBareData, locale: Locale): Table {
  const w = words[locale];
  const [before, command, after] = w.note(data);
  const figures = (name: string, f: RoomsServerData) => [
    name,
    fixed(f.cpuMsPer1000Deliveries, 1),
    kb(f.heapPerMember),
    whole(f.burstDeliveriesPerSecond),
    fixed(f.latencyP99Ms, 2),
    "",
  ];
  return {
    note: [before!, command!, after!],
    header: [w.server, w.cpu, w.heap, w.burst, w.p99, w.buys],
    rows: data.transports.flatMap((demo, i) => {
      const bare = data.bare[i];
      const ratios = data.demoOverBare[i];
      if (!bare || !ratios) return [];
      return [
        figures(w.demo(demo.label), demo),
        figures(w.bare(demo.label), bare),
        [
          `${w.demo(demo.label)} / ${w.bare(demo.label)}`,
          ratio(ratios.cpuPer1000Deliveries),
          ratio(ratios.heapPerMember),
          ratio(ratios.burstDeliveriesPerSecond),
          ratio(ratios.latencyP99),
          ratios.overTarget.length === 0
            ? w.within
            : `${ratios.overTarget.map((o) => w.over[o]).join(", ")}: ${w.whatBuys(ratios, demo.server)}`,
        ],
      ];
    }),
  };
}
