// The site's diagrams, as data: <Diagram name="…" /> draws one. Each
// describes what the demos do; the pages say which code it belongs to.
export const stateDiagrams = {
  "ws-lifecycle": {
    title:
      "A ws WebSocket: its four readyStates (ws's constants) and the events between them",
    width: 800,
    height: 240,
    states: [
      { id: "connecting", label: "0 CONNECTING", x: 110, y: 60 },
      { id: "open", label: "1 OPEN", x: 400, y: 60 },
      { id: "closing", label: "2 CLOSING", x: 400, y: 190 },
      { id: "closed", label: "3 CLOSED", x: 690, y: 190 },
    ],
    edges: [
      { from: "connecting", to: "open", label: "'open'" },
      {
        from: "open",
        to: "closing",
        label: "close(), or a close frame",
        dx: 100,
      },
      { from: "connecting", to: "closing", label: "handshake fails", dx: -60 },
      {
        from: "closing",
        to: "closed",
        label: "'close' (code, reason)",
        dy: 30,
      },
    ],
  },
  "socketio-lifecycle": {
    title:
      "A Socket.IO client: connected or not, on which transport, and its own reconnection",
    width: 800,
    height: 240,
    states: [
      { id: "connecting", label: "connecting", x: 110, y: 60 },
      { id: "polling", label: "connected, polling", x: 400, y: 60 },
      { id: "websocket", label: "connected, websocket", x: 690, y: 60 },
      { id: "disconnected", label: "disconnected", x: 400, y: 190 },
    ],
    edges: [
      { from: "connecting", to: "polling", label: "'connect'" },
      { from: "polling", to: "websocket", label: "'upgrade'" },
      {
        from: "websocket",
        to: "disconnected",
        label: "'disconnect' (reason)",
        dx: 70,
      },
      {
        from: "disconnected",
        to: "connecting",
        label: "backoff, then retry",
        dx: -70,
      },
    ],
  },
} as const;

export const sequenceDiagrams = {
  "ws-upgrade": {
    title:
      "The upgrade: one HTTP request becomes a WebSocket (ws-demo's router decides)",
    actors: ["browser page", "Node HTTP server", "ws (noServer)"],
    steps: [
      { from: 0, to: 1, label: "GET /ws, Upgrade: websocket" },
      { from: 1, to: 1, label: "'upgrade' event, not 'request'" },
      { from: 1, to: 2, label: "path and Origin ok: handleUpgrade()" },
      { from: 2, to: 0, label: "101 Switching Protocols", dashed: true },
      { from: 2, to: 2, label: "'connection' (ws, request)" },
      { from: 0, to: 0, label: "'open': readyState 1" },
      { from: 2, to: 0, label: 'frame {"event":"welcome",…}' },
      { from: 0, to: 2, label: 'masked frame {"event":"reply",…}' },
    ],
  },
  "ws-shutdown": {
    title: "Ctrl-C on ws-demo: clients first, then the HTTP server",
    actors: ["terminal", "ws-demo", "browser page"],
    steps: [
      { from: 0, to: 1, label: "Ctrl-C (SIGINT)" },
      { from: 1, to: 2, label: "close frame 1001" },
      { from: 2, to: 1, label: "close frame (answer)", dashed: true },
      { from: 2, to: 2, label: "CLOSED (code 1001)" },
      { from: 1, to: 1, label: "no answer in 0.5 s? terminate()" },
      { from: 1, to: 1, label: "server.close(): 'stopped', exit 0" },
      {
        from: 2,
        to: 1,
        label: "retry after 0.25-0.5 s: refused",
        dashed: true,
      },
      { from: 2, to: 2, label: "CLOSED (code 1006), countdown" },
    ],
  },
  "ws-redis-say": {
    title:
      "Lesson 3 on ws: ann (process A) says hello to bob (process B), by hand",
    actors: ["ann's page", "ws-demo A", "Redis", "ws-demo B", "bob's page"],
    steps: [
      { from: 0, to: 1, label: '{"event":"say",…,"ack":2}' },
      { from: 1, to: 2, label: "EVAL say: XADD history + PUBLISH" },
      { from: 2, to: 1, label: "the stream id", dashed: true },
      { from: 1, to: 0, label: '{"event":"ack","ack":2,…}' },
      { from: 2, to: 1, label: "pub/sub: the message", dashed: true },
      { from: 2, to: 3, label: "pub/sub: the message", dashed: true },
      { from: 1, to: 0, label: '{"event":"message",…}' },
      { from: 3, to: 4, label: '{"event":"message",…}' },
    ],
  },
  "socketio-redis-say": {
    title:
      "Lesson 3 on Socket.IO: ann (process A) says hello to bob (process B), with the streams adapter",
    actors: [
      "ann's page",
      "socketio-demo A",
      "Redis",
      "socketio-demo B",
      "bob's page",
    ],
    steps: [
      { from: 0, to: 1, label: '42/rooms,1["say",…]' },
      { from: 1, to: 2, label: "EVAL append: XADD history" },
      { from: 2, to: 1, label: "the stream id", dashed: true },
      { from: 1, to: 0, label: "43/rooms,1[{ok,id,at}]" },
      { from: 1, to: 2, label: "rooms.to(room).emit: XADD socket.io" },
      { from: 2, to: 1, label: "the stream offset", dashed: true },
      { from: 1, to: 0, label: '42/rooms,["message",…]' },
      { from: 3, to: 2, label: "XREAD (waiting)" },
      { from: 2, to: 3, label: "the entry", dashed: true },
      { from: 3, to: 4, label: '42/rooms,["message",…]' },
    ],
  },
} as const;

/**
 * The diagrams' words in Korean, keyed by the English text (titles, state
 * and actor names, edge and step labels). Code, events and numbers stay as
 * they are in the code. test/i18n.test.ts fails when a label has no entry.
 */
export const diagramTextKo: Readonly<Record<string, string>> = {
  // ws-lifecycle
  "A ws WebSocket: its four readyStates (ws's constants) and the events between them":
    "ws의 웹소켓: 네 가지 readyState(ws의 상수)와 그 사이의 이벤트",
  "0 CONNECTING": "0 CONNECTING(연결 중)",
  "1 OPEN": "1 OPEN(연결됨)",
  "2 CLOSING": "2 CLOSING(닫는 중)",
  "3 CLOSED": "3 CLOSED(닫힘)",
  "'open'": "'open'",
  "close(), or a close frame": "close() 호출 또는 close 프레임",
  "handshake fails": "핸드셰이크 실패",
  "'close' (code, reason)": "'close' (code, reason)",
  // socketio-lifecycle
  "A Socket.IO client: connected or not, on which transport, and its own reconnection":
    "Socket.IO 클라이언트: 연결 여부, 사용 중인 전송 방식, 그리고 내장 재연결",
  connecting: "연결 중",
  "connected, polling": "연결됨, 폴링",
  "connected, websocket": "연결됨, 웹소켓",
  disconnected: "연결 끊김",
  "'connect'": "'connect'",
  "'upgrade'": "'upgrade'",
  "'disconnect' (reason)": "'disconnect' (reason)",
  "backoff, then retry": "백오프 후 재시도",
  // ws-upgrade
  "The upgrade: one HTTP request becomes a WebSocket (ws-demo's router decides)":
    "업그레이드: HTTP 요청 하나가 웹소켓이 된다 (ws-demo의 라우터가 결정)",
  "browser page": "브라우저 페이지",
  "Node HTTP server": "Node HTTP 서버",
  "ws (noServer)": "ws (noServer)",
  "GET /ws, Upgrade: websocket": "GET /ws, Upgrade: websocket",
  "'upgrade' event, not 'request'": "'request' 아닌 'upgrade' 이벤트",
  "path and Origin ok: handleUpgrade()": "경로와 Origin 통과: handleUpgrade()",
  "101 Switching Protocols": "101 Switching Protocols",
  "'connection' (ws, request)": "'connection' (ws, request)",
  "'open': readyState 1": "'open': readyState 1",
  'frame {"event":"welcome",…}': '프레임 {"event":"welcome",…}',
  'masked frame {"event":"reply",…}': '마스킹된 프레임 {"event":"reply",…}',
  // ws-shutdown
  "Ctrl-C on ws-demo: clients first, then the HTTP server":
    "ws-demo에서 Ctrl-C: 클라이언트를 먼저, 그다음 HTTP 서버를 닫는다",
  terminal: "터미널",
  "ws-demo": "ws-demo",
  "Ctrl-C (SIGINT)": "Ctrl-C (SIGINT)",
  "close frame 1001": "close 프레임 1001",
  "close frame (answer)": "close 프레임 (응답)",
  "CLOSED (code 1001)": "CLOSED (code 1001)",
  "no answer in 0.5 s? terminate()": "0.5초 내 무응답: terminate()",
  "server.close(): 'stopped', exit 0": "server.close(): 'stopped', exit 0",
  "retry after 0.25-0.5 s: refused": "0.25~0.5초 뒤 재시도: 거부됨",
  "CLOSED (code 1006), countdown": "CLOSED (code 1006), 카운트다운",
  // ws-redis-say
  "Lesson 3 on ws: ann (process A) says hello to bob (process B), by hand":
    "ws의 3강: 프로세스 A의 ann이 프로세스 B의 bob에게 인사, 직접 구현",
  "ann's page": "ann의 페이지",
  "ws-demo A": "ws-demo A",
  Redis: "Redis",
  "ws-demo B": "ws-demo B",
  "bob's page": "bob의 페이지",
  '{"event":"say",…,"ack":2}': '{"event":"say",…,"ack":2}',
  "EVAL say: XADD history + PUBLISH": "EVAL say: 기록에 XADD + PUBLISH",
  "the stream id": "스트림 id",
  '{"event":"ack","ack":2,…}': '{"event":"ack","ack":2,…}',
  "pub/sub: the message": "pub/sub: 메시지",
  '{"event":"message",…}': '{"event":"message",…}',
  // socketio-redis-say
  "Lesson 3 on Socket.IO: ann (process A) says hello to bob (process B), with the streams adapter":
    "Socket.IO의 3강: 프로세스 A의 ann이 프로세스 B의 bob에게 인사, 스트림 어댑터로",
  "socketio-demo A": "socketio-demo A",
  "socketio-demo B": "socketio-demo B",
  '42/rooms,1["say",…]': '42/rooms,1["say",…]',
  "EVAL append: XADD history": "EVAL append: 기록에 XADD",
  "43/rooms,1[{ok,id,at}]": "43/rooms,1[{ok,id,at}]",
  "rooms.to(room).emit: XADD socket.io":
    "rooms.to(room).emit: socket.io 스트림에 XADD",
  "the stream offset": "스트림 오프셋",
  '42/rooms,["message",…]': '42/rooms,["message",…]',
  "XREAD (waiting)": "XREAD (대기 중)",
  "the entry": "새 항목",
};

/** Every text a diagram shows, for the test that each has a translation. */
export function diagramTexts(): string[] {
  return [
    ...Object.values(stateDiagrams).flatMap((diagram) => [
      diagram.title,
      ...diagram.states.map((state) => state.label),
      ...diagram.edges.map((edge) => edge.label),
    ]),
    ...Object.values(sequenceDiagrams).flatMap((diagram) => [
      diagram.title,
      ...diagram.actors,
      ...diagram.steps.map((step) => step.label),
    ]),
  ];
}

/** The wire recordings' titles (docs/data/wire-*.json) in Korean; test/i18n.test.ts checks each has one. */
export const wireTitlesKo: Readonly<Record<string, string>> = {
  "ws: one upgrade, then frames": "ws: 업그레이드 한 번, 그다음은 프레임",
  "Socket.IO: long-polling first, then the upgrade":
    "Socket.IO: 먼저 롱 폴링, 그다음 업그레이드",
  "Socket.IO, websocket only: one upgrade, then packets in frames":
    "Socket.IO, 웹소켓 전용: 업그레이드 한 번, 그다음 프레임 안의 패킷",
  "ws: a join and a message, frames written by hand":
    "ws: 입장과 메시지 하나, 손으로 짠 프레임",
  "Socket.IO (websocket only): a join and a message in the /rooms namespace":
    "Socket.IO (웹소켓 전용): /rooms 네임스페이스에서 입장과 메시지 하나",
};
