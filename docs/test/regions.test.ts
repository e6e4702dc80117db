// VitePress 1.x embeds the whole file, silently, when a region is missing:
// this suite fails instead, for every import on every page.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docsRoot, imports, pages } from "./markdown.js";

/**
 * How a file marks its regions: `// #region name` in code, `#region name`
 * in an nginx config (VitePress reads `# #region` as no region at all).
 */
function marker(file: string): string {
  return file.endsWith(".conf") ? "#" : "// #";
}

const all = pages().flatMap((page) =>
  imports(page).map((entry) => ({ page, ...entry })),
);

describe("code imported into the docs", () => {
  it("imports something at all", () => {
    expect(all.length).toBeGreaterThan(30);
  });

  it.each(all.map((entry) => [`${entry.page}: ${entry.line}`, entry] as const))(
    "%s",
    (_name, entry) => {
      const path = join(docsRoot, entry.file);
      expect(existsSync(path), `${entry.file} does not exist`).toBe(true);
      if (entry.region === undefined) return;
      expect(entry.region).toMatch(/^[a-z0-9-]+$/);
      const lines = readFileSync(path, "utf8")
        .split("\n")
        .map((line) => line.trim());
      const mark = marker(entry.file);
      const starts = lines.filter(
        (line) => line === `${mark}region ${entry.region}`,
      ).length;
      const ends = lines.filter(
        (line) => line === `${mark}endregion ${entry.region}`,
      ).length;
      expect(
        { starts, ends },
        `region "${entry.region}" in ${entry.file}`,
      ).toEqual({ starts: 1, ends: 1 });
    },
  );
});

describe("regions in the sources", () => {
  const files = [...new Set(all.map((entry) => entry.file))];
  it.each(files)(
    "every #region in %s is closed by an #endregion that repeats its name",
    (file) => {
      const lines = readFileSync(join(docsRoot, file), "utf8")
        .split("\n")
        .map((line) => line.trim());
      const mark = marker(file);
      const open: string[] = [];
      for (const line of lines) {
        const start = line.startsWith(`${mark}region `)
          ? /^\S+ (\S+)$/.exec(line.slice(mark.length))
          : null;
        const end = line.startsWith(`${mark}endregion`)
          ? /^endregion(?: (\S+))?$/.exec(line.slice(mark.length))
          : null;
        if (start) open.push(start[1]!);
        if (end)
          expect(
            end[1],
            `#endregion without the name of "${open.at(-1)}"`,
          ).toBe(open.pop());
      }
      expect(open).toEqual([]);
    },
  );
});
