// Lesson 2's "what each feature took" table cannot drift: the lines are
// counted again here, from the sources, with a counter of this file's own,
// and compared with what the built page shows. Every region of the lesson
// 2 files is in the table, and every region in the table is on the page.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  countFeatures,
  FEATURES,
  LESSON_3_REGIONS,
  SERVER_FILES,
  type RegionRef,
} from "../rooms/features.js";
import loader from "../rooms/loc.data.js";
import { docsRoot, imports } from "./markdown.js";

const repoRoot = join(docsRoot, "..");
const PAGE = "rooms/index.md";
const built = join(docsRoot, ".vitepress/dist/rooms/index.html");

/** The files whose regions lesson 2's table covers. */
const LESSON_FILES = [
  "apps/ws-demo/src/rooms/chat.ts",
  "apps/ws-demo/src/rooms/frames.ts",
  "apps/ws-demo/src/rooms/backend.ts",
  "apps/ws-demo/src/rooms/recipients.ts",
  "apps/ws-demo/src/client/rooms.ts",
  "apps/socketio-demo/src/rooms/chat.ts",
  "apps/socketio-demo/src/rooms/backend.ts",
  "apps/socketio-demo/src/rooms/namespace.ts",
  "apps/socketio-demo/src/rooms/recipients.ts",
  "apps/socketio-demo/src/client/rooms.ts",
];

const source = (file: string) =>
  readFileSync(join(repoRoot, file), "utf8").split("\n");

/** Code lines: not blank, and not a comment line. */
const code = (lines: string[]) =>
  lines.filter((line) => !/^\s*($|\/\/|\/\*|\*)/.test(line)).length;

/** This test's own count of one region. */
function recount({ file, region }: RegionRef): number {
  const lines = source(file);
  const start = lines.findIndex(
    (line) => line.trim() === `// #region ${region}`,
  );
  const end = lines.findIndex(
    (line) => line.trim() === `// #endregion ${region}`,
  );
  expect(start, `${file}#${region} starts`).toBeGreaterThanOrEqual(0);
  expect(end, `${file}#${region} ends after it starts`).toBeGreaterThan(start);
  return code(lines.slice(start + 1, end));
}

const regionsIn = (file: string) =>
  source(file).flatMap((line) => {
    const match = /^\s*\/\/ #region (\S+)$/.exec(line);
    return match ? [`${file}#${match[1]}`] : [];
  });

const fresh = FEATURES.map((feature) => ({
  name: feature.name,
  ws: feature.ws.reduce((sum, ref) => sum + recount(ref), 0),
  socketio: feature.socketio.reduce((sum, ref) => sum + recount(ref), 0),
}));
const sum = (part: string, side: "ws" | "socketio") =>
  FEATURES.reduce(
    (total, feature, index) =>
      total + (feature.part === part ? fresh[index]![side] : 0),
    0,
  );
const whole = (files: readonly string[]) =>
  files.reduce((total, file) => total + code(source(file)), 0);

/** Every row of the built table: its feature and the two numbers it shows. */
function shownRows(html: string): Record<string, [number, number]> {
  const table = /<table class="loc"[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
  const rows: Record<string, [number, number]> = {};
  for (const row of table.matchAll(
    /<tr[^>]*data-feature="([^"]+)"[\s\S]*?<\/tr>/g,
  )) {
    const cell = (side: string) =>
      Number(
        new RegExp(`data-side="${side}"[^>]*>\\s*(\\d+)`).exec(row[0])?.[1],
      );
    rows[row[1]!.replaceAll("&amp;", "&")] = [cell("ws"), cell("socketio")];
  }
  return rows;
}

describe("what each feature took", () => {
  it("the build-time count agrees with this test's own count", () => {
    const table = countFeatures(repoRoot);
    expect(
      table.rows.map((row) => ({
        name: row.name,
        ws: row.ws.lines,
        socketio: row.socketio.lines,
      })),
    ).toEqual(fresh);
    expect(table.server).toEqual({
      ws: sum("server", "ws"),
      socketio: sum("server", "socketio"),
    });
    expect(table.page).toEqual({
      ws: sum("page", "ws"),
      socketio: sum("page", "socketio"),
    });
    expect(table.serverFiles).toEqual({
      ws: whole(SERVER_FILES.ws),
      socketio: whole(SERVER_FILES.socketio),
    });
  });

  it("is what the page's loader gives, and the loader watches every file it counts", async () => {
    expect(await loader.load([])).toEqual(countFeatures(repoRoot));
    const watched = [loader.watch ?? []]
      .flat()
      .map((glob) => glob.replace(/^(\.\.\/)+/, ""));
    for (const file of [
      ...LESSON_FILES,
      ...SERVER_FILES.ws,
      ...SERVER_FILES.socketio,
    ])
      expect(watched).toContain(file);
  });

  it("counts every region of the lesson 2 files, each once", () => {
    const counted = FEATURES.flatMap((feature) =>
      [...feature.ws, ...feature.socketio].map(
        (ref) => `${ref.file}#${ref.region}`,
      ),
    );
    expect(new Set(counted).size).toBe(counted.length);
    const lesson3 = LESSON_3_REGIONS.map((ref) => `${ref.file}#${ref.region}`);
    expect([...counted].sort()).toEqual(
      LESSON_FILES.flatMap(regionsIn)
        .filter((ref) => !lesson3.includes(ref))
        .sort(),
    );
  });

  it("counts only what the page shows: each counted region is imported on it", () => {
    const shown = new Set(
      imports(PAGE).map(
        (entry) => `${entry.file.replace(/^\.\.\//, "")}#${entry.region}`,
      ),
    );
    for (const feature of FEATURES)
      for (const ref of [...feature.ws, ...feature.socketio])
        expect(shown, `${ref.file}#${ref.region}`).toContain(
          `${ref.file}#${ref.region}`,
        );
  });

  it("a side with no region says what does the work instead", () => {
    for (const feature of FEATURES)
      if (feature.ws.length === 0 || feature.socketio.length === 0)
        expect(feature.builtIn, feature.name).toMatch(/^built in: /);
  });

  it.skipIf(!existsSync(built))(
    "the built page shows exactly these numbers",
    () => {
      const expected: Record<string, [number, number]> = Object.fromEntries(
        fresh.map((row) => [row.name, [row.ws, row.socketio]]),
      );
      expected["server regions"] = [
        sum("server", "ws"),
        sum("server", "socketio"),
      ];
      expected["server files"] = [
        whole(SERVER_FILES.ws),
        whole(SERVER_FILES.socketio),
      ];
      expect(shownRows(readFileSync(built, "utf8"))).toEqual(expected);
    },
  );
});
