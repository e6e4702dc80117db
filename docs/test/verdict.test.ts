// The verdict page's decision table holds no typed figure: every number it
// shows is read from docs/data/compare.json or counted from lesson 2's
// code, and this test reads each one there again. It also holds the table
// to the data whether or not the comparison has its SSE baseline and its
// client-download figures yet: with them, their cells show figures; without,
// the cells say what you would build and show no number.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countFeatures } from "../rooms/features.js";
import { type Comparison, valueAt } from "../verdict/data.js";
import {
  COLUMNS,
  formatFigure,
  formatPart,
  type Part,
  type Row,
} from "../verdict/model.js";
import { verdictRows } from "../verdict/rows.js";
import { readRuns } from "../verdict/runs.js";
import { docsRoot } from "./markdown.js";

const runs = readRuns();
const loc = countFeatures();
const dist = join(docsRoot, ".vitepress/dist");

type Figure = Part & { kind: "figure" };
const figures = (rows: readonly Row[]): Figure[] =>
  rows.flatMap((row) =>
    COLUMNS.flatMap((column) =>
      row.cells[column].filter(
        (part): part is Figure => part.kind === "figure",
      ),
    ),
  );

/** What a figure's source holds now: compare.json or lesson 2's count. */
function sourceValue(source: string, data: Comparison = runs.latest): unknown {
  const [kind, path] = source.split(/:(.*)/s) as [string, string];
  return kind === "compare" ? valueAt(data, path) : valueAt(loc, path);
}

/** The stored comparison with the SSE baseline and client downloads another run adds. */
const withBaseline: Comparison = {
  ...runs.latest,
  sse: {
    heapPerConnection: 2345.6,
    bytesPerPush: 77.5,
    connectP50Ms: 12.25,
    lastEventIdResume: true,
  },
  clientDownload: {
    ws: { served: 3100, minified: 1500, gzip: 800, brotli: 700 },
    socketio: { served: 160000, minified: 49000, gzip: 15000, brotli: 13000 },
  },
};
const withoutBaseline: Comparison = {
  ...runs.latest,
  sse: null,
  clientDownload: null,
};

describe.each(["en", "ko"] as const)("the decision table in %s", (locale) => {
  it("has the issue's rows, each with a cell per transport", () => {
    const rows = verdictRows(runs, loc, locale);
    expect(rows.map((row) => row.id)).toEqual([
      "code",
      "download",
      "memory",
      "cpu",
      "latency",
      "bytes",
      "reconnect",
      "acks",
      "rooms",
      "processes",
      "other-clients",
      "proxies",
      "lock-in",
    ]);
    for (const row of rows)
      for (const column of COLUMNS)
        expect(row.cells[column].length, `${row.id}/${column}`).toBeGreaterThan(
          0,
        );
  });

  it("reads every figure from the data, as it is there now", () => {
    const shown = figures(verdictRows(runs, loc, locale));
    expect(shown.length).toBeGreaterThan(10);
    for (const figure of shown)
      expect(sourceValue(figure.source), figure.source).toBe(figure.value);
  });

  it("with the SSE baseline and client downloads in the data, shows them", () => {
    const rows = verdictRows(
      { latest: withBaseline, all: [withBaseline] },
      loc,
      locale,
    );
    const sources = figures(rows).map((figure) => figure.source);
    for (const path of [
      "sse.heapPerConnection",
      "sse.bytesPerPush",
      "sse.connectP50Ms",
      "clientDownload.ws.gzip",
      "clientDownload.socketio.served",
      "clientDownload.socketio.brotli",
    ])
      expect(sources).toContain(`compare:${path}`);
    for (const figure of figures(rows))
      expect(sourceValue(figure.source, withBaseline), figure.source).toBe(
        figure.value,
      );
  });

  it("without them, the SSE and download cells say what to build and show no number", () => {
    const rows = verdictRows(
      { latest: withoutBaseline, all: [withoutBaseline] },
      loc,
      locale,
    );
    const sources = figures(rows).map((figure) => figure.source);
    expect(
      sources.filter((source) =>
        /^compare:(sse|clientDownload)\./.test(source),
      ),
    ).toEqual([]);
    for (const row of rows) {
      const sse = row.cells.sse;
      expect(
        sse.some((part) => part.kind === "figure"),
        `${row.id}: no SSE figure`,
      ).toBe(false);
    }
    const download = rows.find((row) => row.id === "download")!;
    for (const column of ["ws", "socketio"] as const)
      expect(
        download.cells[column].some((part) => part.kind === "link"),
        `download/${column} links the lesson that shows the cost`,
      ).toBe(true);
  });
});

describe("figures that move between runs", () => {
  const cpu = (value: number): Comparison => {
    const latest = structuredClone(runs.latest) as Comparison & {
      rooms: { across: Array<Record<string, number | string>> };
    };
    latest.rooms.across[0]!.cpuPer1000Deliveries = value;
    return latest;
  };

  it("show their range when several runs are stored, and no range with one", () => {
    const ratio = (rows: readonly Row[]) =>
      figures(rows).find(
        (figure) =>
          figure.source === "compare:rooms.across.0.cpuPer1000Deliveries",
      )!;
    const one = ratio(
      verdictRows({ latest: cpu(1.17), all: [cpu(1.17)] }, loc, "en"),
    );
    expect(one.spread).toBeUndefined();
    expect(formatPart(one)).toBe("1.17x");
    const several = ratio(
      verdictRows(
        { latest: cpu(1.17), all: [cpu(1.58), cpu(0.9), cpu(1.17)] },
        loc,
        "en",
      ),
    );
    expect(several.spread).toEqual([0.9, 1.58]);
    expect(formatPart(several)).toBe("0.90x – 1.58x");
  });

  it("show one figure when every run gives the same, as byte counts do", () => {
    expect(
      formatPart({
        kind: "figure",
        source: "compare:clientDownload.ws.gzip",
        value: 3621,
        format: "bytes",
        spread: [3621, 3621],
      }),
    ).toBe(formatFigure(3621, "bytes"));
  });

  it("draw a direction only when every stored run falls on one side of 1.0x", () => {
    const words = (all: Comparison[]) =>
      verdictRows({ latest: all.at(-1)!, all }, loc, "en")
        .find((row) => row.id === "cpu")!
        .cells.socketio.filter((part) => part.kind === "text")
        .map((part) => part.text)
        .join(" ");
    expect(words([cpu(1.09), cpu(1.59), cpu(1.17)])).toContain(
      "higher in every stored run",
    );
    expect(words([cpu(0.8), cpu(0.95)])).toContain("lower in every stored run");
    const mixed = words([cpu(0.9), cpu(1.58), cpu(1.17)]);
    expect(mixed).toContain("no direction drawn");
    expect(mixed).not.toContain("higher in every stored run");
  });

  it("with one stored run, the page says it draws no direction from them", () => {
    const rows = verdictRows(
      { latest: cpu(1.17), all: [cpu(1.17)] },
      loc,
      "en",
    );
    const cell = rows.find((row) => row.id === "cpu")!.cells.socketio;
    expect(
      cell.some(
        (part) => part.kind === "text" && /no direction/.test(part.text),
      ),
    ).toBe(true);
  });
});

/** The table of a built page: its figures and the words around them. */
function builtTable(html: string) {
  const table = /<table class="verdict"[\s\S]*?<\/table>/.exec(html)?.[0];
  expect(table, "the built page has the decision table").toBeDefined();
  const shown = [
    ...table!.matchAll(
      /<strong[^>]*data-source="([^"]+)"[^>]*data-format="([^"]+)"[^>]*>([^<]*)<\/strong>/g,
    ),
  ].map((match) => ({
    source: match[1]!,
    format: match[2]!,
    text: match[3]!,
  }));
  // The cells' own words: headers, figures and links taken out.
  const words = [...table!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)]
    .map((match) =>
      match[1]!
        .replace(/<strong[\s\S]*?<\/strong>/g, "")
        .replace(/<a [\s\S]*?<\/a>/g, "")
        .replace(/<!--[\s\S]*?-->/g, "")
        .replace(/<[^>]+>/g, "")
        .replace(/&#?\w+;/g, " "),
    )
    .join("\n");
  return { shown, words };
}

describe.each([
  ["verdict.html", "en"],
  ["ko/verdict.html", "ko"],
] as const)("the built page %s", (file, locale) => {
  const built = join(dist, file);

  it.skipIf(!existsSync(built))(
    "shows only figures that are in the data, written as the data says",
    () => {
      const { shown, words } = builtTable(readFileSync(built, "utf8"));
      expect(shown.length).toBeGreaterThan(10);
      for (const figure of shown) {
        const value = sourceValue(figure.source);
        expect(typeof value, `${figure.source} is a number in the data`).toBe(
          "number",
        );
        const model = figures(verdictRows(runs, loc, locale)).find(
          (part) => part.source === figure.source,
        );
        expect(figure.text, figure.source).toBe(
          model?.spread
            ? formatPart(model)
            : formatFigure(value as number, figure.format as Figure["format"]),
        );
      }
      expect(
        shown.map((figure) => figure.source),
        "the page shows what the data gives now (rebuild the site)",
      ).toEqual(figures(verdictRows(runs, loc, locale)).map((f) => f.source));
      expect(
        words.match(/.{0,40}\d.{0,40}/g),
        "a digit in a cell outside a figure or link: read it from the data",
      ).toBeNull();
    },
  );
});
