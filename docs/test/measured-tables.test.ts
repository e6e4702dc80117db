// The Measured page's download and SSE tables: every figure comes from
// docs/data/compare.json as the page renders it, in both locales, and the
// page places each table with its chart.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  clientDownloadTable,
  sseTable,
  type ClientDownloadData,
  type PageDownloadData,
  type SseData,
} from "../.vitepress/theme/measured-tables.js";
import { read } from "./markdown.js";

const data = JSON.parse(
  readFileSync(new URL("../data/compare.json", import.meta.url), "utf8"),
) as {
  clientDownload: ClientDownloadData;
  sse: SseData;
};

describe("what the browser downloads, on the Measured page", () => {
  it("is in the data the page renders, for both transports and both pages", () => {
    expect(data.clientDownload).toBeTruthy();
    for (const transport of [
      data.clientDownload.ws,
      data.clientDownload.socketio,
    ])
      for (const page of [transport, transport.rooms])
        for (const key of ["served", "minified", "gzip", "brotli"] as const)
          expect(page[key]).toBeGreaterThan(0);
  });

  it.each(["en", "ko"] as const)(
    "shows each page's bytes as the data has them (%s)",
    (locale) => {
      const table = clientDownloadTable(data.clientDownload, locale);
      const { ws, socketio } = data.clientDownload;
      const cells = (page: PageDownloadData) =>
        [
          page.served,
          page.transferred,
          page.unminified,
          page.minified,
          page.gzip,
          page.brotli,
        ].map((value) => value.toLocaleString("en-US"));
      expect(table.rows.map((row) => row.slice(1))).toEqual([
        cells(ws),
        cells(socketio),
        cells(ws.rooms),
        cells(socketio.rooms),
      ]);
      expect(table.header).toHaveLength(7);
    },
  );
});

describe("the SSE baseline, on the Measured page", () => {
  it("is in the data, with the catch-up measured", () => {
    expect(data.sse.lastEventIdResume).toBe(true);
    expect(data.sse.resume!.replayed).toBe(data.sse.resume!.missed);
    expect(data.sse.bytesPerPush).toBe(data.sse.expectedBytesPerPush);
  });

  it.each(["en", "ko"] as const)(
    "shows its figures as the data has them (%s)",
    (locale) => {
      const table = sseTable(data.sse, locale);
      const text = table.rows.flat().join(" | ");
      expect(text).toContain(
        `${(data.sse.heapPerConnection / 1024).toFixed(1)} KB`,
      );
      expect(text).toContain(data.sse.bytesPerPush.toFixed(2));
      expect(text).toContain(
        `${data.sse.connectP50Ms.toFixed(1)} / ${data.sse.connectP99Ms.toFixed(1)}`,
      );
      expect(text).toContain(
        `${data.sse.againstWsBare!.heapPerConnection.toFixed(2)}x`,
      );
      expect(text).toContain(String(data.sse.resume!.missed));
      // Where merged figures came from: the command, the day, the load.
      if (data.sse.measuredBy) {
        const [before, command, after] = table.note!;
        expect(command).toBe(data.sse.measuredBy);
        expect(before + after).toContain(data.sse.measuredAt!.slice(0, 10));
        expect(after).toContain(`${data.sse.options!.clients}`);
      }
    },
  );
});

describe.each(["measured.md", "ko/measured.md"])("%s", (page) => {
  it("puts each new table with its chart, in its section", () => {
    const text = read(page);
    for (const [anchor, name] of [
      ["client-download", "client-download"],
      ["sse", "sse"],
    ]) {
      const section = text.slice(text.indexOf(`{#${anchor}}`));
      const end = section.indexOf("\n## ");
      const body = section.slice(0, end);
      expect(body).toContain(`<MeasuredTable name="${name}" />`);
      expect(body).toContain(`<CompareCharts only="${name}" />`);
    }
  });
});
