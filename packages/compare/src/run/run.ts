// Runs what the command line asked for, in order: lesson 1's push (each
// transport's demo and bare baseline, SSE, the tuning rows, recovery, the
// download), the sweep, then lesson 2's rooms; and puts the figures
// together as the comparison the renderers print.
import { cpus, totalmem } from "node:os";
import type {
  Comparison,
  NetworkComparison,
  SweepPoint,
} from "../report/model.js";
import { acrossTransports } from "../report/ratios.js";
import type { Plan } from "./plan.js";
import type { Progress } from "./progress.js";
import { runNetwork } from "./network.js";
import { noPush, runPush, runSweep, type Cleanup } from "./push.js";
import { runRooms } from "./rooms.js";

/**
 * Runs `plan`. On a failure, stops every server still running (none may
 * outlive the tool) and throws.
 */
export async function runPlan(
  plan: Plan,
  progress: Progress,
): Promise<Comparison> {
  // Servers that fail to start, or are left when a run fails, must not
  // outlive the tool.
  const cleanups: Cleanup[] = [];
  let push = noPush;
  const sweep: SweepPoint[] = [];
  let rooms: Awaited<ReturnType<typeof runRooms>> | null = null;
  let network: NetworkComparison | null = null;
  try {
    if (plan.push) push = await runPush(plan, progress, cleanups);
    for (const count of plan.sweepCounts)
      sweep.push(await runSweep(plan, count, progress, cleanups));
    if (plan.rooms) rooms = await runRooms(plan, progress);
    if (plan.network) network = await runNetwork(plan.network, progress);
  } catch (error) {
    if (process.stderr.isTTY) process.stderr.write("\n");
    await Promise.allSettled(cleanups.map((cleanup) => cleanup()));
    throw error;
  }
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[2K");

  const { measure } = plan;
  return {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.versions.node,
      platform: `${process.platform}-${process.arch}`,
    },
    options: {
      clients: measure.clients,
      intervalMs: measure.intervalMs,
      windowMs: measure.windowMs,
      concurrency: measure.concurrency,
    },
    durationMs: performance.now() - progress.started,
    transports: push.transports,
    across: acrossTransports(push.transports),
    knobs: push.knobs,
    sweep,
    rooms: rooms?.comparison ?? null,
    sse: push.sse,
    clientDownload: push.clientDownload,
    network,
    checks: [...push.checks, ...(rooms?.checks ?? [])],
  };
}
