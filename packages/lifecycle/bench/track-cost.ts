// What does track() cost per connection? Builds N in-memory ws-like
// connections twice in one process, side by side, in alternating rounds:
//   bare:    the seed's way: setInterval + a 'close' handler that clears it
//   tracked: createTracker().track(fromWs(...)) + tracked.every(...)
// and prints heap bytes per connection and time per connection for each,
// with the ratio. In-memory peers isolate the package's own cost: a real
// ws connection adds the same socket and parser to both sides.
//
// Run: npm run bench -w @repo/lifecycle   (needs node --expose-gc, as the script does)
import { EventEmitter } from "node:events";
// The built package, not ../src: tsx's esbuild rewrites #private fields
// into WeakMaps, a different object layout from the one the apps run
// (~300 bytes more per connection). `npm run bench` builds first. Types
// come from src, so that type checking does not wait for the build.
import type * as Lifecycle from "../src/index.js";
const { createTracker, fromWs } = (await import(
  new URL("../dist/index.js", import.meta.url).href
)) as typeof Lifecycle;

const N = Number(process.env.BENCH_CONNECTIONS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error(
    "Run with node --expose-gc (npm run bench -w @repo/lifecycle does).",
  );
  process.exit(1);
}

class PeerStandIn extends EventEmitter {
  readyState = 1;
  bufferedAmount = 0;
  send(_data: string): void {}
  terminate(): void {
    this.readyState = 3;
    this.emit("close", 1006, Buffer.alloc(0));
  }
}
const request = { headers: {}, socket: { remoteAddress: "127.0.0.1" } };

type Variant = "bare" | "tracked";

function open(variant: Variant, peers: PeerStandIn[]): void {
  if (variant === "bare") {
    for (const ws of peers) {
      const interval = setInterval(() => {
        if (ws.readyState === 1) ws.send("push");
      }, 3_600_000);
      ws.once("close", () => clearInterval(interval));
    }
  } else {
    const tracker = createTracker();
    for (const ws of peers) {
      const tracked = tracker.track(fromWs(ws, request));
      tracked.every(3_600_000, () => tracked.send("news", "push"));
    }
  }
}

function heapUsed(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

function measure(variant: Variant) {
  const peers = Array.from({ length: N }, () => new PeerStandIn());
  const before = heapUsed();
  const start = process.hrtime.bigint();
  open(variant, peers);
  const elapsedNs = Number(process.hrtime.bigint() - start);
  const after = heapUsed();
  for (const ws of peers) ws.terminate(); // and every interval must go with it
  const leftover = process
    .getActiveResourcesInfo()
    .filter((r) => r === "Timeout").length;
  return {
    bytes: (after - before) / N,
    microseconds: elapsedNs / N / 1000,
    leftover,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

measure("bare"); // warm up both paths before anything is counted
measure("tracked");
const results: Record<Variant, { bytes: number[]; microseconds: number[] }> = {
  bare: { bytes: [], microseconds: [] },
  tracked: { bytes: [], microseconds: [] },
};
for (let round = 0; round < ROUNDS; round++) {
  const order: Variant[] =
    round % 2 === 0 ? ["bare", "tracked"] : ["tracked", "bare"];
  for (const variant of order) {
    const { bytes, microseconds, leftover } = measure(variant);
    if (leftover !== 0)
      throw new Error(`${variant}: ${leftover} timers left after close`);
    results[variant].bytes.push(bytes);
    results[variant].microseconds.push(microseconds);
  }
}

const bare = {
  bytes: median(results.bare.bytes),
  us: median(results.bare.microseconds),
};
const tracked = {
  bytes: median(results.tracked.bytes),
  us: median(results.tracked.microseconds),
};
console.log(
  `track() cost, ${N} connections x ${ROUNDS} rounds, medians (node ${process.version})`,
);
console.table({
  "heap bytes / connection": {
    bare: Math.round(bare.bytes),
    tracked: Math.round(tracked.bytes),
    "tracked - bare": Math.round(tracked.bytes - bare.bytes),
    "tracked / bare": (tracked.bytes / bare.bytes).toFixed(2),
  },
  "µs to set up / connection": {
    bare: bare.us.toFixed(2),
    tracked: tracked.us.toFixed(2),
    "tracked - bare": (tracked.us - bare.us).toFixed(2),
    "tracked / bare": (tracked.us / bare.us).toFixed(2),
  },
});
console.log(
  "timers left after closing every connection: 0 (checked each round)",
);
