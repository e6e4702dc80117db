// The Measured page's network with distance: every figure comes from
// docs/data/compare.json as the page renders it, in both locales, and
// both pages place the tables and the charts in the section.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  networkCharts,
  networkPushTable,
  networkRoomsTable,
  type NetworkData,
} from "../.vitepress/theme/network.js";
import { read } from "./markdown.js";

const run = JSON.parse(
  readFileSync(new URL("../data/compare.json", import.meta.url), "utf8"),
) as { measuredAt: string; network: NetworkData };
const data = run.network;
const whole = (value: number) => Math.round(value).toLocaleString("en-US");

describe("the network with distance, in the data", () => {
  it("has every transport at the control delay and with distance, 20 clients or more each", () => {
    expect(data.options.delaysMs[0]).toBe(0);
    expect(Math.max(...data.options.delaysMs)).toBeGreaterThan(0);
    expect(data.push.map((row) => row.id)).toEqual([
      "ws",
      "socket.io",
      "socket.io-websocket",
      "sse",
    ]);
    expect(data.rooms.map((row) => row.id)).toEqual(["ws", "socket.io"]);
    for (const row of [...data.push, ...data.rooms])
      expect(row.byDelay.map((f) => f.delayMs)).toEqual(data.options.delaysMs);
    for (const row of data.push)
      for (const f of row.byDelay) {
        expect(f.firstPush.n).toBeGreaterThanOrEqual(20);
        expect(f.firstMessageAfterOutage.n).toBeGreaterThanOrEqual(20);
      }
    for (const row of data.rooms)
      for (const f of row.byDelay)
        expect(f.caughtUp.n).toBeGreaterThanOrEqual(20);
  });
});

describe.each(["en", "ko"] as const)("its tables and charts (%s)", (locale) => {
  it("show each row's figures as the data has them", () => {
    const push = networkPushTable(data, locale);
    expect(push.rows).toHaveLength(
      data.push.length * data.options.delaysMs.length,
    );
    data.push
      .flatMap((row) => row.byDelay)
      .forEach((f, i) => {
        const cells = push.rows[i]!.join(" | ");
        expect(cells).toContain(`${f.delayMs} ms`);
        expect(cells).toContain(
          `${whole(f.connected.p50)} / ${whole(f.connected.p90)}`,
        );
        expect(cells).toContain(
          `(${whole(f.firstMessageAfterOutage.min)}–${whole(f.firstMessageAfterOutage.max)})`,
        );
      });
    const rooms = networkRoomsTable(data, locale);
    data.rooms
      .flatMap((row) => row.byDelay)
      .forEach((f, i) =>
        expect(rooms.rows[i]!.join(" | ")).toContain(
          `${whole(f.caughtUp.p50)} / ${whole(f.caughtUp.p90)}`,
        ),
      );
  });

  it("draw one curve per transport, and the rooms' catch-up after the outage", () => {
    const [start, outage] = networkCharts(data, locale);
    const curves = (svg: string) => svg.match(/<polyline /g)?.length ?? 0;
    expect(curves(start!.svg)).toBe(data.push.length);
    expect(curves(outage!.svg)).toBe(data.push.length + data.rooms.length);
  });
});

describe.each(["measured.md", "ko/measured.md"])("%s", (page) => {
  it("puts the tables and the charts in the network section", () => {
    const text = read(page);
    const section = text.slice(text.indexOf("{#network}"));
    const body = section.slice(0, section.indexOf("\n## "));
    for (const part of ["push", "rooms", "charts"])
      expect(body).toContain(`<NetworkDistance part="${part}" />`);
  });
});
