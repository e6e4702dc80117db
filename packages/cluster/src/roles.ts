// Which part of WORKERS=N this process plays. The same entry point runs
// in every process: node:cluster tells the first (the primary) from the
// ones it forks (the workers).
import cluster from "node:cluster";
import type { Settings } from "@repo/demo-kit";

/** Whether this process is the primary of WORKERS=N (N > 1): it serves nothing itself. */
export function isClusterPrimary(settings: Settings): boolean {
  return settings.workers > 1 && cluster.isPrimary;
}

/** Whether this process is one of the N workers a primary started. */
export function isClusterWorker(settings: Settings): boolean {
  return settings.workers > 1 && cluster.isWorker;
}
