// Reading a measured server's counters (bytes, heap, timers) over IPC,
// through the instrument preloaded into it, and waiting for them to settle.
import type { RunningApp } from "@repo/contract";
import type { InstrumentRequest, ServerSnapshot } from "./instrument.js";

let nextRequestId = 1;
/** The server's counters now; with `gc`, after a forced garbage collection. */
export async function snapshot(
  app: RunningApp,
  gc = false,
  resetDelay = false,
  roundTrips?: InstrumentRequest["roundTrips"],
): Promise<ServerSnapshot> {
  const request: InstrumentRequest & { id: number } = {
    id: nextRequestId++,
    gc,
    resetDelay,
    ...(roundTrips ? { roundTrips } : {}),
  };
  const { snapshot } = await app.ask<{ snapshot: ServerSnapshot }>({
    ...request,
  });
  return snapshot;
}

/** Polls `done` every 10 ms until it says yes or `ms` have passed. */
export async function waitUntil(
  done: () => Promise<boolean>,
  ms = 5000,
): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await done()) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The lowest heap of three snapshots after GC, 25 ms apart. For a moment
 * after a burst of connections, and now and then later, a snapshot reads
 * 100-300 KB high (work in flight, sweeping not done); the low one is the
 * connections themselves.
 */
export async function settledHeap(app: RunningApp): Promise<ServerSnapshot> {
  let lowest = await snapshot(app, true);
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const next = await snapshot(app, true);
    if (next.heapUsed < lowest.heapUsed) lowest = next;
  }
  return lowest;
}

/** A snapshot once the server has read nothing new for 100 ms (at most 10 s). */
export async function settledRead(app: RunningApp): Promise<ServerSnapshot> {
  let last = await snapshot(app);
  const deadline = performance.now() + 10_000;
  for (let quiet = 0; quiet < 4 && performance.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const next = await snapshot(app);
    quiet = next.bytesRead === last.bytesRead ? quiet + 1 : 0;
    last = next;
  }
  return last;
}
