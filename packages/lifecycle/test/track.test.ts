import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTracker, fromSocketIo, fromWs } from "../src/index.js";
import { FakeSocketIoSocket, FakeWs, fakeUpgradeRequest } from "./fakes.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function trackedWs() {
  const ws = new FakeWs();
  const tracker = createTracker({ createId: () => "ws-1" });
  const tracked = tracker.track(fromWs(ws, fakeUpgradeRequest()));
  return { ws, tracker, tracked };
}

describe("timers belong to the connection", () => {
  it("pushes every interval while open", () => {
    const { ws, tracked } = trackedWs();
    tracked.every(3000, () => tracked.send("news", "hello"));
    vi.advanceTimersByTime(9000);
    expect(ws.sent).toHaveLength(3);
    expect(JSON.parse(ws.sent[0]!)).toEqual({ event: "news", data: "hello" });
  });

  it("leaves no timer behind after the peer closes", () => {
    const { ws, tracker, tracked } = trackedWs();
    tracked.every(3000, () => tracked.send("news", "hello"));
    tracked.after(60_000, () => tracked.send("news", "later"));
    expect(vi.getTimerCount()).toBe(2);
    expect(tracker.stats().liveTimers).toBe(2);

    ws.finish(1000, "bye");

    expect(vi.getTimerCount()).toBe(0);
    expect(tracker.stats()).toMatchObject({
      openConnections: 0,
      liveTimers: 0,
    });
    vi.advanceTimersByTime(120_000);
    expect(ws.sent).toHaveLength(0);
  });

  it("clears timers when the server terminates the connection", () => {
    const { ws, tracked } = trackedWs();
    tracked.every(3000, () => tracked.send("news", "hello"));
    ws.terminate();
    expect(vi.getTimerCount()).toBe(0);
    expect(tracked.closeInfo).toEqual({ code: 1006, reason: "" });
  });

  it("clears Socket.IO timers on disconnect", () => {
    const socket = new FakeSocketIoSocket("abc");
    const tracker = createTracker();
    const tracked = tracker.track(fromSocketIo(socket));
    tracked.every(3000, () => tracked.send("news", "Hello"));
    vi.advanceTimersByTime(3000);
    socket.finish("transport close");
    vi.advanceTimersByTime(30_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(socket.sent).toEqual([{ event: "news", args: ["Hello"] }]);
    expect(tracked.id).toBe("abc");
    expect(tracked.closeInfo).toEqual({ reason: "transport close" });
  });

  it("treats a second close as harmless", () => {
    const { ws, tracker, tracked } = trackedWs();
    const onClose = vi.fn();
    tracked.onClose(onClose);
    ws.finish(1000, "");
    ws.emit("close", 1000, Buffer.from("")); // a misbehaving emitter
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(tracker.stats().openConnections).toBe(0);
  });

  it("ignores timers registered after close", () => {
    const { ws, tracker, tracked } = trackedWs();
    ws.finish(1000, "");
    const task = vi.fn();
    const cancel = tracked.every(10, task);
    tracked.after(10, task);
    vi.advanceTimersByTime(100);
    expect(task).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(tracker.stats().liveTimers).toBe(0);
    cancel(); // and cancelling it is harmless
  });

  it("counts a one-shot as live until it fires, then not", () => {
    const { tracker, tracked } = trackedWs();
    const task = vi.fn();
    tracked.after(1000, task);
    expect(tracker.stats().liveTimers).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledOnce();
    expect(tracker.stats().liveTimers).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("lets a timer be cancelled alone, once", () => {
    const { tracker, tracked } = trackedWs();
    const cancel = tracked.every(1000, () => {});
    tracked.every(1000, () => {});
    cancel();
    cancel();
    expect(tracker.stats().liveTimers).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
  });

  it("tracks an already-closed connection as closed at once", () => {
    const ws = new FakeWs();
    ws.readyState = 3;
    const tracker = createTracker();
    const tracked = tracker.track(fromWs(ws, fakeUpgradeRequest()));
    expect(tracked.closed).toBe(true);
    expect(tracker.stats().openConnections).toBe(0);
  });

  it.each([0, -1, Number.NaN, Infinity])(
    "refuses a delay of %s ms instead of firing every millisecond",
    (ms) => {
      const { tracked } = trackedWs();
      expect(() => tracked.every(ms, () => {})).toThrow(RangeError);
      expect(vi.getTimerCount()).toBe(0);
    },
  );

  it("runs close listeners after timers are cleared, with the close info", () => {
    const { ws, tracked } = trackedWs();
    tracked.every(1000, () => {});
    let timersSeenByListener = -1;
    tracked.onClose((info) => {
      timersSeenByListener = vi.getTimerCount();
      expect(info).toEqual({ code: 4000, reason: "done" });
    });
    ws.finish(4000, "done");
    expect(timersSeenByListener).toBe(0);
    const late = vi.fn();
    tracked.onClose(late);
    expect(late).toHaveBeenCalledWith({ code: 4000, reason: "done" }, tracked);
  });

  it("tells the tracker's listeners after the connection's own, for every connection", () => {
    const tracker = createTracker();
    const heard: string[] = [];
    tracker.onClose((info, tracked) =>
      heard.push(`tracker: ${tracked.id} ${info.code}`),
    );
    const peers = [new FakeWs(), new FakeWs()];
    const [first, second] = peers.map((ws) =>
      tracker.track(fromWs(ws, fakeUpgradeRequest())),
    );
    first!.onClose(() => heard.push("own"));
    peers[0]!.finish(1000, "");
    peers[1]!.finish(1001, "");
    expect(heard).toEqual([
      "own",
      `tracker: ${first!.id} 1000`,
      `tracker: ${second!.id} 1001`,
    ]);
  });

  it("clears every timer and tells every listener, in order, however many", () => {
    const { ws, tracker, tracked } = trackedWs();
    const fired: string[] = [];
    const cancelFirst = tracked.every(1000, () => fired.push("first"));
    tracked.every(1000, () => fired.push("second"));
    tracked.after(1500, () => fired.push("once"));
    tracked.every(1000, () => fired.push("third"));
    cancelFirst();
    cancelFirst(); // twice is harmless
    expect(tracker.stats().liveTimers).toBe(3);
    vi.advanceTimersByTime(1500);
    expect(fired).toEqual(["second", "third", "once"]);
    expect(tracker.stats().liveTimers).toBe(2); // the one-shot has fired
    const heard: number[] = [];
    for (const n of [1, 2, 3]) tracked.onClose(() => heard.push(n));
    ws.finish(1000, "");
    expect(heard).toEqual([1, 2, 3]);
    expect(tracker.stats().liveTimers).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("guarded send", () => {
  it.each([
    [0, "CONNECTING"],
    [2, "CLOSING"],
    [3, "CLOSED"],
  ])(
    "refuses to send in readyState %i (%s) and does not throw",
    (readyState) => {
      const { ws, tracker, tracked } = trackedWs();
      ws.readyState = readyState;
      expect(tracked.send("news", "x")).toBe(false);
      expect(ws.sent).toHaveLength(0);
      expect(tracker.stats()).toMatchObject({ sent: 0, notSent: 1 });
    },
  );

  it("sends in OPEN and says so", () => {
    const { ws, tracker, tracked } = trackedWs();
    expect(tracked.send("news", "x")).toBe(true);
    expect(ws.sent).toHaveLength(1);
    expect(tracker.stats()).toMatchObject({ sent: 1, notSent: 0 });
  });

  it("refuses a disconnected Socket.IO socket", () => {
    const socket = new FakeSocketIoSocket();
    const tracked = createTracker().track(fromSocketIo(socket));
    socket.connected = false;
    expect(tracked.send("news", "x")).toBe(false);
    expect(socket.sent).toHaveLength(0);
  });

  it("skips a push to a slow consumer instead of queueing it", () => {
    const ws = new FakeWs();
    const tracker = createTracker({ maxBufferedBytes: 1024 });
    const tracked = tracker.track(fromWs(ws, fakeUpgradeRequest()));
    ws.bufferedAmount = 4096;
    expect(tracked.send("news", "x")).toBe(false);
    ws.bufferedAmount = 0;
    expect(tracked.send("news", "x")).toBe(true);
    expect(ws.sent).toHaveLength(1);
  });

  it("returns false instead of throwing when the payload cannot be encoded", () => {
    const { ws, tracked } = trackedWs();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(tracked.send("news", circular)).toBe(false);
    expect(ws.sent).toHaveLength(0);
  });
});

describe("identity", () => {
  it("gives a ws connection a generated id and a Socket.IO one its own", () => {
    const ws = createTracker().track(
      fromWs(new FakeWs(), fakeUpgradeRequest()),
    );
    expect(ws.id).toBe("conn-1");
    const io = createTracker().track(
      fromSocketIo(new FakeSocketIoSocket("sid-1")),
    );
    expect(io.id).toBe("sid-1");
  });

  it("reads the client IP through the trust rule", () => {
    const request = fakeUpgradeRequest("::ffff:127.0.0.1", {
      "x-forwarded-for": "6.6.6.6",
    });
    const tracked = createTracker().track(fromWs(new FakeWs(), request));
    expect(tracked.ip).toBe("127.0.0.1"); // header ignored: nobody trusted
  });
});
