// Two tables of the Measured page, built from the compare tool's JSON:
// what each demo's pages make the browser download, and the Server-Sent
// Events baseline. Every cell is a figure of the data, formatted, or a
// word of the locale: nothing is typed by hand. The component
// (MeasuredTable.vue) only renders what these return, so that a test can
// read the same cells.
import type { Locale } from "./i18n.js";

/** One page's scripts, summed (compare's PageDownload). */
export interface PageDownloadData {
  readonly page: string;
  readonly served: number;
  readonly transferred: number;
  readonly unminified: number;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
}

/**
 * Set when the object was measured by another run than the rest of the
 * file (merged in): the command, when, and with what load.
 */
export interface MeasuredApart {
  readonly measuredBy?: string;
  readonly measuredAt?: string;
  readonly options?: {
    readonly clients: number;
    readonly intervalMs: number;
    readonly windowMs: number;
  };
}

export interface ClientDownloadData extends MeasuredApart {
  readonly ws: PageDownloadData & { readonly rooms: PageDownloadData };
  readonly socketio: PageDownloadData & { readonly rooms: PageDownloadData };
}

export interface SseData extends MeasuredApart {
  readonly label: string;
  readonly heapPerConnection: number;
  readonly bytesPerPush: number;
  readonly expectedBytesPerPush: number;
  readonly bytesPerReply: number;
  readonly bytesPerReplyAnswer: number | null;
  readonly connectP50Ms: number;
  readonly connectP99Ms: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly lastEventIdResume: boolean;
  readonly resume: {
    readonly missed: number;
    readonly replayed: number;
    readonly replayedWithoutHeader: number;
  } | null;
  readonly againstWsBare: {
    readonly heapPerConnection: number;
    readonly bytesPerPush: number;
    readonly bytesPerReply: number;
    readonly connectAll: number;
  } | null;
}

export interface Table {
  /**
   * Where the figures come from, when not from the run the page's header
   * names: the words before the command, the command, the words after.
   */
  readonly note: readonly [string, string, string] | null;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

const bytes = (value: number) => Math.round(value).toLocaleString("en-US");
const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : "n/a";
const ratio = (value: number) =>
  Number.isFinite(value) ? `${value.toFixed(2)}x` : "n/a";

const words = {
  en: {
    measuredBy: (command: string, on: string) => [
      "Measured apart from the rest of this page, by ",
      command,
      ` on ${on}`,
    ],
    load: (o: NonNullable<MeasuredApart["options"]>) =>
      `: ${o.clients} clients, a push every ${o.intervalMs} ms, measured for ${o.windowMs / 1000} s`,
    page: "page",
    served: "served (bytes)",
    transferred: "over the wire today",
    unminified: "with socket.io.js, unminified",
    minified: "minified",
    gzip: "minified + gzip",
    brotli: "minified + brotli",
    pushPage: "Lesson 1, /",
    roomsPage: "Lesson 2, /rooms",
    figure: "figure",
    againstWs: "against ws bare",
    heap: "heap per connection",
    push: "bytes per push (the arithmetic's)",
    reply: "bytes per reply: the POST / its answer",
    connect: "connect p50 / p99 (ms)",
    latency: "push latency p50 / p99 (ms)",
    resume: "back with Last-Event-ID",
    resumed: (missed: number, replayed: number, without: number) =>
      `resumed: ${replayed} of ${missed} missed pushes replayed (${without} without the header)`,
    notResumed: (missed: number, replayed: number) =>
      `NOT resumed: ${replayed} of ${missed} missed pushes replayed`,
    notRun: "not run",
  },
  ko: {
    measuredBy: (command: string, on: string) => [
      "이 페이지의 나머지와 따로 측정한 수치입니다. 명령 ",
      command,
      `, ${on}`,
    ],
    load: (o: NonNullable<MeasuredApart["options"]>) =>
      `: 클라이언트 ${o.clients}개, ${o.intervalMs} ms마다 푸시 한 번, ${o.windowMs / 1000}초 동안 측정`,
    page: "페이지",
    served: "제공되는 크기 (바이트)",
    transferred: "지금 실제로 전송되는 크기",
    unminified: "최소화 안 한 socket.io.js일 때",
    minified: "최소화(minify)",
    gzip: "최소화 + gzip",
    brotli: "최소화 + brotli",
    pushPage: "1강, /",
    roomsPage: "2강, /rooms",
    figure: "지표",
    againstWs: "ws 기준선 대비",
    heap: "연결당 힙",
    push: "푸시당 바이트 (계산값)",
    reply: "답장당 바이트: POST / 그 응답",
    connect: "연결 p50 / p99 (ms)",
    latency: "푸시 지연 p50 / p99 (ms)",
    resume: "Last-Event-ID로 다시 붙기",
    resumed: (missed: number, replayed: number, without: number) =>
      `이어짐: 놓친 푸시 ${missed}개 중 ${replayed}개를 다시 받음 (헤더 없이는 ${without}개)`,
    notResumed: (missed: number, replayed: number) =>
      `이어지지 않음: 놓친 푸시 ${missed}개 중 ${replayed}개만 다시 받음`,
    notRun: "실행 안 함",
  },
} satisfies Record<Locale, unknown>;

/** Where an object merged in from another run came from, in the locale's words. */
function noteOf(data: MeasuredApart, locale: Locale): Table["note"] {
  if (!data.measuredBy) return null;
  const w = words[locale];
  const [before, command, after] = w.measuredBy(
    data.measuredBy,
    (data.measuredAt ?? "").slice(0, 10),
  );
  return [
    before!,
    command!,
    `${after!}${data.options ? w.load(data.options) : ""}.`,
  ];
}

/** Per page and transport: the scripts' bytes, as served and as production would send them. */
export function clientDownloadTable(
  data: ClientDownloadData,
  locale: Locale,
): Table {
  const w = words[locale];
  const pages = [
    [`ws, ${w.pushPage}`, data.ws],
    [`Socket.IO, ${w.pushPage}`, data.socketio],
    [`ws, ${w.roomsPage}`, data.ws.rooms],
    [`Socket.IO, ${w.roomsPage}`, data.socketio.rooms],
  ] as const;
  return {
    note: noteOf(data, locale),
    header: [
      w.page,
      w.served,
      w.transferred,
      w.unminified,
      w.minified,
      w.gzip,
      w.brotli,
    ],
    rows: pages.map(([name, page]) => [
      name,
      bytes(page.served),
      bytes(page.transferred),
      bytes(page.unminified),
      bytes(page.minified),
      bytes(page.gzip),
      bytes(page.brotli),
    ]),
  };
}

/** The SSE baseline's lesson 1 figures, with its ratio to the ws baseline where one means something. */
export function sseTable(data: SseData, locale: Locale): Table {
  const w = words[locale];
  const against = data.againstWsBare;
  const resume = data.resume;
  return {
    note: noteOf(data, locale),
    header: [w.figure, data.label, w.againstWs],
    rows: [
      [
        w.heap,
        kb(data.heapPerConnection),
        against ? ratio(against.heapPerConnection) : "",
      ],
      [
        w.push,
        `${fixed(data.bytesPerPush, 2)} (${fixed(data.expectedBytesPerPush, 2)})`,
        against ? ratio(against.bytesPerPush) : "",
      ],
      [
        w.reply,
        `${fixed(data.bytesPerReply, 2)} / ${fixed(data.bytesPerReplyAnswer ?? Number.NaN, 2)}`,
        against ? ratio(against.bytesPerReply) : "",
      ],
      [
        w.connect,
        `${fixed(data.connectP50Ms, 1)} / ${fixed(data.connectP99Ms, 1)}`,
        "",
      ],
      [
        w.latency,
        `${fixed(data.latencyP50Ms, 1)} / ${fixed(data.latencyP99Ms, 1)}`,
        "",
      ],
      [
        w.resume,
        !resume
          ? w.notRun
          : data.lastEventIdResume
            ? w.resumed(
                resume.missed,
                resume.replayed,
                resume.replayedWithoutHeader,
              )
            : w.notResumed(resume.missed, resume.replayed),
        "",
      ],
    ],
  };
}
