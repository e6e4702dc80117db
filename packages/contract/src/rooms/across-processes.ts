// Lesson 3: the same rooms contract, with the app run as two processes
// that share one Redis. Clients take turns: the first connects to process
// A, the second to B, the third to A... so every clause that has two
// members has them on two processes, and what the contract asks of one
// process (one order, presence, history, `after`) is asked across two.
import type { AppStats, RunningApp } from "@repo/demo-kit/spawn-app";
import type { RoomsDriver } from "./driver.js";

/** Two processes of one app, seen by the suite as one app. */
interface Pair extends RunningApp {
  readonly processes: readonly [RunningApp, RunningApp];
  turn: number;
}

export function acrossProcesses(
  driver: RoomsDriver,
  redisUrl: () => string,
  deliveryOrder: "arrival" | "by-id",
): RoomsDriver {
  return {
    ...driver,
    capabilities: { ...driver.capabilities, deliveryOrder },
    name: `${driver.name}, two processes on Redis`,
    async start(env) {
      const shared = { ...env, REDIS_URL: redisUrl() };
      const [a, b] = await Promise.all([
        driver.start(shared),
        driver.start(shared),
      ]);
      return pairOf(a, b);
    },
    connect(app, options) {
      const pair = app as Pair;
      const next = pair.processes[pair.turn++ % 2]!;
      return driver.connect(next, options);
    },
  };
}

function pairOf(a: RunningApp, b: RunningApp): Pair {
  return {
    processes: [a, b],
    turn: 0,
    name: `${a.name} x2`,
    origin: a.origin,
    port: a.port,
    get output() {
      return [...a.output, ...b.output];
    },
    get alive() {
      return a.alive && b.alive;
    },
    ask: (message) => a.ask(message),
    async stats(): Promise<AppStats> {
      const [left, right] = await Promise.all([a.stats(), b.stats()]);
      return {
        ...left,
        openConnections: left.openConnections + right.openConnections,
        liveTimers: left.liveTimers + right.liveTimers,
        pushed: left.pushed + right.pushed,
        notSent: left.notSent + right.notSent,
        received: left.received + right.received,
        processTimers: left.processTimers + right.processTimers,
      };
    },
    async stop(signal, killAfterMs) {
      const [left, right] = await Promise.all([
        a.stop(signal, killAfterMs),
        b.stop(signal, killAfterMs),
      ]);
      return {
        code: left.code ?? right.code,
        ms: Math.max(left.ms, right.ms),
      };
    },
  };
}
