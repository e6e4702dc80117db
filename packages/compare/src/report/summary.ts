// What every rendering starts and ends with: the run in one line (how
// many clients, the machine, when, how long), and the checks, one a line.
import type { Comparison } from "./model.js";

export function describeRun(c: Comparison): string {
  const push =
    c.transports.length > 0
      ? `${c.options.clients} clients per server, push every ${c.options.intervalMs} ms, ` +
        `measured for ${c.options.windowMs / 1000} s; `
      : "";
  return (
    `${push}${c.machine.cpus} x ${c.machine.cpuModel}, ` +
    `${c.machine.memoryGiB} GiB, Node ${c.machine.node}; ${c.measuredAt}; took ${(c.durationMs / 1000).toFixed(1)} s`
  );
}

export function renderChecks(c: Comparison): string {
  return c.checks
    .map(
      (check) =>
        `${check.ok ? "ok  " : "FAIL"} ${check.subject}: ${check.what}: ${check.detail}`,
    )
    .join("\n");
}
