import { describe, expect, it } from "vitest";
import {
  addressKey,
  FLOOD_CLOSE_REASON,
  FloodGuard,
  LIMITS,
  TokenBucket,
  type ConnectionBudget,
  type RequestEvent,
  type Verdict,
} from "../src/index.js";

/** A guard on a clock the test moves by hand. */
function guardAt(start = 0) {
  const clock = { now: start };
  const guard = new FloodGuard({ now: () => clock.now });
  return { clock, guard };
}

/** Sends `count` requests of one event through both checks, as the apps do. */
async function send(
  budget: ConnectionBudget,
  event: RequestEvent,
  count: number,
  room = "lobby",
): Promise<Verdict[]> {
  const verdicts: Verdict[] = [];
  for (let i = 0; i < count; i++) {
    const first = budget.arrived(event);
    verdicts.push(
      first.kind === "go" ? await budget.admit(event, room) : first,
    );
  }
  return verdicts;
}

const kinds = (verdicts: Verdict[]) => verdicts.map((v) => v.kind);
const count = (verdicts: Verdict[], kind: Verdict["kind"]) =>
  verdicts.filter((v) => v.kind === kind).length;

describe("FloodGuard, one connection", () => {
  it("lets 10 joins and leaves through at once, then refuses them rate-limited", async () => {
    const { guard } = guardAt();
    const budget = guard.connect("127.0.0.1");
    const verdicts = [
      ...(await send(budget, "join", 6)),
      ...(await send(budget, "leave", 6)),
    ];
    expect(count(verdicts, "go")).toBe(LIMITS.membershipBurst);
    expect(verdicts.at(-1)).toMatchObject({
      kind: "refuse",
      answer: { ok: false, error: "rate-limited" },
    });
  });

  it("gives one join or leave back per second", async () => {
    const { clock, guard } = guardAt();
    const budget = guard.connect("127.0.0.1");
    await send(budget, "join", LIMITS.membershipBurst);
    clock.now += LIMITS.membershipRefillMs;
    expect(kinds(await send(budget, "join", 2))).toEqual(["go", "refuse"]);
  });

  it("keeps say at 10 at once, with its own answer", async () => {
    const { guard } = guardAt();
    const budget = guard.connect("127.0.0.1");
    const verdicts = await send(budget, "say", LIMITS.sayBurst + 1);
    expect(count(verdicts, "go")).toBe(LIMITS.sayBurst);
    expect(verdicts.at(-1)).toMatchObject({
      kind: "refuse",
      answer: {
        message: expect.stringMatching(/10 messages at once/) as string,
      },
    });
  });

  it("relays typing once a second per room and drops the rest without an answer", async () => {
    const { clock, guard } = guardAt();
    const budget = guard.connect("127.0.0.1");
    expect(kinds(await send(budget, "typing", 3))).toEqual([
      "go",
      "drop",
      "drop",
    ]);
    expect(kinds(await send(budget, "typing", 1, "other"))).toEqual(["go"]);
    clock.now += LIMITS.typingIntervalMs;
    expect(kinds(await send(budget, "typing", 1))).toEqual(["go"]);
  });

  it("counts every request, bad ones too, against 50 at once", () => {
    const { guard } = guardAt();
    const budget = guard.connect("127.0.0.1");
    const verdicts = Array.from({ length: 60 }, () =>
      budget.arrived("no-such-event"),
    );
    expect(count(verdicts, "go")).toBe(LIMITS.requestBurst);
    expect(verdicts.at(-1)).toMatchObject({
      kind: "refuse",
      answer: { error: "rate-limited" },
    });
  });

  it("drops an extra typing past the overall budget without an answer", () => {
    const { guard } = guardAt();
    const budget = guard.connect("127.0.0.1");
    for (let i = 0; i < LIMITS.requestBurst; i++) budget.arrived("typing");
    expect(budget.arrived("typing").kind).toBe("drop");
  });

  it("closes a connection that keeps going: once, after 100 refusals, then drops everything", async () => {
    const { guard } = guardAt();
    const budget = guard.connect("127.0.0.1");
    const verdicts = await send(budget, "say", 1000);
    const closes = verdicts.filter((v) => v.kind === "close");
    expect(closes).toEqual([{ kind: "close", reason: FLOOD_CLOSE_REASON }]);
    const closedAt = verdicts.findIndex((v) => v.kind === "close");
    expect(count(verdicts.slice(0, closedAt), "refuse")).toBe(
      LIMITS.refusalsBeforeClose,
    );
    expect(new Set(kinds(verdicts.slice(closedAt + 1)))).toEqual(
      new Set(["drop"]),
    );
    expect(Buffer.byteLength(FLOOD_CLOSE_REASON)).toBeLessThanOrEqual(123);
  });

  it("never closes a person's pace: a join, a say and a typing every second for a minute", async () => {
    const { clock, guard } = guardAt();
    const budget = guard.connect("127.0.0.1");
    const verdicts: Verdict[] = [];
    for (let second = 0; second < 60; second++) {
      verdicts.push(
        ...(await send(budget, "say", 1)),
        ...(await send(budget, "typing", 1)),
      );
      if (second % 10 === 0) verdicts.push(...(await send(budget, "join", 1)));
      clock.now += 1000;
    }
    expect(new Set(kinds(verdicts))).toEqual(new Set(["go"]));
  });
});

describe("FloodGuard, one client address", () => {
  it("more connections buy nothing: 10 connections share one join budget", async () => {
    const { guard } = guardAt();
    const connections = Array.from({ length: 10 }, () =>
      guard.connect("192.0.2.7"),
    );
    const verdicts = (
      await Promise.all(connections.map((budget) => send(budget, "join", 5)))
    ).flat();
    expect(count(verdicts, "go")).toBe(LIMITS.membershipBurst);
    expect(verdicts.find((v) => v.kind === "refuse")).toMatchObject({
      answer: {
        message: expect.stringMatching(/from one address/) as string,
      },
    });
  });

  it("and one say budget, and a small typing one", async () => {
    const { guard } = guardAt();
    const connections = Array.from({ length: 10 }, () =>
      guard.connect("192.0.2.7"),
    );
    const says = (
      await Promise.all(connections.map((budget) => send(budget, "say", 5)))
    ).flat();
    expect(count(says, "go")).toBe(LIMITS.sayBurst);
    const typing = (
      await Promise.all(connections.map((budget) => send(budget, "typing", 1)))
    ).flat();
    expect(count(typing, "go")).toBe(LIMITS.addressTypingBurst);
  });

  it("another address has its own", async () => {
    const { guard } = guardAt();
    await send(guard.connect("192.0.2.7"), "join", LIMITS.membershipBurst);
    expect(kinds(await send(guard.connect("192.0.2.8"), "join", 1))).toEqual([
      "go",
    ]);
  });

  it("a closed connection's leaves are paid for: reconnecting does not reset the budget", async () => {
    const { guard } = guardAt();
    for (let i = 0; i < 5; i++) {
      const budget = guard.connect("192.0.2.7");
      await send(budget, "join", 1);
      budget.charge(1); // closed while in one room
      budget.closed();
    }
    const next = guard.connect("192.0.2.7");
    expect(kinds(await send(next, "join", 1))).toEqual(["refuse"]);
  });

  it("forgets an address once it has no connection and owes nothing", async () => {
    const { clock, guard } = guardAt();
    const budget = guard.connect("192.0.2.7");
    await send(budget, "join", 3);
    budget.closed();
    expect(guard.addressCount).toBe(1); // it still owes three joins
    clock.now += 10 * LIMITS.membershipRefillMs;
    guard.connect("192.0.2.8").closed();
    expect(guard.addressCount).toBe(0);
  });

  it("forgets at once an address that spent nothing", () => {
    const { guard } = guardAt();
    guard.connect("192.0.2.7").closed();
    expect(guard.addressCount).toBe(0);
  });
});

describe("addressKey", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("%s is counted as %s", (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });
});

describe("TokenBucket.charge", () => {
  it("takes what happened, down to one bucket of debt", () => {
    const bucket = new TokenBucket(10, 1000, 0);
    bucket.charge(0, 25);
    expect(bucket.take(0)).toBe(false);
    expect(bucket.take(10_000)).toBe(false); // 10 back: still -10 + 10 = 0
    expect(bucket.take(11_000)).toBe(true);
  });
});
