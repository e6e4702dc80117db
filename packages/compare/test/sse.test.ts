// The Server-Sent Events baseline: the framing arithmetic, the stream
// reader, and the bare server measured end to end (the built tool, see
// measure.test.ts): pushes exact to the byte, and a client back with
// Last-Event-ID gets what it missed.
import { describe, expect, it } from "vitest";
import {
  EventStreamParser,
  type ServerSentEvent,
} from "../src/bench/event-stream.js";
import { serverSentEventBytes } from "../src/bench/frames.js";
import type * as MeasureModule from "../src/bench/measure.js";
import type {
  MeasureOptions,
  ServerFigures,
} from "../src/bench/server-figures.js";
import { sseResult } from "../src/bench/sse-baseline.js";
import { sseChecks } from "../src/report/checks.js";
import type * as ResumeModule from "../src/bench/sse-resume.js";

const built = (path: string) =>
  new URL(`../dist/${path}`, import.meta.url).href;
const { measureServer, prepareServer } = (await import(
  built("bench/measure.js")
)) as typeof MeasureModule;
const { measureSseResume } = (await import(
  built("bench/sse-resume.js")
)) as typeof ResumeModule;

describe("SSE framing arithmetic", () => {
  it("puts one event in one HTTP/1.1 chunk: hex size, CRLF, the text, CRLF", () => {
    const data = JSON.stringify({
      seq: 7,
      text: "Hello from the server",
      sentAt: 1795915628304.698,
    });
    const event = `id: 7\nevent: news\ndata: ${data}\n\n`;
    // 26 bytes of field names and line ends around 67 bytes of JSON:
    // 93 bytes, 5d in hex
    expect(Buffer.byteLength(event)).toBe(93);
    expect(serverSentEventBytes(event)).toBe(2 + 2 + 93 + 2);
  });

  it("counts the hex digits of the size, and bytes, not characters", () => {
    expect(serverSentEventBytes("x".repeat(15))).toBe(1 + 2 + 15 + 2);
    expect(serverSentEventBytes("x".repeat(16))).toBe(2 + 2 + 16 + 2);
    expect(serverSentEventBytes("x".repeat(256))).toBe(3 + 2 + 256 + 2);
    expect(serverSentEventBytes("data: é\n\n")).toBe(1 + 2 + 10 + 2); // é is 2 bytes: 10 in all, "a" in hex
  });
});

describe("reading an event stream as EventSource does", () => {
  function parse(...chunks: string[]): {
    events: ServerSentEvent[];
    parser: EventStreamParser;
  } {
    const events: ServerSentEvent[] = [];
    const parser = new EventStreamParser((event) => events.push(event));
    for (const chunk of chunks) parser.push(chunk);
    return { events, parser };
  }

  it("dispatches at each blank line, however the text is split", () => {
    const { events } = parse(
      "event: welcome\nda",
      'ta: {"id":1}\n',
      "\nid: 4\nevent: news\ndata: a\ndata: b\n\n",
    );
    expect(
      events.map(({ type, data, lastEventId }) => ({
        type,
        data,
        lastEventId,
      })),
    ).toEqual([
      { type: "welcome", data: '{"id":1}', lastEventId: "" },
      { type: "news", data: "a\nb", lastEventId: "4" },
    ]);
    // Each event's text as it arrived, for the byte check.
    expect(events[1]!.text).toBe("id: 4\nevent: news\ndata: a\ndata: b\n\n");
  });

  it("takes CRLF and CR as line ends, even split between two reads", () => {
    const { events } = parse("data: one\r", "\n\r\ndata: two\r\r\n");
    expect(events.map((event) => event.data)).toEqual(["one", "two"]);
    expect(events[0]!.text).toBe("data: one\r\n\r\n");
  });

  it("skips comments, defaults the type to message, keeps an id from an event without data", () => {
    const { events, parser } = parse(": keep-alive\n\ndata:x\n\nid: 9\n\n");
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe("message");
    expect(events[0]!.data).toBe("x");
    expect(parser.lastEventId).toBe("9");
  });
});

const options: MeasureOptions = {
  clients: 20,
  intervalMs: 200,
  windowMs: 1000,
  concurrency: 20,
  progress: () => {},
};

describe("the bare SSE server, measured", () => {
  it("pushes exactly the bytes the arithmetic says, and every push is answered by a POST", async () => {
    const figures = await measureServer(
      await prepareServer("sse-bare", options),
      "sse",
      options,
    );
    expect(figures.pushesInWindow).toBeGreaterThan(0);
    expect(figures.pushesLost).toBe(0);
    expect(figures.pushBytesWritten).toBe(figures.expectedPushBytes);
    // A POST is a whole request: far more than a WebSocket frame's few bytes.
    expect(figures.replies).toBeGreaterThan(0);
    expect(figures.bytesPerReply).toBeGreaterThan(100);
    expect(figures.bytesPerReplyAnswer).toBeGreaterThan(0);
    expect(figures.connectionsLeft).toBeNull();
    const failed = sseChecks(sseResult(figures, null, undefined)).filter(
      (check) => !check.ok,
    );
    expect(failed).toEqual([]);
  }, 30_000);

  it("hands a client back with Last-Event-ID every push it missed, once, in order", async () => {
    const resume = await measureSseResume(100);
    expect(resume.missed).toBeGreaterThan(0);
    expect(resume.replayed).toBe(resume.missed);
    expect(resume.replayedWithoutHeader).toBe(0);
    expect(resume.lastEventIdResume).toBe(true);
  }, 30_000);
});

describe("the SSE checks", () => {
  const figures = {
    server: "sse-bare",
    pushBytesWritten: 10_100,
    pushesInWindow: 100,
    expectedPushBytes: 10_100,
  } as ServerFigures;
  const resume = {
    missed: 3,
    replayed: 3,
    replayedWithoutHeader: 0,
    lastEventIdResume: true,
  };

  it("pass exact pushes and a full catch-up", () => {
    const checks = sseChecks(sseResult(figures, resume, undefined));
    expect(checks.map((check) => check.ok)).toEqual([true, true]);
  });

  it("fail one byte more than the arithmetic, and a catch-up that missed one", () => {
    const checks = sseChecks(
      sseResult(
        { ...figures, pushBytesWritten: 10_101 },
        { ...resume, replayed: 2, lastEventIdResume: false },
        undefined,
      ),
    );
    expect(checks.map((check) => check.ok)).toEqual([false, false]);
    expect(checks[1]!.detail).toBe(
      "2 of 3 missed pushes replayed with the header, 0 without",
    );
  });
});
