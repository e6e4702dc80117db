// The Measured page's charts, drawn from a known JSON: what is drawn, and
// where, follows from the figures; labels follow the locale.
import { describe, expect, it } from "vitest";
import { comparisonCharts } from "../.vitepress/theme/charts.js";
import type { ComparisonData } from "../.vitepress/theme/charts/data.js";
import { ratioBars } from "../.vitepress/theme/charts/ratio-bars.js";
import { linearTicks, logTicks } from "../.vitepress/theme/charts/svg.js";

const distribution = [1, 1, 1, 2, 2, 3, 4, 5, 8, 10];
const data: ComparisonData = {
  transports: [
    {
      label: "ws",
      demo: { latencyDistributionMs: distribution },
      bare: { latencyDistributionMs: distribution },
      ratios: { heapPerConnection: 2, rssPerConnection: 0.5, bytesPerPush: 1 },
    },
  ],
  across: [],
  knobs: [],
  sweep: [100, 1000, 10_000].map((clients) => ({
    clients,
    servers: [
      {
        label: "ws demo",
        heapPerConnection: 4096,
        connectAllMs: clients,
        latencyP50Ms: 1,
      },
    ],
  })),
  rooms: null,
};

/** The (x, width) of every bar, in order. */
function bars(svg: string): Array<{ x: number; width: number }> {
  return [
    ...svg.matchAll(
      /<rect class="cc-s\d" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g,
    ),
  ].map((m) => ({ x: Number(m[1]), width: Number(m[2]) }));
}

describe("the Measured page's charts", () => {
  it("draws 2x and 0.5x as bars of one length on either side of 1.00x", () => {
    const svg = ratioBars("ratios", [
      { label: "more", value: 2, series: 0 },
      { label: "less", value: 0.5, series: 1 },
      { label: "not measured", value: Number.NaN, series: 2 },
    ]);
    const [more, less] = bars(svg);
    expect(bars(svg)).toHaveLength(2);
    expect(more!.width).toBeCloseTo(less!.width, 5);
    expect(less!.x + less!.width).toBeCloseTo(more!.x, 5);
    expect(svg).toContain(">2.00x<");
    expect(svg).toContain(">0.50x<");
    expect(svg).not.toContain("not measured");
  });

  it("draws ratios, latency distributions and scaling lines from the JSON", () => {
    const charts = comparisonCharts(data, "en");
    expect(charts.map((chart) => chart.id)).toEqual([
      "demo-over-bare",
      "push-latency",
      "scaling-heap",
      "scaling-connect",
      "scaling-latency",
    ]);
    const ratios = charts[0]!.svg;
    expect(ratios).toContain("ws: heap per connection");
    expect(ratios).toContain(">2.00x<");
    // One line per server, a point per client count, on a log axis.
    const connect = charts[3]!.svg;
    const points = /<polyline[^>]* points="([^"]+)"/
      .exec(connect)![1]!
      .split(" ");
    expect(points).toHaveLength(3);
    const xs = points.map((point) => Number(point.split(",")[0]));
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 0);
  });

  it("takes its labels from the locale", () => {
    const [ko] = comparisonCharts(data, "ko");
    expect(ko!.svg).toContain("ws: 연결당 힙");
    expect(ko!.svg).not.toContain("heap per connection");
  });

  it("draws what the Socket.IO pages download against the ws pages, per column and page", () => {
    const page = (bytes: number) => ({
      page: "/",
      served: bytes,
      transferred: bytes,
      unminified: bytes,
      minified: bytes,
      gzip: bytes / 2,
      brotli: bytes / 4,
    });
    const [chart] = comparisonCharts(
      {
        ...data,
        transports: [],
        sweep: [],
        clientDownload: {
          ws: { ...page(1000), rooms: page(2000) },
          socketio: { ...page(12_000), rooms: page(4000) },
        },
      },
      "en",
    );
    expect(chart!.id).toBe("client-download");
    expect(bars(chart!.svg)).toHaveLength(10);
    expect(chart!.svg).toContain("Lesson 1: minified + brotli");
    expect(chart!.svg).toContain(">12.00x<");
    expect(chart!.svg).toContain("Lesson 2: served");
    expect(chart!.svg).toContain(">2.00x<");
  });

  it("draws the SSE baseline against ws's, without latency", () => {
    const sse = {
      label: "SSE + fetch",
      heapPerConnection: 6000,
      bytesPerPush: 102,
      expectedBytesPerPush: 102,
      bytesPerReply: 150,
      bytesPerReplyAnswer: 111,
      connectP50Ms: 40,
      connectP99Ms: 90,
      latencyP50Ms: 80,
      latencyP99Ms: 190,
      lastEventIdResume: true,
      resume: { missed: 3, replayed: 3, replayedWithoutHeader: 0 },
      againstWsBare: {
        heapPerConnection: 1.5,
        bytesPerPush: 1.1,
        bytesPerReply: 2.5,
        connectAll: 0.9,
      },
    };
    const [chart] = comparisonCharts(
      { ...data, transports: [], sweep: [], sse },
      "ko",
    );
    expect(chart!.id).toBe("sse");
    expect(bars(chart!.svg)).toHaveLength(4);
    expect(chart!.svg).toContain("연결당 힙");
    expect(chart!.svg).toContain(">2.50x<");
    expect(chart!.svg).not.toContain("지연");
  });

  it("puts ticks at 1, 2 and 5 times powers of ten", () => {
    expect(linearTicks(22)).toEqual([0, 5, 10, 15, 20]);
    expect(logTicks(80, 12_000)).toEqual([
      100, 200, 500, 1000, 2000, 5000, 10_000,
    ]);
  });
});
