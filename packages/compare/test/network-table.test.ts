// The network with distance as the terminal prints it: each figure a
// distribution over the clients, p50 / p90 then the fastest and slowest.
import { describe, expect, it } from "vitest";
import { spread } from "../src/bench/distance.js";
import type { NetworkComparison } from "../src/report/model.js";
import { networkTables } from "../src/report/network-table.js";

describe("the network tables", () => {
  it("summarise a sample at p50 and p90 with its range", () => {
    const s = spread([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
    expect(s).toMatchObject({ n: 10, p50: 5, p90: 9, min: 1, max: 10 });
    expect(s.samples).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("print one row per transport and delay, and say how many did not come back", () => {
    const some = spread([100, 200, 300, 400, 1500]);
    const none = spread([]);
    const network: NetworkComparison = {
      commit: "abc1234",
      options: {
        delaysMs: [0, 50],
        clients: 5,
        outageMs: 5000,
        pushIntervalMs: 100,
        eventSourceRetryMs: 3000,
      },
      push: [
        {
          id: "ws",
          label: "ws demo",
          byDelay: [0, 50].map((delayMs) => ({
            delayMs,
            connected: some,
            firstPush: some,
            reconnected: delayMs === 0 ? some : none,
            firstMessageAfterOutage: delayMs === 0 ? some : none,
            lost: delayMs === 0 ? 0 : 5,
          })),
        },
      ],
      rooms: [],
    };
    const [push, ...rest] = networkTables(network);
    expect(rest).toEqual([]);
    expect(push!.rows).toHaveLength(3);
    expect(push!.rows[1]).toEqual([
      "ws demo",
      "0 ms",
      "300 / 1,500 (100-1,500)",
      "300 / 1,500 (100-1,500)",
      "300 / 1,500 (100-1,500)",
      "300 / 1,500 (100-1,500)",
      "0",
    ]);
    expect(push!.rows[2]!.slice(4)).toEqual(["n/a", "n/a", "5"]);
    expect(networkTables(null)).toEqual([]);
  });
});
