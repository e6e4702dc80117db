import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { createHeartbeat, createTracker, fromWs } from "../src/index.js";
import { FakeWs, fakeUpgradeRequest } from "./fakes.js";

describe("heartbeat with fake timers", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    vi.useFakeTimers();
    const ws = new FakeWs();
    const tracker = createTracker();
    const tracked = tracker.track(fromWs(ws, fakeUpgradeRequest()));
    const heartbeat = createHeartbeat(tracker, 1000);
    heartbeat.watch(tracked, ws);
    return { ws, tracker, tracked, heartbeat };
  }

  it("keeps a peer that answers every ping", () => {
    const { ws, tracked } = setup();
    for (let tick = 0; tick < 10; tick++) {
      vi.advanceTimersByTime(1000);
      ws.emit("pong", Buffer.alloc(0));
    }
    expect(ws.pings).toBe(10);
    expect(tracked.closed).toBe(false);
  });

  it("terminates a silent peer within two intervals and clears its timers", () => {
    const { ws, tracker, tracked, heartbeat } = setup();
    vi.advanceTimersByTime(1000); // ping
    expect(tracked.closed).toBe(false);
    vi.advanceTimersByTime(1000); // no pong since: terminate
    expect(tracked.closed).toBe(true);
    expect(tracked.closeInfo?.code).toBe(1006);
    expect(vi.getTimerCount()).toBe(0); // the sweep stopped with its last peer
    expect(tracker.stats().liveTimers).toBe(0);
    expect(heartbeat.watching).toBe(0);
    expect(ws.pings).toBe(1);
  });

  it("runs one timer for many peers, and none once they are gone", () => {
    vi.useFakeTimers();
    const tracker = createTracker();
    const heartbeat = createHeartbeat(tracker, 1000);
    const peers = Array.from({ length: 50 }, () => new FakeWs());
    for (const ws of peers)
      heartbeat.watch(tracker.track(fromWs(ws, fakeUpgradeRequest())), ws);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1000);
    peers.forEach((ws, i) => i % 2 === 0 && ws.emit("pong", Buffer.alloc(0)));
    vi.advanceTimersByTime(1000);
    expect(heartbeat.watching).toBe(25); // the silent half is gone
    expect(peers.filter((ws) => ws.readyState === 3)).toHaveLength(25);
    for (const ws of peers) ws.finish(1000, "");
    expect(heartbeat.watching).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does not watch a connection that is already closed", () => {
    vi.useFakeTimers();
    const ws = new FakeWs();
    const tracker = createTracker();
    const tracked = tracker.track(fromWs(ws, fakeUpgradeRequest()));
    ws.finish(1000, "");
    createHeartbeat(tracker, 1000).watch(tracked, ws);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("refuses a bad interval", () => {
    expect(() => createHeartbeat(createTracker(), 0)).toThrow(RangeError);
  });

  it("terminates a peer that stops answering later on", () => {
    const { ws, tracked } = setup();
    vi.advanceTimersByTime(1000);
    ws.emit("pong", Buffer.alloc(0));
    vi.advanceTimersByTime(1000);
    expect(tracked.closed).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(tracked.closed).toBe(true);
  });
});

describe("heartbeat against a real ws client", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function serverWithHeartbeat(intervalMs: number) {
    const tracker = createTracker();
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(wss, "listening");
    const heartbeat = createHeartbeat(tracker, intervalMs);
    const tracked: Array<ReturnType<typeof tracker.track>> = [];
    wss.on("connection", (ws, request) => {
      const connection = tracker.track(fromWs(ws, request));
      heartbeat.watch(connection, ws);
      tracked.push(connection);
    });
    cleanups.push(async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    });
    const { port } = wss.address() as AddressInfo;
    return { tracker, tracked, url: `ws://127.0.0.1:${port}` };
  }

  it("drops a client that stops answering pings within two intervals", async () => {
    const { tracker, tracked, url } = await serverWithHeartbeat(100);
    // autoPong: false plays a peer that has vanished without a FIN.
    const silent = new WebSocket(url, { autoPong: false });
    await once(silent, "open");
    await vi.waitFor(() => expect(tracked).toHaveLength(1));
    const start = performance.now();
    const [code] = (await once(silent, "close")) as [number];
    const elapsed = performance.now() - start;
    expect(code).toBe(1006); // terminated, no close frame
    // Two intervals, plus slack for a busy shared machine.
    expect(elapsed).toBeLessThan(2 * 100 + 200);
    await vi.waitFor(() => expect(tracked[0]!.closed).toBe(true));
    expect(tracker.stats()).toMatchObject({
      openConnections: 0,
      liveTimers: 0,
    });
  });

  it("keeps a client that answers pings", async () => {
    const { tracker, url } = await serverWithHeartbeat(50);
    const client = new WebSocket(url);
    let pings = 0;
    client.on("ping", () => (pings += 1));
    await once(client, "open");
    await vi.waitFor(() => expect(pings).toBeGreaterThanOrEqual(4), {
      timeout: 2000,
    });
    expect(client.readyState).toBe(WebSocket.OPEN);
    expect(tracker.stats().openConnections).toBe(1);
    client.close();
    await vi.waitFor(() => expect(tracker.stats().openConnections).toBe(0));
  });
});
