// The tuning rows and the rooms scenario end to end, at a tiny size: real
// servers, real client processes, the built tool (see measure.test.ts).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type * as MeasureModule from "../src/bench/measure.js";
import type { MeasureOptions } from "../src/bench/server-figures.js";
import type * as ServersModule from "../src/bench/servers.js";
import type { Comparison } from "../src/report/model.js";

const built = (path: string) =>
  new URL(`../dist/${path}`, import.meta.url).href;
const { measureServer, prepareServer } = (await import(
  built("bench/measure.js")
)) as typeof MeasureModule;
const { knobs } = (await import(
  built("bench/servers.js")
)) as typeof ServersModule;

const options: MeasureOptions = {
  clients: 10,
  intervalMs: 200,
  windowMs: 1000,
  concurrency: 10,
  progress: () => {},
};

describe("tuning rows", () => {
  it("deflate shrinks ws pushes, msgpack changes Socket.IO's and keeps the exact byte check", async () => {
    const run = async (
      knob: (typeof knobs)[number] | undefined,
      server: "ws-bare" | "socketio-bare",
      client: "ws" | "socket.io-websocket",
    ) =>
      measureServer(
        await prepareServer(server, options, knob?.env),
        client,
        options,
        () => {},
        knob?.parser,
        knob?.exactBytes ?? true,
      );
    const knob = (id: string) => knobs.find((k) => k.id === id)!;
    // At once: nothing here is a timing.
    const [ws, deflate, json, msgpack] = await Promise.all([
      run(undefined, "ws-bare", "ws"),
      run(knob("ws-deflate"), "ws-bare", "ws"),
      run(undefined, "socketio-bare", "socket.io-websocket"),
      run(knob("socketio-msgpack"), "socketio-bare", "socket.io-websocket"),
    ]);
    // The same text, a seq and a timestamp each time: the shared context
    // compresses every push after the first to a fraction.
    expect(deflate.bytesPerPush).toBeLessThan(ws.bytesPerPush / 2);
    expect(msgpack.pushBytesWritten).toBe(msgpack.expectedPushBytes);
    expect(msgpack.replyBytesRead).toBe(msgpack.expectedReplyBytes);
    expect(msgpack.bytesPerPush).not.toBe(json.bytesPerPush);
    expect(msgpack.pushesLost).toBe(0);
  }, 60_000);
});

describe("the rooms scenario from the command line", () => {
  // One run of the built tool: both demos and both bare baselines (the
  // demos' own rooms figures were checked by a second, direct run before;
  // this one covers them).
  it("measures each demo beside its bare baseline and puts both, with their ratios, in the JSON", () => {
    const cli = fileURLToPath(built("cli.js"));
    const run = spawnSync(
      process.execPath,
      [
        cli,
        ...["--scenario", "rooms", "--ci", "--no-redis", "--format", "json"],
        ...["--rooms", "2", "--members", "3", "--says", "1", "--burst", "2"],
        ...["--say-every", "1000"],
      ],
      // About 12 s idle, four servers one after another; far more on a
      // machine busy with the other suites.
      { encoding: "utf8", timeout: 90_000 },
    );
    // Exit 0: every check passed, the rooms' byte and delivery checks too.
    expect(run.status, run.stderr).toBe(0);
    const comparison = JSON.parse(run.stdout) as Comparison;
    expect(comparison.checks.filter((check) => !check.ok)).toEqual([]);
    const rooms = comparison.rooms!;
    expect(rooms.transports.map((f) => f.server)).toEqual([
      "ws-demo",
      "socketio-demo",
    ]);
    for (const figures of rooms.transports) {
      expect(figures.says).toBe(6);
      expect(figures.deliveries).toBe(18);
      expect(figures.burstDeliveries).toBe(2 * 6 * 3);
      expect(figures.bytesPerDelivery).toBeGreaterThan(0);
      expect(figures.latencyDistributionMs).toHaveLength(10);
    }
    expect(rooms.bare.map((f) => [f.label, f.server])).toEqual([
      ["ws bare", "ws-rooms-bare"],
      ["Socket.IO bare", "socketio-rooms-bare"],
    ]);
    // The same clients drive them: every say reached every member.
    for (const figures of rooms.bare) {
      expect(figures.deliveries).toBe(6 * 3);
      expect(figures.burstDeliveries).toBe(2 * 6 * 3);
    }
    expect(rooms.demoOverBare.map((d) => d.label)).toEqual([
      "ws demo / ws bare",
      "Socket.IO demo / Socket.IO bare",
    ]);
    for (const ratios of rooms.demoOverBare) {
      for (const value of [
        ratios.cpuPer1000Deliveries,
        ratios.heapPerMember,
        ratios.burstDeliveriesPerSecond,
        ratios.latencyP99,
      ])
        expect(value).toBeGreaterThan(0);
      // Over the target, the row says what the difference buys.
      expect(ratios.buys !== null).toBe(ratios.overTarget.length > 0);
    }
  }, 100_000);
});
