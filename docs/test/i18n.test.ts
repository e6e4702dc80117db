// The site in two languages, held together: every English page has its
// Korean page and the reverse, and each pair shows the same code (the same
// regions, in the same order), promises the same output (the same
// you-should-see blocks), and has the same sections (the same anchors, so
// the language switcher lands on the same one). Links stay in their
// locale, and the words of the theme's components exist in both. The pages
// are listed from the file system: a page added in one language only fails.
// Each pair also asks the same of the reader: the same boxes (tip, warning,
// details, code groups, in the same sections) and the same `npm run`
// commands, so an exercise added in English is not missing in Korean.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DefaultTheme } from "vitepress";
import config from "../.vitepress/config.js";
import {
  diagramTexts,
  diagramTextKo,
  wireTitlesKo,
} from "../.vitepress/theme/diagrams.js";
import { FEATURES } from "../rooms/features.js";
import { FEATURE_TEXT_KO } from "../rooms/features-ko.js";
import {
  allPromises,
  docsRoot,
  englishOf,
  headings,
  imports,
  instructions,
  internalLinks,
  koreanOf,
  localePages,
  read,
} from "./markdown.js";

const english = localePages("en");
const korean = localePages("ko");
const HANGUL = /[\uAC00-\uD7A3]/;

describe("every page in both languages", () => {
  it("has pages in each locale", () => {
    expect(english.length).toBeGreaterThanOrEqual(12);
    expect(korean.length).toBeGreaterThanOrEqual(12);
  });

  it.each(english)("%s has its Korean page", (page) => {
    expect(
      existsSync(join(docsRoot, koreanOf(page))),
      `${page} has no Korean page: add docs/${koreanOf(page)}, a Korean version with the same <<< imports, you-should-see blocks and heading anchors ({#english-slug})`,
    ).toBe(true);
  });

  it.each(korean)("%s has its English page", (page) => {
    expect(
      existsSync(join(docsRoot, englishOf(page))),
      `${page} has no English page: add docs/${englishOf(page)}, or remove the Korean one`,
    ).toBe(true);
  });
});

const pairs = english
  .filter((page) => existsSync(join(docsRoot, koreanOf(page))))
  .map((page) => [page, koreanOf(page)] as const);

describe.each(pairs)("%s and %s", (en, ko) => {
  it("import the same code regions, in the same order", () => {
    const regions = (page: string) =>
      imports(page).map((entry) =>
        entry.region ? `${entry.file}#${entry.region}` : entry.file,
      );
    expect(
      regions(ko),
      `${ko} must import what ${en} imports (same <<< lines, same order)`,
    ).toEqual(regions(en));
  });

  it("carry the same you-should-see blocks, word for word", () => {
    expect(
      allPromises(ko),
      `${ko} must carry ${en}'s you-should-see blocks, marker and lines`,
    ).toEqual(allPromises(en));
  });

  it("have the same section anchors, every Korean heading naming its English one", () => {
    const missing = headings(ko).filter((heading) => !heading.explicit);
    expect(
      missing.map((heading) => heading.text),
      `${ko}: give these headings an explicit anchor, the English slug: ## 제목 {#english-slug}`,
    ).toEqual([]);
    const anchors = (page: string) =>
      headings(page)
        .map((heading) => heading.anchor)
        .sort();
    expect(anchors(ko), `${ko}'s anchors against ${en}'s`).toEqual(anchors(en));
  });

  it("use the same components and front matter settings", () => {
    const components = (page: string) =>
      [...read(page).matchAll(/<([A-Z][A-Za-z]+)[\s/>][^>]*>/g)].map((match) =>
        match[0].replace(/\s+/g, " "),
      );
    expect(components(ko)).toEqual(components(en));
    const frontMatter = (page: string) =>
      /^---\n([\s\S]*?)\n---/.exec(read(page))?.[1] ?? "";
    expect(frontMatter(ko)).toEqual(frontMatter(en));
  });

  it.each(["containers", "commands"] as const)(
    "ask the same of the reader: the same %s, in the same sections and order",
    (what) => {
      const expected = instructions(en)[what];
      const actual = instructions(ko)[what];
      const missing = [...expected];
      const extra = actual.filter((item) => {
        const index = missing.indexOf(item);
        if (index < 0) return true;
        missing.splice(index, 1);
        return false;
      });
      const kind =
        what === "containers"
          ? "custom containers (::: kind, by section anchor)"
          : "`npm run` commands in ```sh blocks (by section anchor)";
      const problems = [
        ...missing.map((item) => `missing ${item}`),
        ...extra.map((item) => `not in ${en}: ${item}`),
      ];
      expect(
        actual,
        `${ko} must have ${en}'s ${kind}, in the same order` +
          (problems.length > 0
            ? `; ${problems.join("; ")}`
            : "; same ones, different order"),
      ).toEqual(expected);
    },
  );

  it("the Korean page is written in Korean", () => {
    const h1 = /^# (.+)$/m.exec(read(ko))?.[1] ?? "";
    expect(h1, `${ko}'s title`).toMatch(HANGUL);
    const prose = read(ko)
      .replace(/```[\s\S]*?```/g, "")
      .replace(/^<<<.*$/gm, "");
    const hangul = prose.match(/[\uAC00-\uD7A3]/g)?.length ?? 0;
    const latin = prose.match(/[A-Za-z]/g)?.length ?? 0;
    expect(hangul, `${ko}: more Korean than English letters`).toBeGreaterThan(
      latin / 3,
    );
  });
});

describe("links stay in their locale", () => {
  it.each(english)("%s links to no Korean page", (page) => {
    expect(
      internalLinks(page).filter((link) => link.startsWith("/ko/")),
    ).toEqual([]);
  });
  it.each(korean)("%s links only to Korean pages", (page) => {
    expect(
      internalLinks(page).filter((link) => !link.startsWith("/ko/")),
      `${page}: write these links as /ko/…`,
    ).toEqual([]);
  });
});

describe("the site's navigation in both languages", () => {
  const locales = config.locales!;
  const theme = (key: string) =>
    locales[key]!.themeConfig as DefaultTheme.Config;
  const links = (
    items: Array<{ link?: string; items?: unknown[] }>,
  ): string[] =>
    items.flatMap((item) => [
      ...(item.link ? [item.link] : []),
      ...links((item.items ?? []) as typeof items),
    ]);

  it("Korean is a locale at /ko/ with lang ko-KR, English the root with en-US", () => {
    expect(locales.root!.lang).toBe("en-US");
    expect(locales.ko!.lang).toBe("ko-KR");
    expect(locales.ko!.link).toBe("/ko/");
  });

  it("the Korean sidebar and nav mirror the English ones, link for link", () => {
    const toKo = (link: string) => `/ko${link}`;
    expect(links(theme("ko").sidebar as DefaultTheme.SidebarItem[])).toEqual(
      links(theme("root").sidebar as DefaultTheme.SidebarItem[]).map(toKo),
    );
    expect(links(theme("ko").nav as DefaultTheme.NavItemWithLink[])).toEqual(
      links(theme("root").nav as DefaultTheme.NavItemWithLink[]).map(toKo),
    );
  });

  it("the Korean search box, outline, footer and 404 are in Korean", () => {
    const ko = theme("ko");
    expect(JSON.stringify(ko.outline)).toMatch(HANGUL);
    expect(JSON.stringify(ko.docFooter)).toMatch(HANGUL);
    expect(JSON.stringify(ko.notFound)).toMatch(HANGUL);
    const search = (config.themeConfig as DefaultTheme.Config).search as {
      options: { locales: Record<string, { translations: unknown }> };
    };
    expect(JSON.stringify(search.options.locales.ko!.translations)).toMatch(
      HANGUL,
    );
  });
});

describe("the theme's words in Korean", () => {
  it("every diagram text has a Korean entry", () => {
    const missing = diagramTexts().filter((text) => !(text in diagramTextKo));
    expect(missing, "add these to diagramTextKo in theme/diagrams.ts").toEqual(
      [],
    );
  });

  it("every wire recording's title has a Korean entry", () => {
    const titles = readdirSync(join(docsRoot, "data"))
      .filter((name) => name.startsWith("wire-") && name.endsWith(".json"))
      .map(
        (name) =>
          (
            JSON.parse(readFileSync(join(docsRoot, "data", name), "utf8")) as {
              title: string;
            }
          ).title,
      );
    expect(titles.length).toBeGreaterThan(0);
    expect(
      titles.filter((title) => !(title in wireTitlesKo)),
      "add these to wireTitlesKo in theme/diagrams.ts",
    ).toEqual([]);
  });

  it("every row of lesson 2's table has a Korean name", () => {
    const texts = FEATURES.flatMap((feature) => [
      feature.name,
      ...(feature.builtIn ? [feature.builtIn] : []),
    ]);
    expect(
      texts.filter((text) => !(text in FEATURE_TEXT_KO)),
      "add these to FEATURE_TEXT_KO in rooms/features-ko.ts",
    ).toEqual([]);
  });
});

// The note's mistakes in the order the note makes them: ws.js, then
// wsclient.js, socket.js, socketClient.js and index.pug.
const NOTE_ORDER = [
  "new-ws-server-server-server",
  "trusting-x-forwarded-for-from-anyone",
  "clearinterval-ws-clearinterval",
  "every-3-seconds-to-all-connected-clients",
  "a-message-handler-that-reads-the-global-event",
  "import-websocket-from-socket-io-then-socketio-server",
  "x-forward-for",
  "req-ip-and-req-connection-on-socket-request",
  "script-src-socket-io-socket-io-js",
];

/** A page's ## sections by anchor: each from its heading to the next ##. */
function sections(page: string): Map<string, string> {
  const found = headings(page);
  return new Map(
    read(page)
      .split(/\n(?=## )/)
      .slice(1)
      .map((chunk) => {
        const line = chunk.split("\n")[0]!;
        const heading = found.find(
          (entry) =>
            line === `## ${entry.text}` ||
            line.startsWith(`## ${entry.text} {#`),
        );
        return [heading?.anchor ?? line, chunk] as const;
      }),
  );
}

/** The fenced code blocks of a section: the note's lines it quotes. */
const quotes = (section: string | undefined) =>
  [...(section ?? "").matchAll(/\n```\w*\n([\s\S]+?)\n```/g)].map(
    (match) => match[1]!,
  );

describe.each(["pitfalls.md", "ko/pitfalls.md"])(
  "the pitfalls page %s follows the original note",
  (page) => {
    it("in the note's order", () => {
      expect(
        headings(page)
          .map((heading) => heading.anchor)
          .filter((anchor) => NOTE_ORDER.includes(anchor)),
      ).toEqual(NOTE_ORDER);
    });

    it.each(NOTE_ORDER)("quotes the note's line(s) under #%s", (anchor) => {
      expect(quotes(sections(page).get(anchor)).length).toBeGreaterThan(0);
    });
  },
);

describe("both pitfalls pages quote the same lines of the note", () => {
  it.each(NOTE_ORDER)("#%s", (anchor) => {
    expect(quotes(sections("ko/pitfalls.md").get(anchor))).toEqual(
      quotes(sections("pitfalls.md").get(anchor)),
    );
  });
});
