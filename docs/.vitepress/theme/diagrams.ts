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
      { from: 2, to: 1, label: "retry after ~0.5 s: refused", dashed: true },
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
