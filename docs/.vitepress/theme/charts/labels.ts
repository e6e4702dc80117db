// The charts' words in each locale: titles, axes, and the measures' names.
import type { Locale } from "../i18n.js";

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
