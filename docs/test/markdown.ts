// Reading the site's Markdown: which code it imports, and which blocks
// promise what a learner "should see".
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const docsRoot = new URL("../", import.meta.url).pathname;

/** Every page of the site, relative to docs/. */
export function pages(dir = docsRoot): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (
      name.startsWith(".") ||
      name === "node_modules" ||
      name === "test" ||
      name === "data"
    )
      return [];
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith(".md") ? [relative(docsRoot, path)] : [];
  });
}

export function read(page: string): string {
  return readFileSync(join(docsRoot, page), "utf8");
}

/**
 * `<<< @/../path/file.ts#region{lang} [label]` lines: file (from docs/)
 * and region (`{lang}` picks the highlighting where the file's extension
 * does not: `{nginx}` for a .conf).
 */
export function imports(
  page: string,
): Array<{ file: string; region: string | undefined; line: string }> {
  return [
    ...read(page).matchAll(
      /^<<< @\/(\S+?)(?:#([^\s[{]+))?(?:\{[^}]*\})?(?:\s.*)?$/gm,
    ),
  ].map((match) => ({
    file: match[1]!,
    region: match[2],
    line: match[0],
  }));
}

/** Blocks marked `<!-- you-should-see: id -->` and the fenced block after them. */
export function promises(page: string): Array<{ id: string; lines: string[] }> {
  return [
    ...read(page).matchAll(
      /<!-- you-should-see: ([a-z0-9-]+) -->\n+```\w*\n([\s\S]*?)\n```/g,
    ),
  ].map((match) => ({
    id: match[1]!,
    lines: match[2]!.split("\n"),
  }));
}
