// One path through the site, the same everywhere: Start, Lesson 1 (ws,
// Socket.IO, side by side), Lesson 2, Lesson 3, Which one. The nav, the
// sidebar (and so the previous/next links at each page's foot, which
// follow it) and the Start page's "Where to go next" give that order; the
// lessons are named "Lesson 1/2/3" and "1강/2강/3강"; and every lesson page
// ends with "What you saw" (three lines) and "Check yourself" (two
// questions, the answers folded), then points on to the verdict.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DefaultTheme } from "vitepress";
import config from "../.vitepress/config.js";
import { docsRoot, headings, localePages, read } from "./markdown.js";
import { dist } from "./site.js";

/** The path's pages in order; other pages may sit between them. */
const PATH = [
  "/",
  "/ws/",
  "/socketio/",
  "/side-by-side",
  "/rooms/",
  "/scale/",
  "/verdict",
];

/** Each lesson page, and the lesson it belongs to. */
const LESSON_PAGES: ReadonlyArray<readonly [string, number]> = [
  ["ws/index.md", 1],
  ["socketio/index.md", 1],
  ["side-by-side.md", 1],
  ["rooms/index.md", 2],
  ["scale/index.md", 3],
  ["scale/deploy.md", 3],
];

const LOCALES = [
  {
    key: "root",
    prefix: "",
    dir: "",
    lesson: (n: number) => `Lesson ${n}`,
    saw: "what-you-saw",
    check: "check-yourself",
  },
  {
    key: "ko",
    prefix: "/ko",
    dir: "ko/",
    lesson: (n: number) => `${n}강`,
    saw: "what-you-saw",
    check: "check-yourself",
  },
] as const;

const linksOf = (
  items: ReadonlyArray<{ link?: string; items?: unknown[] }>,
): string[] =>
  items.flatMap((item) => [
    ...(item.link ? [item.link] : []),
    ...linksOf((item.items ?? []) as typeof items),
  ]);

/** The path's pages in the order `links` first names them. */
const pathOrder = (links: readonly string[], prefix: string) => {
  const path = PATH.map((page) => `${prefix}${page}`);
  return [...new Set(links.filter((link) => path.includes(link)))];
};

describe.each(LOCALES)("the path in locale $key", (locale) => {
  const theme = config.locales![locale.key]!.themeConfig as DefaultTheme.Config;
  const path = PATH.map((page) => `${locale.prefix}${page}`);

  it("the nav gives the path in order", () => {
    expect(
      pathOrder(
        linksOf(theme.nav as DefaultTheme.NavItemWithLink[]),
        locale.prefix,
      ),
    ).toEqual(path);
  });

  it("the sidebar gives the path in order, so the page footers follow it", () => {
    expect(
      pathOrder(
        linksOf(theme.sidebar as DefaultTheme.SidebarItem[]),
        locale.prefix,
      ),
    ).toEqual(path);
  });

  it('the Start page\'s "Where to go next" gives the path in order', () => {
    const text = read(`${locale.dir}index.md`);
    const section = text.slice(
      text.indexOf("where-to-go-next") >= 0
        ? text.indexOf("where-to-go-next")
        : text.indexOf("## Where to go next"),
    );
    const links = [...section.matchAll(/\]\((\/[^)#\s]*)/g)].map(
      (match) => match[1]!,
    );
    expect(pathOrder(links, locale.prefix)).toEqual(path.slice(1));
  });

  it.skipIf(!existsSync(dist))(
    "the built lesson pages' footers lead along the path",
    () => {
      const next = (page: string) => {
        const file = join(
          dist,
          `${locale.dir}${page.replace(/\.md$/, ".html")}`,
        );
        const html = readFileSync(file, "utf8");
        return /class="[^"]*\bpager-link next" href="([^"]+)"/.exec(html)?.[1];
      };
      const from = LESSON_PAGES.map(([page]) => [page, next(page)]);
      expect(from).toEqual([
        ["ws/index.md", `${locale.prefix}/socketio/`],
        ["socketio/index.md", `${locale.prefix}/side-by-side`],
        ["side-by-side.md", `${locale.prefix}/rooms/`],
        ["rooms/index.md", `${locale.prefix}/rooms/protocol`],
        ["scale/index.md", `${locale.prefix}/scale/deploy`],
        ["scale/deploy.md", `${locale.prefix}/verdict`],
      ]);
    },
  );

  it.each(LESSON_PAGES)("%s is named by its lesson", (page, lesson) => {
    const h1 = /^# (.+)$/m.exec(read(`${locale.dir}${page}`))?.[1] ?? "";
    expect(h1.startsWith(locale.lesson(lesson)), h1).toBe(true);
  });

  it.each(LESSON_PAGES)(
    "%s ends with what you saw and check yourself, and points to the verdict",
    (page) => {
      const file = `${locale.dir}${page}`;
      const anchors = headings(file)
        .filter((heading) => !heading.text.startsWith("#"))
        .map((heading) => heading.anchor);
      expect(anchors.slice(-2)).toEqual([locale.saw, locale.check]);
      const text = read(file);
      const saw = text.slice(
        text.lastIndexOf(`{#${locale.saw}}`) >= 0
          ? text.lastIndexOf(`{#${locale.saw}}`)
          : text.lastIndexOf("## What you saw"),
      );
      const [seen, check] = saw.split(/\n## /) as [string, string];
      expect(
        seen.match(/^- /gm)?.length,
        `${file}: three lines of what you saw`,
      ).toBe(3);
      const [questions, answers] = check.split(/\n::: details/) as [
        string,
        string,
      ];
      expect(
        questions.match(/^\d\. /gm)?.length,
        `${file}: two questions`,
      ).toBe(2);
      expect(answers, `${file}: the answers in a details block`).toBeDefined();
      expect(answers.split("\n:::\n")[0]!.match(/^\d\. /gm)?.length).toBe(2);
      expect(check, `${file} points to the verdict`).toContain(
        `](${locale.prefix}/verdict)`,
      );
    },
  );
});

describe("the lessons' names", () => {
  const pages = (locale: "en" | "ko") => localePages(locale);

  it.each(pages("en"))("%s writes Lesson 1/2/3, capitalised", (page) => {
    const prose = read(page).replace(/```[\s\S]*?```/g, "");
    expect(prose.match(/.{0,30}\blesson [123]\b.{0,30}/g)).toBeNull();
  });

  it.each(pages("ko"))("%s writes 1강/2강/3강, not 레슨", (page) => {
    expect(read(page).match(/.{0,30}레슨.{0,30}/g)).toBeNull();
  });

  it("the components' words name them too", () => {
    for (const file of [
      ".vitepress/theme/charts.ts",
      ".vitepress/theme/charts/labels.ts",
      "rooms/LocTable.vue",
      "verdict/model.ts",
      "verdict/rows.ts",
      "verdict/words.ts",
      "verdict/links.ts",
    ]) {
      const text = readFileSync(join(docsRoot, file), "utf8").replace(
        /^\s*(\/\/|\*|\/\*).*$/gm,
        "",
      );
      expect(
        text.match(/.{0,30}(\blesson [123]\b|레슨).{0,30}/g),
        file,
      ).toBeNull();
    }
  });
});
