import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { createTracker, fromWs, keepAlive } from "../src/index.js";
import { FakeWs, fakeUpgradeRequest } from "./fakes.js";

describe("keepAlive with fake timers", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    vi.useFakeTimers();
    const ws = new FakeWs();
    const tracker = createTracker();
    const tracked = tracker.track(fromWs(ws, fakeUpgradeRequest()));
    keepAlive(tracked, ws, 1000);
    return { ws, tracker, tracked };
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
    const { ws, tracker, tracked } = setup();
    vi.advanceTimersByTime(1000); // ping
    expect(tracked.closed).toBe(false);
    vi.advanceTimersByTime(1000); // no pong since: terminate
    expect(tracked.closed).toBe(true);
    expect(tracked.closeInfo?.code).toBe(1006);
    expect(vi.getTimerCount()).toBe(0);
    expect(tracker.stats().liveTimers).toBe(0);
    expect(ws.pings).toBe(1);
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

describe("keepAlive against a real ws client", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function serverWithHeartbeat(intervalMs: number) {
    const tracker = createTracker();
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(wss, "listening");
    const tracked: Array<ReturnType<typeof tracker.track>> = [];
    wss.on("connection", (ws, request) => {
      const connection = tracker.track(fromWs(ws, request));
      keepAlive(connection, ws, intervalMs);
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
    expect(tracker.stats()).toMatchObject({
      openConnections: 1,
      liveTimers: 1,
    });
    client.close();
    await vi.waitFor(() => expect(tracker.stats().liveTimers).toBe(0));
  });
});
