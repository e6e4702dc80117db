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

/**
 * Blocks marked `<!-- you-should-see: id -->` (lesson 1's), or
 * `<!-- you-should-see-rooms: id -->` and `-scale` (lessons 2 and 3's),
 * and the fenced block after them.
 */
export function promises(
  page: string,
  lesson: "" | "rooms" | "scale" = "",
): Array<{ id: string; lines: string[] }> {
  const marker = lesson ? `you-should-see-${lesson}` : "you-should-see";
  const block = new RegExp(
    `<!-- ${marker}: ([a-z0-9-]+) -->\\n+\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``,
    "g",
  );
  return [...read(page).matchAll(block)].map((match) => ({
    id: match[1]!,
    lines: match[2]!.split("\n"),
  }));
}

/** The folder of the Korean locale, mirroring every English page. */
export const KO = "ko/";

/** Pages of one locale: English is every page outside ko/, Korean every page in it. */
export function localePages(locale: "en" | "ko"): string[] {
  return pages().filter((page) => page.startsWith(KO) === (locale === "ko"));
}

/** The Korean page of an English page, and the reverse. */
export const koreanOf = (page: string) => `${KO}${page}`;
export const englishOf = (page: string) => page.slice(KO.length);

/** Every you-should-see block (lesson 1's and lesson 2's markers), in page order. */
export function allPromises(
  page: string,
): Array<{ marker: string; lines: string[] }> {
  return [
    ...read(page).matchAll(
      /<!-- (you-should-see(?:-[a-z]+)?: [a-z0-9-]+) -->\n+```\w*\n([\s\S]*?)\n```/g,
    ),
  ].map((match) => ({ marker: match[1]!, lines: match[2]!.split("\n") }));
}

// VitePress 1.6's heading slug (@mdit-vue/shared's slugify, bundled in
// vitepress/dist/node): test/i18n-browser.test.ts checks the built ids too.
// eslint-disable-next-line no-control-regex -- the slug drops control characters, as VitePress does
const rControl = /[\u0000-\u001f]/g;
const rSpecial = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;
const rCombining = /[\u0300-\u036F]/g;
export const slugify = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(rCombining, "")
    .replace(rControl, "")
    .replace(rSpecial, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^(\d)/, "_$1")
    .toLowerCase();

/** The headings (## and deeper) outside code fences: text, and the explicit `{#id}` if any. */
export function headings(
  page: string,
): Array<{ text: string; explicit: string | undefined; anchor: string }> {
  const found: Array<{
    text: string;
    explicit: string | undefined;
    anchor: string;
  }> = [];
  let fenced = false;
  for (const line of read(page).split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    const heading = parseHeading(line);
    if (heading) found.push(heading);
  }
  return found;
}

/** A `## …` line's text, explicit `{#id}` and anchor; undefined for any other line. */
function parseHeading(
  line: string,
): { text: string; explicit: string | undefined; anchor: string } | undefined {
  const match = /^#{2,6} (.+?)(?: \{#([^}\s]+)\})?$/.exec(line);
  if (!match) return undefined;
  const text = match[1]!;
  // What markdown renders as the heading's text: code without its
  // backticks, link texts without their targets, no emphasis marks.
  const plain = text
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|\W)[*_](.+?)[*_](?=\W|$)/g, "$1$2");
  return { text, explicit: match[2], anchor: match[2] ?? slugify(plain) };
}

/**
 * What a page asks the reader to do and where: its custom containers
 * (`::: tip`, `::: warning`, `::: details`, `:::: code-group`, …) by kind,
 * and the `npm run …` commands of its fenced `sh` blocks (from `npm run`
 * to the end of the line, without a trailing `# comment`), each with the
 * anchor of the section it is in (`#` before the first heading). The
 * titles of containers and the prose around them are the locale's own.
 */
export function instructions(page: string): {
  containers: string[];
  commands: string[];
} {
  const containers: string[] = [];
  const commands: string[] = [];
  let section = "#";
  let fence: { marker: string; lang: string } | undefined;
  for (const line of read(page).split("\n")) {
    const trimmed = line.trimStart();
    const fenceMatch = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(trimmed);
    if (fence) {
      if (
        fenceMatch &&
        fenceMatch[1]!.startsWith(fence.marker) &&
        trimmed.slice(fenceMatch[1]!.length).trim() === ""
      ) {
        fence = undefined;
      } else if (fence.lang === "sh") {
        const command = /\bnpm run\b.*?(?=\s+#|$)/.exec(trimmed)?.[0];
        if (command) commands.push(`${section}: ${command.trim()}`);
      }
      continue;
    }
    if (fenceMatch) {
      fence = { marker: fenceMatch[1]!, lang: fenceMatch[2]! };
      continue;
    }
    const heading = parseHeading(line);
    if (heading) section = `#${heading.anchor}`;
    const container = /^:{3,}\s*([\w-]+)/.exec(trimmed);
    if (container) containers.push(`${section}: ${container[1]}`);
  }
  return { containers, commands };
}

/** Internal links of a page: Markdown `](/…)` and HTML `href="/…"`. */
export function internalLinks(page: string): string[] {
  const text = read(page).replace(/```[\s\S]*?```/g, "");
  return [
    ...text.matchAll(/\]\((\/[^)\s]*)\)/g),
    ...text.matchAll(/href="(\/[^"]*)"/g),
  ].map((match) => match[1]!);
}
