// Lesson 2 against bare rooms servers, on the Measured page: every figure
// comes from docs/data/compare.json's rooms as the page renders it, in both
// locales, and a demo over the goal says what the difference buys.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ROOMS_BARE_TARGET,
  roomsBareTable,
  type RoomsBareData,
} from "../.vitepress/theme/rooms-bare-table.js";
import { read } from "./markdown.js";

const run = JSON.parse(
  readFileSync(new URL("../data/compare.json", import.meta.url), "utf8"),
) as { measuredAt: string; rooms: Omit<RoomsBareData, "measuredAt"> };
const data: RoomsBareData = { measuredAt: run.measuredAt, ...run.rooms };

describe("the bare rooms data", () => {
  it("is held to the compare tool's own goal", () => {
    const tool = readFileSync(
      new URL("../../packages/compare/src/report/ratios.ts", import.meta.url),
      "utf8",
    );
    expect(tool).toContain(`ROOMS_BARE_TARGET = ${ROOMS_BARE_TARGET};`);
  });

  it("comes from the page's run", () => {
    expect(Date.parse(data.measuredAt)).not.toBeNaN();
    expect(data.bare.length).toBeGreaterThan(0);
  });

  it("pairs each demo with its baseline, the ratios dividing their figures", () => {
    expect(data.transports.map((f) => f.server)).toEqual([
      "ws-demo",
      "socketio-demo",
    ]);
    expect(data.bare.map((f) => f.server)).toEqual([
      "ws-rooms-bare",
      "socketio-rooms-bare",
    ]);
    data.demoOverBare.forEach((ratios, i) => {
      const demo = data.transports[i]!;
      const bare = data.bare[i]!;
      expect(ratios.cpuPer1000Deliveries).toBeCloseTo(
        demo.cpuMsPer1000Deliveries / bare.cpuMsPer1000Deliveries,
      );
      expect(ratios.heapPerMember).toBeCloseTo(
        demo.heapPerMember / bare.heapPerMember,
      );
      // Over the goal on CPU or heap, and only then, it says what it buys.
      expect(ratios.buys !== null).toBe(
        ratios.cpuPer1000Deliveries > ROOMS_BARE_TARGET ||
          ratios.heapPerMember > ROOMS_BARE_TARGET,
      );
    });
  });
});

describe.each(["en", "ko"] as const)("the bare rooms table (%s)", (locale) => {
  const table = roomsBareTable(data, locale);

  it("shows each demo, its baseline and the ratio, as the data has them", () => {
    expect(table.rows).toHaveLength(3 * data.transports.length);
    data.transports.forEach((demo, i) => {
      const bare = data.bare[i]!;
      const ratios = data.demoOverBare[i]!;
      const [demoRow, bareRow, ratioRow] = table.rows.slice(3 * i, 3 * i + 3);
      expect(demoRow![1]).toBe(demo.cpuMsPer1000Deliveries.toFixed(1));
      expect(bareRow![2]).toBe(`${(bare.heapPerMember / 1024).toFixed(1)} KB`);
      expect(bareRow![4]).toBe(bare.latencyP99Ms.toFixed(2));
      expect(ratioRow!.slice(1, 5)).toEqual(
        [
          ratios.cpuPer1000Deliveries,
          ratios.heapPerMember,
          ratios.burstDeliveriesPerSecond,
          ratios.latencyP99,
        ].map((value) => `${value.toFixed(2)}x`),
      );
    });
  });

  it("says beside each ratio over the goal what the difference buys", () => {
    data.demoOverBare.forEach((ratios, i) => {
      const said = table.rows[3 * i + 2]!.at(-1)!;
      if (ratios.overTarget.length === 0) expect(said).toMatch(/1\.2/);
      else
        expect(said).toMatch(
          locale === "en"
            ? /validation/
            : /검증.*방의 기록.*속도 제한.*접속자 목록/,
        );
    });
  });

  it("names the day of the run and the rooms' sizes", () => {
    const [, , after] = table.note!;
    expect(after).toContain(data.measuredAt.slice(0, 10));
    expect(after).toContain(String(data.options.members));
  });
});

describe.each(["measured.md", "ko/measured.md"])("%s", (page) => {
  it("shows the bare rooms table in Lesson 2's section, with both baselines' code", () => {
    const text = read(page);
    const lesson2 = text.slice(
      text.indexOf("{#rooms}"),
      text.indexOf("{#scaling}"),
    );
    const section = lesson2.slice(lesson2.indexOf("{#rooms-bare}"));
    expect(section).toContain('<MeasuredTable name="rooms-bare" />');
    expect(section).toContain("baselines/ws-rooms-bare.ts#broadcast");
    expect(section).toContain("baselines/socketio-rooms-bare.ts#rooms");
  });
});
