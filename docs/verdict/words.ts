// The words of the verdict's decision table, in each locale: the questions
// and the text around each figure. Each locale has every key (TypeScript
// holds them together).
import type { Locale } from "../.vitepress/theme/i18n.js";

export type Words = Readonly<Record<string, string>>;

/** The table's words. Each locale has every key (TypeScript holds them together). */
export const WORDS = {
  en: {
    code: "Code you write (Lesson 2's server, lines)",
    download: "What the browser downloads",
    memory: "Memory per connection (Lesson 1) and per room member (Lesson 2)",
    cpu: "Server CPU per 1000 deliveries (Lesson 2's burst)",
    latency: "Latency, p50: connect; push (Lesson 1); room delivery (Lesson 2)",
    bytes: "Bytes on the wire: per push; handshake",
    reconnect: "Reconnect and catch-up",
    acks: "Acknowledgements",
    rooms: "Rooms",
    processes: "More than one process",
    otherClients: "Non-JavaScript clients",
    proxies: "Proxies that block WebSocket",
    lockIn: "Lock-in",
    linesOfRegions: "in its regions; the whole files:",
    ofWhich: "of which rooms:",
    acksLines: "lines, written by hand",
    builtIn: "built in",
    sseCode:
      "not built here: an event stream per client and a POST route per request; you would write what ws's column counts, on HTTP (",
    sseCodeLink: "Lesson 1's push and replies",
    close: ")",
    nativeWs: "the browser's WebSocket, plus the page's own reconnect code:",
    served: "served:",
    minified: "minified:",
    gzip: "gzip:",
    brotli: "brotli:",
    wsDownloadTodo:
      "nothing to download for the socket itself (native WebSocket); the page adds its own reconnect code (",
    ioDownloadTodo:
      "the socket.io.js client the server serves, unminified today (",
    downloadNotMeasured: "); not measured in the stored run",
    sseDownload:
      "nothing: EventSource and fetch are built into the browser, reconnect included",
    perConnection: "per connection",
    perMember: "per member",
    against: "Socket.IO / ws:",
    sseMemory: "per connection (bare SSE baseline)",
    sseMemoryTodo:
      "not measured in the stored run: a bare SSE server holds one open HTTP response per client; compare with ws's bare baseline (",
    sseNoRooms:
      "no rooms: you would keep room membership by hand, as ws does (",
    cpuOneRun: "one run stored: no direction drawn",
    higherEveryRun: "higher in every stored run",
    lowerEveryRun: "lower in every stored run",
    runsDisagree: "the stored runs fall on both sides: no direction drawn",
    burst: "burst deliveries a second, Socket.IO / ws:",
    sseCpu:
      "no rooms here, so no deliveries measured: the fan-out would be ws's loop over response streams (",
    connect: "connect",
    push: "push",
    room: "room",
    sseLatencyTodo:
      "not measured in the stored run: one HTTP request that stays open, no upgrade (",
    sseLatency: "(bare SSE baseline; push and room latency not measured)",
    perPush: "per push",
    handshake: "handshake, written",
    httpRequests: "HTTP requests before the WebSocket",
    sseBytes: "per push (bare SSE baseline)",
    sseBytesTodo:
      "not measured in the stored run: each push is a line starting data: in one long HTTP response (",
    wsReconnectText:
      "by hand: the page reconnects with a growing, random wait, and joins each room again with the last id it saw (",
    wsReconnectLink: "Lesson 1, ws, step 7",
    and: ";",
    wsCatchUpLink: "Lesson 2, on reconnect",
    backAfterRestart: "Back after a restart:",
    ioReconnectText:
      "built in: the client reconnects by itself, and connection state recovery replays what a client missed while the server keeps its session (",
    ioReconnectLink: "Lesson 1, Socket.IO, step 8",
    sseReconnectText:
      "built into EventSource: it reconnects by itself and sends the last event's id as Last-Event-ID; the server must keep and replay what came after it (",
    sseResumed: "Resuming by Last-Event-ID: checked in the stored run.",
    sseResumeFailed: "Resuming by Last-Event-ID: failed in the stored run.",
    sseResumeTodo: "Resuming: not measured in the stored run.",
    wsAcks: "by hand: an id in each request, a timeout on the page (",
    ioAcks: "built in: a callback as the last argument of emit (",
    sseAcks:
      "the replies go by fetch, and each POST's response is its acknowledgement; a push has none unless you add a request back (",
    wsRooms: "by hand: a map of room to members (",
    ioRooms: "built in: socket.join(room), io.to(room).emit (",
    sseRooms: "none: you would build ws's map of room to open responses (",
    wsProcesses:
      "by hand: Redis pub/sub and a script that keeps history and fan-out in one step (",
    ioProcesses:
      "an adapter (Redis streams) does the fan-out and recovery; clients that start on polling need sticky sessions (",
    twoProcesses: "Heap per member on two processes, Socket.IO / ws:",
    sseProcesses:
      "as ws: a pub/sub between processes, by hand; each stream stays on one process, and a POST may land on any (",
    wsOther:
      "any WebSocket client of any language (the protocol is a standard,",
    wsOtherLink: "the rooms protocol",
    wsOtherFrames: "); the JSON frames are the app's own (",
    lines: "lines",
    rfc: "RFC 6455",
    ioOther:
      "a Socket.IO client library for that language; a plain WebSocket client cannot talk to it (",
    factsLink: "facts below",
    sseOther: "any HTTP client: a GET that reads lines, a POST to reply",
    wsProxies:
      "no fallback: if a proxy drops the Upgrade, the page cannot connect (",
    wsProxiesLink: "a proxy that drops Upgrade",
    ioProxies: "keeps working on HTTP long-polling, and upgrades when it can (",
    sseProxies:
      "plain HTTP: passes where HTTP passes; a proxy that buffers responses delays each push until its buffer fills",
    wsLockIn:
      "none on the wire (a standard); your message format is yours to document",
    ioLockIn:
      "both ends speak Socket.IO: server and every client move together, version for version (",
    sseLockIn: "none: EventSource is a web standard, and replies are fetch",
  },
  ko: {
    code: "직접 쓰는 코드 (2강 서버, 줄 수)",
    download: "브라우저가 내려받는 것",
    memory: "연결당 메모리(1강)와 채팅방 멤버당 메모리(2강)",
    cpu: "전달 1000건당 서버 CPU (2강의 버스트)",
    latency: "지연 p50: 연결, 푸시(1강), 채팅방 전달(2강)",
    bytes: "네트워크 바이트: 푸시당, 핸드셰이크",
    reconnect: "재연결과 놓친 메시지 따라잡기",
    acks: "확인 응답",
    rooms: "채팅방",
    processes: "프로세스 여러 개",
    otherClients: "자바스크립트가 아닌 클라이언트",
    proxies: "웹소켓을 막는 프록시",
    lockIn: "종속",
    linesOfRegions: "줄(영역 안), 파일 전체:",
    ofWhich: "그중 채팅방:",
    acksLines: "줄, 직접 작성",
    builtIn: "내장",
    sseCode:
      "여기서는 만들지 않았습니다: 클라이언트마다 이벤트 스트림 하나, 요청마다 POST 경로 하나. ws 열이 센 것을 HTTP 위에 직접 쓰게 됩니다 (",
    sseCodeLink: "1강의 푸시와 응답",
    close: ")",
    nativeWs: "브라우저의 WebSocket과 페이지가 직접 쓴 재연결 코드:",
    served: "지금 서빙:",
    minified: "압축(minify):",
    gzip: "gzip:",
    brotli: "brotli:",
    wsDownloadTodo:
      "소켓 자체는 내려받을 것이 없습니다(브라우저 내장 WebSocket). 페이지가 재연결 코드를 직접 더합니다 (",
    ioDownloadTodo:
      "서버가 서빙하는 socket.io.js 클라이언트, 지금은 minify하지 않은 파일 (",
    downloadNotMeasured: "). 저장된 실행에서는 측정하지 않았습니다",
    sseDownload:
      "없음: EventSource와 fetch는 브라우저에 내장되어 있고 재연결도 들어 있습니다",
    perConnection: "연결당",
    perMember: "멤버당",
    against: "Socket.IO / ws:",
    sseMemory: "연결당 (bare SSE 기준 서버)",
    sseMemoryTodo:
      "저장된 실행에서는 측정하지 않았습니다. bare SSE 서버는 클라이언트마다 열린 HTTP 응답 하나를 쥡니다. ws의 bare 기준 서버와 비교해 보세요 (",
    sseNoRooms: "채팅방 없음: ws처럼 방 멤버를 직접 관리하게 됩니다 (",
    cpuOneRun:
      "저장된 실행이 하나뿐이라 어느 쪽이 더 드는지 결론 내리지 않습니다",
    higherEveryRun: "저장된 모든 실행에서 더 높음",
    lowerEveryRun: "저장된 모든 실행에서 더 낮음",
    runsDisagree: "저장된 실행들이 양쪽으로 갈려 방향을 말하지 않습니다",
    burst: "몰아서 보낼 때 초당 전달 수, Socket.IO / ws:",
    sseCpu:
      "채팅방이 없어 전달을 측정하지 않았습니다. 팬아웃은 ws처럼 응답 스트림을 도는 루프가 됩니다 (",
    connect: "연결",
    push: "푸시",
    room: "채팅방",
    sseLatencyTodo:
      "저장된 실행에서는 측정하지 않았습니다. 열린 채로 있는 HTTP 요청 하나이고 업그레이드가 없습니다 (",
    sseLatency: "(bare SSE 기준 서버. 푸시와 채팅방 지연은 측정하지 않음)",
    perPush: "푸시당",
    handshake: "핸드셰이크, 보낸 바이트",
    httpRequests: "웹소켓 전 HTTP 요청 수",
    sseBytes: "푸시당 (bare SSE 기준 서버)",
    sseBytesTodo:
      "저장된 실행에서는 측정하지 않았습니다. 푸시 하나는 긴 HTTP 응답 속 data:로 시작하는 줄 하나입니다 (",
    wsReconnectText:
      "직접 구현: 페이지가 점점 길어지는 무작위 대기로 재연결하고, 마지막으로 본 id로 각 채팅방에 다시 입장합니다 (",
    wsReconnectLink: "1강 ws 7단계",
    and: ";",
    wsCatchUpLink: "2강, 재연결할 때",
    backAfterRestart: "재시작 후 복귀:",
    ioReconnectText:
      "내장: 클라이언트가 스스로 재연결하고, 연결 상태 복구가 서버가 세션을 보관하는 동안 놓친 메시지를 다시 보냅니다 (",
    ioReconnectLink: "1강 Socket.IO 8단계",
    sseReconnectText:
      "EventSource에 내장: 스스로 재연결하고 마지막 이벤트의 id를 Last-Event-ID로 보냅니다. 그 뒤의 것을 보관했다가 다시 보내는 일은 서버 몫입니다 (",
    sseResumed: "Last-Event-ID로 이어받기: 저장된 실행에서 확인됨.",
    sseResumeFailed: "Last-Event-ID로 이어받기: 저장된 실행에서 실패.",
    sseResumeTodo: "이어받기: 저장된 실행에서는 측정하지 않았습니다.",
    wsAcks: "직접 구현: 요청마다 id, 페이지에는 타임아웃 (",
    ioAcks: "내장: emit의 마지막 인자로 콜백 (",
    sseAcks:
      "응답은 fetch로 보내고 POST의 응답이 곧 확인 응답입니다. 푸시에는 요청을 따로 보내지 않는 한 확인 응답이 없습니다 (",
    wsRooms: "직접 구현: 방 이름에서 멤버로 가는 맵 (",
    ioRooms: "내장: socket.join(room), io.to(room).emit (",
    sseRooms: "없음: ws처럼 방에서 열린 응답으로 가는 맵을 직접 만듭니다 (",
    wsProcesses:
      "직접 구현: Redis pub/sub, 그리고 기록과 팬아웃을 한 번에 하는 스크립트 (",
    ioProcesses:
      "어댑터(Redis 스트림)가 팬아웃과 복구를 맡습니다. 폴링으로 시작하는 클라이언트에는 스티키 세션이 필요합니다 (",
    twoProcesses: "프로세스 두 개에서 멤버당 힙, Socket.IO / ws:",
    sseProcesses:
      "ws와 같음: 프로세스 사이 pub/sub을 직접. 스트림은 한 프로세스에 머물고 POST는 어느 프로세스로든 갈 수 있습니다 (",
    wsOther: "어느 언어의 웹소켓 클라이언트든 됩니다(프로토콜은 표준,",
    wsOtherLink: "채팅방 프로토콜",
    wsOtherFrames: "). JSON 프레임 형식은 앱이 정한 것입니다 (",
    lines: "줄",
    rfc: "RFC 6455",
    ioOther:
      "그 언어의 Socket.IO 클라이언트 라이브러리가 필요합니다. 평범한 웹소켓 클라이언트는 접속할 수 없습니다 (",
    factsLink: "아래 사실 목록",
    sseOther: "어떤 HTTP 클라이언트든: 줄을 읽는 GET 하나, 응답은 POST",
    wsProxies:
      "대안 없음: 프록시가 Upgrade를 떨어뜨리면 페이지는 연결하지 못합니다 (",
    wsProxiesLink: "Upgrade를 떨어뜨리는 프록시",
    ioProxies: "HTTP 롱 폴링으로 계속 동작하다가 가능할 때 업그레이드합니다 (",
    sseProxies:
      "평범한 HTTP: HTTP가 지나가는 곳이면 지나갑니다. 응답을 버퍼에 모으는 프록시는 버퍼가 찰 때까지 푸시를 늦춥니다",
    wsLockIn:
      "네트워크 형식에는 없음(표준). 메시지 형식은 직접 정하고 문서로 남겨야 합니다",
    ioLockIn:
      "양쪽 모두 Socket.IO를 씁니다. 서버와 모든 클라이언트가 버전을 맞춰 함께 움직여야 합니다 (",
    sseLockIn: "없음: EventSource는 웹 표준이고 응답은 fetch입니다",
  },
} as const satisfies Record<Locale, Words>;

export type Key = keyof (typeof WORDS)["en"];
