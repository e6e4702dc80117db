import { describe, expect, it } from "vitest";
import {
  engineMessageFrameBytes,
  websocketFrameBytes,
} from "../src/bench/frames.js";
import { percentile } from "../src/bench/percentiles.js";
import { checksFor } from "../src/bench/report.js";
import type { ServerFigures } from "../src/bench/measure.js";

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

describe("checks", () => {
  const figures = (overrides: Partial<ServerFigures>): ServerFigures =>
    ({
      server: "ws-demo",
      bytesPerPush: 92,
      expectedBytesPerPush: 92,
      bytesPerReply: 56,
      expectedBytesPerReply: 56,
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
      demo: figures({ bytesPerPush: 94 }),
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
