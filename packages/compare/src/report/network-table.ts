// The network with distance as tables: per transport and delay, the start
// and the return after an outage (lesson 1), and the rooms' catch-up
// (lesson 2). Each figure is a distribution over many clients at once:
// p50 / p90, then the fastest and the slowest.
import type { Spread } from "../bench/distance.js";
import { n0, type Cell } from "./cells.js";
import type { NetworkComparison } from "./model.js";

/** "p50 / p90 (min-max)", in whole ms. */
export function spreadCell(s: Spread): Cell {
  if (s.n === 0) return "n/a";
  return `${n0(s.p50)} / ${n0(s.p90)} (${n0(s.min)}-${n0(s.max)})`;
}

export function networkTables(
  network: NetworkComparison | null,
): Array<{ title: string; rows: Cell[][] }> {
  if (!network) return [];
  const o = network.options;
  const tables: Array<{ title: string; rows: Cell[][] }> = [];
  tables.push({
    title:
      `Network with distance, lesson 1: ${o.clients} clients at once per row through a relay ` +
      `adding the delay each way, push every ${o.pushIntervalMs} ms, then a ${o.outageMs / 1000} s outage ` +
      `(ms, p50 / p90 (min-max); "after" counts from the outage's end)`,
    rows: [
      [
        "transport",
        "delay",
        "connected",
        "first push",
        "after: connected",
        "after: first message",
        "lost",
      ],
      ...network.push.flatMap((row) =>
        row.byDelay.map((f) => [
          row.label,
          `${f.delayMs} ms`,
          spreadCell(f.connected),
          spreadCell(f.firstPush),
          spreadCell(f.reconnected),
          spreadCell(f.firstMessageAfterOutage),
          n0(f.lost),
        ]),
      ),
    ],
  });
  if (network.rooms.length > 0)
    tables.push({
      title:
        `Network with distance, lesson 2: ${o.clients} members of one room away for a ` +
        `${o.outageMs / 1000} s outage; from its end until each holds every message said meanwhile (ms)`,
      rows: [
        ["rooms", "delay", "said meanwhile", "caught up", "lost"],
        ...network.rooms.flatMap((row) =>
          row.byDelay.map((f) => [
            row.label,
            `${f.delayMs} ms`,
            n0(f.said),
            spreadCell(f.caughtUp),
            n0(f.lost),
          ]),
        ),
      ],
    });
  return tables;
}
