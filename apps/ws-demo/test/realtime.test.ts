import { fc, test as fcTest } from "@fast-check/vitest";
import { once } from "node:events";
import { connect as tcpConnect } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { describeMessage } from "../src/push.js";
import { serve, type TestServer } from "./serve.js";

let running: TestServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(env: Record<string, string> = {}) {
  running = await serve({ PUSH_INTERVAL_MS: "100", ...env });
  return running;
}

function client(port: number, path = "/ws") {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  ws.on("error", () => {});
  return ws;
}

async function closeCode(ws: WebSocket): Promise<number> {
  const [code] = (await once(ws, "close")) as [number];
  return code;
}

async function expectStillServing(port: number) {
  const ws = client(port);
  const [first] = (await once(ws, "message")) as [Buffer];
  expect(JSON.parse(first.toString("utf8"))).toMatchObject({
    event: "welcome",
  });
  ws.close();
  await once(ws, "close");
}

/** Sends raw bytes as an HTTP request and returns the status line. */
async function rawRequest(port: number, request: string): Promise<string> {
  const socket = tcpConnect(port, "127.0.0.1");
  await once(socket, "connect");
  socket.write(request);
  let answer = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (answer += chunk));
  await Promise.race([once(socket, "close"), once(socket, "end")]);
  socket.destroy();
  return answer.split("\r\n")[0] ?? "";
}

const upgradeHeaders = (extra: string) =>
  "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
  `${extra}\r\n`;

describe("upgrade routing", () => {
  it.each(["/", "/other", "/socket.io/?EIO=4&transport=websocket"])(
    "refuses an upgrade to %s with 404, and keeps serving",
    async (path) => {
      const { port } = await start();
      const ws = client(port, path);
      const [, response] = (await once(ws, "unexpected-response")) as [
        unknown,
        { statusCode: number },
      ];
      expect(response.statusCode).toBe(404);
      ws.terminate();
      await expectStillServing(port);
    },
  );
});

describe("bad input", () => {
  it("closes a text frame of invalid UTF-8 with 1007 and keeps serving", async () => {
    const { port, realtime } = await start();
    const ws = client(port);
    await once(ws, "open");
    ws.send(Buffer.from([0xc3, 0x28]), { binary: false }); // not UTF-8
    expect(await closeCode(ws)).toBe(1007);
    await expectStillServing(port);
    await vi.waitFor(() =>
      expect(realtime.stats()).toMatchObject({
        openConnections: 0,
        liveTimers: 0,
      }),
    );
  });

  it("closes an oversize message with 1009", async () => {
    const { port } = await start({ MAX_PAYLOAD_BYTES: "1024" });
    const ws = client(port);
    await once(ws, "open");
    ws.send("x".repeat(1025));
    expect(await closeCode(ws)).toBe(1009);
  });

  it.each([
    ["no Sec-WebSocket-Key", upgradeHeaders("Sec-WebSocket-Version: 13\r\n")],
    [
      "Sec-WebSocket-Version 12",
      upgradeHeaders(
        "Sec-WebSocket-Version: 12\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n",
      ),
    ],
    [
      "a Sec-WebSocket-Protocol of 12 000 spaces",
      upgradeHeaders(
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
          `Sec-WebSocket-Protocol: a${" ".repeat(12_000)}b\r\n`,
      ),
    ],
  ])(
    "answers a handshake with %s by 400 and keeps serving",
    async (_name, request) => {
      const { port } = await start();
      expect(await rawRequest(port, request)).toBe("HTTP/1.1 400 Bad Request");
      await expectStillServing(port);
    },
  );

  it("survives thousands of headers and keeps serving", async () => {
    const { port } = await start();
    const many = Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join(
      "",
    );
    const status = await rawRequest(port, upgradeHeaders(many));
    expect(status).toMatch(/^HTTP\/1\.1 4\d\d /); // Node's header limit or ws: refused either way
    await expectStillServing(port);
  });

  it("logs plain text and binary messages without crashing", async () => {
    const { port, logs, realtime } = await start();
    const ws = client(port);
    await once(ws, "open");
    ws.send("hello, not JSON");
    ws.send(Buffer.from([1, 2, 3]));
    ws.send('{"event":"reply","data":{"seq":"not a number"}}');
    await vi.waitFor(() => expect(realtime.stats().received).toBe(3));
    expect(logs.join("\n")).toContain('text (not a reply): "hello, not JSON"');
    expect(logs.join("\n")).toContain("binary, 3 bytes: <010203>");
    ws.close();
  });
});

describe("connection log", () => {
  it("logs connect with IP and id, and close with code and reason", async () => {
    const { port, logs } = await start();
    const ws = client(port);
    await once(ws, "open");
    ws.close(4000, "bye");
    await vi.waitFor(() =>
      expect(logs.some((line) => line.startsWith("close"))).toBe(true),
    );
    expect(logs[0]).toMatch(/^connect conn-1 from 127\.0\.0\.1$/);
    expect(logs.at(-1)).toBe('close conn-1 from 127.0.0.1: code 4000, "bye"');
  });
});

describe("describeMessage", () => {
  it.each([
    [
      Buffer.from('{"event":"reply","data":{"seq":3,"text":"hi"}}'),
      false,
      'reply #3: "hi"',
    ],
    [Buffer.from("plain"), false, 'text (not a reply): "plain"'],
    [Buffer.from("null"), false, 'text (not a reply): "null"'],
    [Buffer.from([0xde, 0xad]), true, "binary, 2 bytes: <dead>"],
    [[Buffer.from("a"), Buffer.from("b")], false, 'text (not a reply): "ab"'],
    [new Uint8Array([1]).buffer, true, "binary, 1 bytes: <01>"],
  ] as const)("%#: %s", (data, isBinary, expected) => {
    expect(describeMessage(data as Buffer, isBinary)).toBe(expected);
  });

  it("cuts long text to one bounded line", () => {
    const line = describeMessage(Buffer.from("y".repeat(60_000)), false);
    expect(line).toMatch(/^text \(not a reply\): "y+…$/);
    expect(line.length).toBeLessThanOrEqual(250);
  });

  it("cannot forge a second log line", () => {
    const line = describeMessage(
      Buffer.from(
        '{"event":"reply","data":{"seq":1,"text":"hi\\n00:00:00.000 close conn-9"}}',
      ),
      false,
    );
    expect(line).toBe('reply #1: "hi\\n00:00:00.000 close conn-9"');
    expect(line).not.toContain("\n");
  });

  it("describes 64 KB of nesting in a bounded line", () => {
    const deep = "[".repeat(32_000) + "]".repeat(32_000);
    expect(
      describeMessage(Buffer.from(deep), false).length,
    ).toBeLessThanOrEqual(250);
  });
});

describe("fuzz: describeMessage", () => {
  // Any frame a client can send, text or binary, parsed or not as JSON.
  const frame = fc.oneof(
    fc.string({ unit: "binary", maxLength: 4000 }),
    fc.jsonValue({ maxDepth: 8 }).map((value) => JSON.stringify(value)),
    fc
      .record({ seq: fc.anything(), text: fc.anything() })
      .map((data) => JSON.stringify({ event: "reply", data }) ?? ""),
    fc
      .integer({ min: 0, max: 30_000 })
      .map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  );
  fcTest.prop([frame, fc.boolean()], { numRuns: 500 })(
    "returns one bounded line for any message",
    (text, isBinary) => {
      const line = describeMessage(Buffer.from(text), isBinary);
      expect(line.length).toBeLessThanOrEqual(250);
      expect(line).not.toMatch(/[\n\r]/);
    },
  );
});
