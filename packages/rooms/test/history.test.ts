import { describe, expect, it } from "vitest";
import { RoomHistory } from "../src/index.js";

describe("RoomHistory", () => {
  it("gives the last messages, oldest first, and everything after `after`", () => {
    const history = new RoomHistory(() => false);
    const [a, b, c] = ["a", "b", "c"].map((text) =>
      history.append("lobby", "ann", text, 1),
    );
    expect(history.since("lobby").history.map((m) => m.text)).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect(history.since("lobby", a!.id)).toEqual({
      history: [b, c],
      complete: true,
    });
    expect(history.since("lobby", c!.id)).toEqual({
      history: [],
      complete: true,
    });
  });

  it("keeps 50 per room and says when `after` reaches past them", () => {
    const history = new RoomHistory(() => false);
    const first = history.append("lobby", "ann", "0");
    for (let i = 1; i < 60; i++) history.append("lobby", "ann", String(i));
    const kept = history.since("lobby");
    expect(kept.history).toHaveLength(50);
    expect(kept.history[0]!.text).toBe("10");
    const fromFirst = history.since("lobby", first.id);
    expect(fromFirst.complete).toBe(false);
    expect(fromFirst.history).toHaveLength(50);
    expect(history.since("lobby", kept.history[0]!.id).complete).toBe(true);
  });

  it("orders ids across rooms, and treats a foreign id as from before", () => {
    const history = new RoomHistory(() => false);
    const one = history.append("a", "ann", "x");
    const two = history.append("b", "bob", "y");
    const counter = (id: string) => Number(id.split("-")[1]);
    expect(counter(two.id)).toBeGreaterThan(counter(one.id));
    expect(one.id.split("-")[0]).toBe(two.id.split("-")[0]);
    expect(history.since("b", "not-an-id")).toEqual({
      history: [two],
      complete: false,
    });
  });

  it("forgets the least recently used room without members past the limit", () => {
    const members = new Set(["busy"]);
    const history = new RoomHistory((room) => members.has(room), {
      perRoom: 50,
      maxRooms: 3,
    });
    history.append("busy", "ann", "x");
    const old = history.append("quiet", "bob", "y");
    history.append("third", "cid", "z");
    history.append("fourth", "dan", "w");
    expect(history.size).toBe(3);
    expect(history.since("busy").history).toHaveLength(1);
    // quiet was forgotten; a client that saw its message missed nothing
    // it can get back, and is told so.
    expect(history.since("quiet", old.id)).toEqual({
      history: [],
      complete: false,
    });
  });

  it("knows an id from before a restart is from another life", () => {
    const before = new RoomHistory(() => false).append("lobby", "ann", "old");
    const after = new RoomHistory(() => false);
    // Same start millisecond would make them one life: make sure it is not.
    const fresh = after.append("lobby", "bob", "new");
    if (fresh.id.split("-")[0] === before.id.split("-")[0]) return;
    expect(after.since("lobby", before.id)).toEqual({
      history: [fresh],
      complete: false,
    });
  });
});
