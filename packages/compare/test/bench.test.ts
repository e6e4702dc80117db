import { describe, expect, it } from "vitest";
import { Encoder } from "socket.io-msgpack-parser";
import {
  engineMessageFrameBytes,
  enginePacketFrameBytes,
  NewsPacketQueue,
  websocketFrameBytes,
} from "../src/bench/frames.js";
import { percentile } from "../src/bench/percentiles.js";
import { format } from "prettier";
import { byteCheck, checksFor } from "../src/report/checks.js";
import { comparisonJson } from "../src/report/json.js";
import type { Comparison } from "../src/report/model.js";
import { extraTables } from "../src/report/more-tables.js";
import { roomsDemoOverBare } from "../src/report/ratios.js";
import type { RoomsFigures } from "../src/bench/rooms-figures.js";
import type { ServerFigures } from "../src/bench/server-figures.js";

describe("protocol arithmetic", () => {
  it.each([
    [0, false, 2],
    [125, false, 127],
    [126, false, 130],
    [65_535, false, 65_539],
    [65_536, false, 65_546],
    [125, true, 131],
    [126, true, 134],
    [65_536, true, 65_550],
  ])(
    "a %i-byte payload from the %s side takes %i bytes",
    (payload, fromClient, expected) => {
      expect(websocketFrameBytes(payload, fromClient)).toBe(expected);
    },
  );

  it("frames socket.emit('news', 'Hello Socket.IO') as 42[...] in one text frame", () => {
    const packet = `2${JSON.stringify(["news", "Hello Socket.IO"])}`;
    // 42["news","Hello Socket.IO"] is 28 bytes: + 2 header bytes, + 4 more for the mask
    expect(engineMessageFrameBytes(packet, false)).toBe(30);
    expect(engineMessageFrameBytes(packet, true)).toBe(34);
  });
});

describe("protocol arithmetic, lesson 2 and the tuning rows", () => {
  it("frames a rooms message with its recovery offset as 42/rooms,[...] in one text frame", () => {
    const packet = `2/rooms,${JSON.stringify(["message", { room: "a", id: "1-1", name: "m0", text: "hi", at: 1 }, "1-0"])}`;
    // "4" + 80 bytes of packet: a 2-byte header from the server, 6 from a client
    expect(Buffer.byteLength(packet)).toBe(80);
    expect(enginePacketFrameBytes(packet, false)).toBe(83);
    expect(enginePacketFrameBytes(packet, true)).toBe(87);
  });

  it("sends a msgpack packet as it is, in a binary frame, without the 4", () => {
    const [binary] = new Encoder().encode({
      type: 2,
      nsp: "/",
      data: ["news", { seq: 1, text: "Hello from the server", sentAt: 0.5 }],
    }) as unknown as [Buffer];
    expect(enginePacketFrameBytes(binary, false)).toBe(binary.length + 2);
    expect(enginePacketFrameBytes(binary, true)).toBe(binary.length + 6);
  });

  it("charges a binary news packet only when the parser says it is one", () => {
    const queue = new NewsPacketQueue();
    const binary = Buffer.alloc(60);
    queue.received(binary); // no decoder given: not a push
    queue.received(binary, () => true);
    expect(queue.frameBytesOfNextNews()).toBe(62);
    expect(queue.frameBytesOfNextNews()).toBe(0);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("news packets, each charged its own size", () => {
  const news = (seq: number, sentAt: number) =>
    `2${JSON.stringify(["news", { seq, text: "Hello Socket.IO", sentAt }])}`;

  it("pairs two pushes read in one go with their own packets, in order", () => {
    // A busy client: both packets arrive before either event is delivered.
    const queue = new NewsPacketQueue();
    const first = news(10, 1795915628304.6982);
    const second = news(11, 1795915628404.749);
    queue.received(first);
    queue.received(second);
    expect(queue.frameBytesOfNextNews()).toBe(
      engineMessageFrameBytes(first, false),
    );
    expect(queue.frameBytesOfNextNews()).toBe(
      engineMessageFrameBytes(second, false),
    );
    expect(engineMessageFrameBytes(first, false)).not.toBe(
      engineMessageFrameBytes(second, false),
    );
  });

  it("skips packets that are not pushes, and charges 0 for a push it never saw", () => {
    const queue = new NewsPacketQueue();
    queue.received('0{"sid":"abc"}');
    queue.received(`2${JSON.stringify(["welcome", { id: "x" }])}`);
    expect(queue.frameBytesOfNextNews()).toBe(0);
  });
});

describe("byte check", () => {
  // 1,000 pushes of 75.437 bytes on average, by the arithmetic.
  const expected = 75_437;

  it("passes when the server wrote exactly what the arithmetic expects", () => {
    const check = byteCheck(
      "Socket.IO / socketio-bare",
      "push",
      expected,
      1000,
      expected,
    );
    expect(check.ok).toBe(true);
    expect(check.detail).toBe(
      "measured 75,437 B for 1,000 pushes, expected 75,437 B: 0 B off",
    );
  });

  it("fails one extra byte, and says so in integers", () => {
    const check = byteCheck(
      "Socket.IO / socketio-bare",
      "push",
      expected + 1,
      1000,
      expected,
    );
    expect(check.ok).toBe(false);
    expect(check.detail).toBe(
      "measured 75,438 B for 1,000 pushes, expected 75,437 B: 1 B off (more than expected)",
    );
  });

  it("fails one missing frame", () => {
    // The server wrote one push fewer than the clients counted.
    const oneFrame = engineMessageFrameBytes(
      `2${JSON.stringify(["news", { seq: 7, text: "Hello Socket.IO", sentAt: 1795915628304.698 }])}`,
      false,
    );
    const check = byteCheck(
      "ws / ws-bare",
      "push",
      expected - oneFrame,
      1000,
      expected,
    );
    expect(check.ok).toBe(false);
    expect(check.detail).toContain(`${oneFrame} B off (less than expected)`);
  });

  it("fails a window in which nothing was counted", () => {
    expect(byteCheck("ws / ws-bare", "reply", 0, 0, 0).ok).toBe(false);
  });
});

describe("checks", () => {
  const figures = (overrides: Partial<ServerFigures>): ServerFigures =>
    ({
      server: "ws-demo",
      pushBytesWritten: 9_200,
      pushesInWindow: 100,
      expectedPushBytes: 9_200,
      replyBytesRead: 5_600,
      replies: 100,
      expectedReplyBytes: 5_600,
      connectionsLeft: 0,
      timersLeft: 0,
      ...overrides,
    }) as ServerFigures;

  it("passes exact byte counts and a clean server", () => {
    const checks = checksFor({
      id: "ws",
      label: "ws",
      demo: figures({}),
      bare: figures({ server: "ws-bare", connectionsLeft: null }),
    });
    expect(checks.every((check) => check.ok)).toBe(true);
  });

  it("fails a push that costs 2 bytes more than the protocol says", () => {
    const checks = checksFor({
      id: "ws",
      label: "ws",
      demo: figures({ pushBytesWritten: 9_202 }),
      bare: figures({}),
    });
    expect(
      checks.filter((check) => !check.ok).map((check) => check.what),
    ).toEqual(["bytes per push match the protocol arithmetic (exactly)"]);
  });

  it("fails a demo that leaves timers behind", () => {
    const checks = checksFor({
      id: "ws",
      label: "ws",
      demo: figures({ timersLeft: 3 }),
      bare: figures({}),
    });
    expect(
      checks.some((check) => !check.ok && check.detail.includes("3 timers")),
    ).toBe(true);
  });
});

describe("the JSON the docs site reads", () => {
  it("is laid out as Prettier lays it out, so the format check passes as written", async () => {
    const value = {
      transports: [
        {
          latencyDistributionMs: [
            0.08283400535583496, 0.1066670417785645, 0.1396667957305908,
            0.2073330879211426, 0.3166670799255371, 1.5, 2, 3, 40, 500.25,
          ],
          short: [1, 2.5, 3],
          missing: [null, 1, null, 0.123456789012345, 0.123456789012345, 7],
          none: [],
          nested: { clients: 10, ok: true, label: "ws" },
        },
      ],
      checks: [{ ok: true, detail: "0 B off" }],
    };
    const json = comparisonJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(await format(json, { parser: "json" })).toBe(json);
  });
});

describe("the printed tables", () => {
  const page = (served: number) => ({
    page: "/",
    served,
    transferred: served,
    unminified: served,
    minified: served,
    gzip: 1,
    brotli: 1,
    scripts: [],
  });
  it("print the SSE baseline and the download figures when the run has them", () => {
    const tables = extraTables({
      transports: [],
      across: [],
      knobs: [],
      sweep: [],
      rooms: null,
      sse: {
        label: "SSE + fetch",
        server: "sse-bare",
        heapPerConnection: 6144,
        bytesPerPush: 102,
        expectedBytesPerPush: 102,
        bytesPerReply: 150,
        bytesPerReplyAnswer: 111,
        connectP50Ms: 40,
        connectP99Ms: 90,
        latencyP50Ms: 1,
        latencyP99Ms: 2,
        lastEventIdResume: true,
        resume: {
          missed: 3,
          replayed: 3,
          replayedWithoutHeader: 0,
          lastEventIdResume: true,
        },
        againstWsBare: null,
      },
      clientDownload: {
        ws: { ...page(4136), rooms: page(12_869) },
        socketio: { ...page(51_048), rooms: page(58_586) },
      },
    } as unknown as Comparison);
    const text = JSON.stringify(tables);
    expect(tables.map((table) => table.title)).toEqual([
      "Server-Sent Events baseline (sse-bare), against ws bare where measured",
      "What the browser downloads: the pages' scripts (bytes)",
    ]);
    expect(text).toContain("6.0 KB");
    expect(text).toContain("3 / 3 (resumed)");
    expect(text).toContain("51,048");
  });
});

describe("each demo's rooms against its bare baseline", () => {
  const figures = (
    server: string,
    label: string,
    cpu: number,
    heap: number,
  ): RoomsFigures =>
    ({
      server,
      label,
      cpuMsPer1000Deliveries: cpu,
      heapPerMember: heap,
      burstDeliveriesPerSecond: 10_000,
      latencyP99Ms: 2,
    }) as RoomsFigures;
  const pairs = [
    ["ws-demo", "ws-rooms-bare"],
    ["socketio-demo", "socketio-rooms-bare"],
  ] as const;
  const bare = [
    figures("ws-rooms-bare", "ws bare", 50, 10_000),
    figures("socketio-rooms-bare", "Socket.IO bare", 80, 20_000),
  ];

  it("says what the difference buys only where a demo is over 1.2x on CPU or heap", () => {
    const [ws, sio] = roomsDemoOverBare(
      [
        figures("ws-demo", "ws", 55, 11_900),
        figures("socketio-demo", "Socket.IO", 120, 21_000),
      ],
      bare,
      pairs,
    );
    expect(ws!.label).toBe("ws demo / ws bare");
    expect(ws!.cpuPer1000Deliveries).toBeCloseTo(1.1);
    expect(ws!.overTarget).toEqual([]);
    expect(ws!.buys).toBeNull();
    expect(sio!.cpuPer1000Deliveries).toBeCloseTo(1.5);
    expect(sio!.overTarget).toEqual(["cpu"]);
    expect(sio!.buys).toContain("connection state recovery");
  });

  it("prints the ratios with the explanation beside them", () => {
    const demoOverBare = roomsDemoOverBare(
      [figures("ws-demo", "ws", 50, 13_000)],
      bare,
      pairs,
    );
    const tables = extraTables({
      transports: [],
      across: [],
      knobs: [],
      sweep: [],
      sse: null,
      clientDownload: null,
      rooms: {
        options: { rooms: 1, members: 2, sayEveryMs: 1000, says: 1, burst: 1 },
        transports: [],
        twoProcesses: [],
        twoProcessesNote: null,
        across: [],
        bare: [],
        demoOverBare,
      },
    } as unknown as Comparison);
    const table = tables.find((t) => t.title.includes("bare baseline"))!;
    expect(table.rows[1]!.slice(0, 3)).toEqual([
      "ws demo / ws bare",
      "1.00x",
      "1.30x",
    ]);
    expect(table.rows[1]!.at(-1)).toMatch(/^heap: validation of every frame/);
  });
});
