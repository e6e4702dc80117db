import { fc, test as fcTest } from "@fast-check/vitest";
import { once } from "node:events";
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

function client(port: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  ws.on("error", () => {});
  return ws;
}

// The handshakes and frames a client should never send (a wrong path, a
// malformed upgrade, invalid UTF-8, an oversize message: 404, 400, 1007,
// 1009) are rows of the contract's hostile-input table, which checks each
// one against both apps' processes: packages/contract/src/hostile/cases/.
describe("bad input", () => {
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
