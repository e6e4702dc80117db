// A client process for the compare tool: opens its share of the clients,
// answers every push as the demo pages do, and reports what it saw. Run
// with child_process.fork; all talk is over IPC.
import { Agent, request } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import * as msgpackParser from "socket.io-msgpack-parser";
import { WebSocket } from "ws";
import { openEventStream } from "./event-stream.js";
import {
  enginePacketFrameBytes,
  NewsPacketQueue,
  serverSentEventBytes,
  websocketFrameBytes,
} from "./frames.js";
import type {
  ConnectReport,
  SettleReport,
  WindowReport,
  WorkerCommand,
  WorkerConfig,
} from "./client-protocol.js";
import { sourceAddress } from "./source-addresses.js";

interface Client {
  close(): Promise<void>;
}

// How long a client may take to connect before it counts as failed. The
// libraries' defaults differ (ws waits forever, Socket.IO gives up after
// 20 s): on a busy 2-core machine 10 000 Socket.IO clients, 100 at a time,
// took minutes and their slowest well over 20 s, and the run failed on
// the bench's own patience, not on the server. Both wait the same here.
const CONNECT_TIMEOUT_MS = 120_000;

interface NewsData {
  readonly seq: number;
  readonly sentAt: number;
}

// Between window-start and window-end: record pushes and reply to them.
let recording = false;
// After window-end: still record pushes stamped up to here, without replying.
let recordUntil: number | undefined;
let window = freshWindow();
const lastSeen = new Map<
  number,
  { seq: number; at: number; sentAt: number; inWindow: boolean }
>();
const clients: Client[] = [];
// Client indexes run on across connect commands: the compare tool
// connects in two halves to measure memory per connection as a slope.
let nextIndex = 0;
let newsReceived = 0;
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
// Socket.IO clients that started on polling: the byte window waits for
// their upgrade, so that every push it counts went over WebSocket.
const pendingUpgrades: Array<Promise<void>> = [];

function freshWindow() {
  return {
    gapsMs: [] as number[],
    sentGapsMs: [] as number[],
    latencyMs: [] as number[],
    lost: 0,
    // Per push: when the server sent it, and what it cost.
    sent: [] as Array<{ sentAt: number; pushBytes: number }>,
    // Every reply sent while recording, and what they cost.
    replies: 0,
    replyBytes: 0,
  };
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Bookkeeping for one push received by client `index`. Returns whether to
 * answer it: clients reply only while recording, so that every byte the
 * server reads in the window is a reply the clients counted (`replied`).
 */
function onNews(
  index: number,
  news: NewsData,
  pushFrameBytes: number,
): boolean {
  const at = now();
  newsReceived += 1;
  const previous = lastSeen.get(index);
  const inWindow =
    recording || (recordUntil !== undefined && news.sentAt <= recordUntil);
  lastSeen.set(index, { seq: news.seq, at, sentAt: news.sentAt, inWindow });
  if (!inWindow) return false;
  window.sent.push({ sentAt: news.sentAt, pushBytes: pushFrameBytes });
  window.latencyMs.push(at - news.sentAt);
  // Gaps between two pushes of the window only: the one before it may
  // have arrived while hundreds of clients were still connecting.
  if (previous?.inWindow) {
    const missed = Math.max(0, news.seq - previous.seq - 1);
    window.lost += missed;
    // A gap across a lost push is two intervals: counted as lost, not late.
    if (missed === 0) {
      window.gapsMs.push(at - previous.at);
      window.sentGapsMs.push(news.sentAt - previous.sentAt);
    }
  }
  return recording;
}

/** A reply sent while recording, and the bytes of its frame. */
function replied(replyFrameBytes: number): void {
  window.replies += 1;
  window.replyBytes += replyFrameBytes;
}

function connectWs(
  index: number,
  config: WorkerConfig,
  localAddress: string | undefined,
): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${config.port}/ws`, {
    handshakeTimeout: CONNECT_TIMEOUT_MS,
    ...(localAddress ? { localAddress } : {}),
  });
  return new Promise((resolve, reject) => {
    ws.on("error", reject);
    ws.on("message", (data: Buffer) => {
      const text = data.toString("utf8");
      const message = JSON.parse(text) as { event: string; data: NewsData };
      if (message.event === "welcome") {
        resolve({
          close: () =>
            new Promise<void>((done) => {
              ws.once("close", () => done());
              ws.close();
            }),
        });
        return;
      }
      const reply = JSON.stringify({
        event: "reply",
        data: { seq: message.data.seq, text: `got #${message.data.seq}` },
      });
      // With permessage-deflate (a tuning row) the frame on the wire is
      // smaller than this: that row's bytes are not checked.
      const answer = onNews(
        index,
        message.data,
        websocketFrameBytes(data.length, false),
      );
      if (answer) {
        ws.send(reply);
        replied(websocketFrameBytes(Buffer.byteLength(reply), true));
      }
    });
  });
}

function connectSocketIo(
  index: number,
  config: WorkerConfig,
  localAddress: string | undefined,
): Promise<Client> {
  const websocketOnly = config.transport === "socket.io-websocket";
  const socket: Socket = io(`http://127.0.0.1:${config.port}`, {
    path: "/socket.io",
    transports: websocketOnly ? ["websocket"] : ["polling", "websocket"],
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
    // Polling requests go through the agent, the WebSocket through localAddress.
    agent: new Agent({ localAddress, keepAlive: true }) as unknown as string,
    ...(localAddress ? { localAddress } : {}),
    ...(config.parser === "msgpack" ? { parser: msgpackParser } : {}),
  } as Parameters<typeof io>[1]);
  const newsPackets = new NewsPacketQueue();
  return new Promise((resolve, reject) => {
    socket.on("connect_error", reject);
    socket.io.on("open", () => {
      const engine = socket.io.engine;
      // The exact text of each incoming Socket.IO packet, for the byte check.
      engine.on("packet", (packet: { type: string; data?: unknown }) => {
        if (packet.type === "message")
          newsPackets.received(
            packet.data as string | ArrayBuffer,
            isMsgpackNews,
          );
      });
      // What the client writes, as it writes it: the reply's frame size.
      engine.on("packetCreate", (packet: { type: string; data?: unknown }) => {
        if (packet.type === "message")
          lastPacketBytes = enginePacketFrameBytes(
            packet.data as string | ArrayBuffer,
            true,
          );
      });
      if (engine.transport.name !== "websocket") {
        pendingUpgrades.push(
          new Promise((upgraded) => engine.once("upgrade", () => upgraded())),
        );
      }
    });
    socket.once("welcome", () =>
      resolve({
        close: () => {
          socket.disconnect();
          return Promise.resolve();
        },
      }),
    );
    let lastPacketBytes = 0;
    socket.on("news", (news: NewsData) => {
      const answer = onNews(index, news, newsPackets.frameBytesOfNextNews());
      if (!answer) return;
      lastPacketBytes = 0;
      // Written at once (the client is connected), so packetCreate has run.
      socket.emit("reply", { seq: news.seq, text: `got #${news.seq}` });
      replied(lastPacketBytes);
    });
  });
}

async function connectSse(
  index: number,
  config: WorkerConfig,
  localAddress: string | undefined,
): Promise<Client> {
  const origin = `http://127.0.0.1:${config.port}`;
  // The page's fetch() reuses one kept-alive connection for its POSTs, as
  // a browser does: a second connection per client, beside the stream.
  // (Node's fetch costs the client processes so much CPU that, at a few
  // thousand replies a second, they fell seconds behind the pushes.)
  const posts = new Agent({ keepAlive: true, maxSockets: 1, localAddress });
  let welcomed: () => void;
  const welcome = new Promise<void>((resolve) => (welcomed = resolve));
  const stream = await openEventStream(`${origin}/events`, {
    localAddress,
    onEvent: (event) => {
      if (event.type === "welcome") return welcomed();
      if (event.type !== "news") return;
      const news = JSON.parse(event.data) as NewsData;
      if (!onNews(index, news, serverSentEventBytes(event.text))) return;
      // A reply is a request of its own. Its size is the HTTP client's
      // headers plus the body: measured on the server, not predicted
      // (replied(0)).
      const body = JSON.stringify({ seq: news.seq, text: `got #${news.seq}` });
      const post = request(`${origin}/reply`, {
        method: "POST",
        agent: posts,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      });
      post.on("response", (answer) => answer.resume());
      post.on("error", () => {});
      post.end(body);
      replied(0);
    },
  });
  await welcome;
  return {
    close: () => {
      stream.close();
      posts.destroy();
      return stream.ended;
    },
  };
}

/** Whether a msgpack-encoded Socket.IO packet is a "news" event. */
function isMsgpackNews(binary: ArrayBuffer | ArrayBufferView): boolean {
  let event: unknown;
  const decoder = new msgpackParser.Decoder();
  decoder.on("decoded", (packet: { data?: unknown[] }) => {
    event = packet.data?.[0];
  });
  decoder.add(binary);
  return event === "news";
}

async function connectAll(config: WorkerConfig): Promise<ConnectReport> {
  const connectMs: number[] = [];
  const failures: string[] = [];
  let started = 0;
  async function lane(): Promise<void> {
    while (started < config.count) {
      started += 1;
      const index = nextIndex++;
      const localAddress = config.source
        ? sourceAddress(config.source, index)
        : undefined;
      const start = performance.now();
      try {
        const client =
          config.transport === "ws"
            ? await connectWs(index, config, localAddress)
            : config.transport === "sse"
              ? await connectSse(index, config, localAddress)
              : await connectSocketIo(index, config, localAddress);
        connectMs.push(performance.now() - start);
        clients.push(client);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  }
  await Promise.all(Array.from({ length: config.concurrency }, lane));
  return { type: "connected", connectMs, failures, newsReceived };
}

process.on("message", (command: WorkerCommand) => {
  void (async () => {
    switch (command.type) {
      case "connect":
        process.send!(await connectAll(command.config));
        break;
      case "settle":
        await Promise.race([
          Promise.all(pendingUpgrades),
          new Promise((resolve) => setTimeout(resolve, 10_000)),
        ]);
        process.send!({ type: "settled", newsReceived } satisfies SettleReport);
        break;
      case "window-start":
        window = freshWindow();
        delay.reset();
        recording = true;
        recordUntil = undefined;
        process.send!({ type: "window-started" });
        break;
      case "window-end":
        recording = false;
        recordUntil = command.to;
        process.send!({ type: "window-ended" });
        break;
      case "window-report": {
        // The server counted bytes between two snapshots; the pushes it
        // wrote in that time are exactly those stamped in between.
        const inWindow = window.sent.filter(
          ({ sentAt }) => sentAt >= command.from && sentAt <= command.to,
        );
        const report: WindowReport = {
          type: "window",
          gapsMs: window.gapsMs,
          sentGapsMs: window.sentGapsMs,
          latencyMs: window.latencyMs,
          pushes: window.sent.length,
          lost: window.lost,
          pushesInServerWindow: inWindow.length,
          expectedPushBytes: inWindow.reduce(
            (total, push) => total + push.pushBytes,
            0,
          ),
          replies: window.replies,
          expectedReplyBytes: window.replyBytes,
          eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
          eventLoopDelayMaxMs: delay.max / 1e6,
        };
        process.send!(report);
        break;
      }
      case "close":
        recordUntil = undefined;
        await Promise.all(clients.splice(0).map((client) => client.close()));
        process.send!({ type: "closed" });
        break;
    }
  })();
});
