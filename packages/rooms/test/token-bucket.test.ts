import { describe, expect, it } from "vitest";
import { TokenBucket } from "../src/index.js";

describe("TokenBucket", () => {
  it("allows a burst of 10, refuses the 11th", () => {
    const bucket = new TokenBucket(10, 1000, 0);
    const taken = Array.from({ length: 11 }, () => bucket.take(0));
    expect(taken.filter(Boolean)).toHaveLength(10);
    expect(taken[10]).toBe(false);
  });

  it("gives one back per second, never more than the burst", () => {
    const bucket = new TokenBucket(10, 1000, 0);
    for (let i = 0; i < 10; i++) bucket.take(0);
    expect(bucket.take(999)).toBe(false);
    expect(bucket.take(1000)).toBe(true);
    expect(bucket.take(1500)).toBe(false);
    expect(bucket.take(2000)).toBe(true);
    const rested = Array.from({ length: 12 }, () => bucket.take(60_000));
    expect(rested.filter(Boolean)).toHaveLength(10);
  });

  it("allows at most 10 + 9 in any 10 s window at full speed", () => {
    const bucket = new TokenBucket(10, 1000, 0);
    let allowed = 0;
    for (let t = 0; t < 10_000; t += 10) if (bucket.take(t)) allowed += 1;
    expect(allowed).toBe(19);
  });
});
