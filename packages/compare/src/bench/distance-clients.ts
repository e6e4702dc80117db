// Lesson 1's clients for the network with distance: each comes back by
// itself after a drop, as its page does, and notes when things happen
// (open, each message) for the figures to be taken from afterwards.
//
// ws: the page's reconnect policy (apps/ws-demo/src/client/main.ts, which
// is browser code and not importable), redone here as recovery.ts does:
// 0.5 s doubling to 10 s, each delay shortened at random by up to half.
// Socket.IO: socket.io-client's own reconnection with its defaults, as the
// page uses it (1 s doubling to 5 s, +/- 50 %). SSE: EventSource's way,
// a fixed delay and the Last-Event-ID header; the standard leaves the
// delay to the browser, Chromium's is 3 s, and the SSE baseline sends
// no `retry:` to change it.
import { Agent } from "node:http";
import { io } from "socket.io-client";
import { WebSocket } from "ws";
import { openEventStream } from "./event-stream.js";

export type DistanceTransport =
  "ws" | "socket.io" | "socket.io-websocket" | "sse";

/** When things happened to one client, in performance.now() ms. */
export interface Timeline {
  readonly startedAt: number;
  /** Each time the connection was up: ws open, Socket.IO connect, SSE 200. */
  readonly opens: number[];
  /** Each message from the server (welcome and news). */
  readonly messages: number[];
  /** Each news (a push). */
  readonly news: number[];
}

export interface ComingBackClient {
  readonly timeline: Timeline;
  stop(): void;
}

/** The page's reconnect policy on ws (see the file's head). */
const WS_RECONNECT_BASE_MS = 500;
const WS_RECONNECT_MAX_MS = 10_000;
/** Chromium's EventSource reconnection time, when the server sets none. */
export const EVENT_SOURCE_RETRY_MS = 3000;

function freshTimeline(): Timeline {
  return { startedAt: performance.now(), opens: [], messages: [], news: [] };
}

function wsClient(port: number, localAddress?: string): ComingBackClient {
  const timeline = freshTimeline();
  let attempt = 0;
  let stopped = false;
  let current: WebSocket | undefined;
  let timer: NodeJS.Timeout | undefined;
  const open = () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, {
      perMessageDeflate: false,
      ...(localAddress ? { localAddress } : {}),
    });
    current = ws;
    ws.on("error", () => {});
    ws.on("open", () => {
      attempt = 0;
      timeline.opens.push(performance.now());
    });
    ws.on("message", (data: Buffer) => {
      const at = performance.now();
      timeline.messages.push(at);
      if (data.toString("utf8").startsWith('{"event":"news"'))
        timeline.news.push(at);
    });
    ws.on("close", () => {
      if (stopped) return;
      attempt += 1;
      const ceiling = Math.min(
        WS_RECONNECT_MAX_MS,
        WS_RECONNECT_BASE_MS * 2 ** (attempt - 1),
      );
      timer = setTimeout(open, ceiling / 2 + Math.random() * (ceiling / 2));
    });
  };
  open();
  return {
    timeline,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      current?.terminate();
    },
  };
}

function socketIoClient(
  port: number,
  websocketOnly: boolean,
  localAddress?: string,
): ComingBackClient {
  const timeline = freshTimeline();
  const agent = new Agent({ keepAlive: true, localAddress });
  const socket = io(`http://127.0.0.1:${port}`, {
    path: "/socket.io",
    transports: websocketOnly ? ["websocket"] : ["polling", "websocket"],
    forceNew: true,
    // Polling requests go through the agent, the WebSocket through localAddress.
    agent: agent as unknown as string,
    ...(localAddress ? { localAddress } : {}),
  } as Parameters<typeof io>[1]);
  socket.on("connect", () => timeline.opens.push(performance.now()));
  socket.on("welcome", () => timeline.messages.push(performance.now()));
  socket.on("news", () => {
    const at = performance.now();
    timeline.messages.push(at);
    timeline.news.push(at);
  });
  return {
    timeline,
    stop: () => {
      socket.close();
      agent.destroy();
    },
  };
}

function sseClient(port: number, localAddress?: string): ComingBackClient {
  const timeline = freshTimeline();
  let stopped = false;
  let lastEventId = "";
  let close: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const retry = () => {
    if (!stopped) timer = setTimeout(open, EVENT_SOURCE_RETRY_MS);
  };
  const open = () => {
    openEventStream(`http://127.0.0.1:${port}/events`, {
      ...(localAddress ? { localAddress } : {}),
      ...(lastEventId ? { lastEventId } : {}),
      onEvent: (event) => {
        const at = performance.now();
        timeline.messages.push(at);
        if (event.type === "news") timeline.news.push(at);
        lastEventId = event.lastEventId;
      },
    }).then((stream) => {
      timeline.opens.push(performance.now());
      close = () => stream.close();
      if (stopped) stream.close();
      void stream.ended.then(retry);
    }, retry);
  };
  open();
  return {
    timeline,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      close?.();
    },
  };
}

/** A client of `transport` on `port` that comes back by itself. */
export function startComingBackClient(
  transport: DistanceTransport,
  port: number,
  localAddress?: string,
): ComingBackClient {
  switch (transport) {
    case "ws":
      return wsClient(port, localAddress);
    case "socket.io":
    case "socket.io-websocket":
      return socketIoClient(
        port,
        transport === "socket.io-websocket",
        localAddress,
      );
    case "sse":
      return sseClient(port, localAddress);
  }
}
