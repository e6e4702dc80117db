// The built site in both languages: every page's <html lang> is its
// locale's, each Korean page has the same heading ids as its English pair
// (as VitePress built them), and in Chromium the Korean pages open without
// errors, read in Korean in the main column, search only Korean pages, and
// the language switcher leads to the same section of the other language.
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, type Page } from "playwright-core";
import { connectBrowser } from "./browser.js";
import { haveChromium } from "@repo/demo-kit/testing";
import { englishOf, headings, koreanOf, localePages } from "./markdown.js";
import { dist, fileFor, serveSite, urlOf } from "./site.js";

const HANGUL = /[\uAC00-\uD7A3]/;
const built = (page: string) => readFileSync(fileFor(urlOf(page))!, "utf8");
/** The ids of the headings VitePress built into a page's main column. */
const builtIds = (page: string) =>
  [...built(page).matchAll(/<h[2-6] id="([^"]+)"/g)]
    .map((match) => decodeURIComponent(match[1]!))
    .sort();

const pairs = localePages("en")
  .filter((page) => localePages("ko").includes(koreanOf(page)))
  .map((page) => [page, koreanOf(page)] as const);

describe.skipIf(!existsSync(dist))("the built pages of both locales", () => {
  it.each(localePages("en"))("%s is built with lang en-US", (page) => {
    expect(built(page)).toMatch(/<html lang="en-US"/);
  });
  it.each(localePages("ko"))("%s is built with lang ko-KR", (page) => {
    expect(built(page)).toMatch(/<html lang="ko-KR"/);
  });
  it.each(pairs)(
    "%s and %s have the same heading ids, the ones the test computes",
    (en, ko) => {
      expect(builtIds(ko)).toEqual(builtIds(en));
      expect(builtIds(en)).toEqual(
        headings(en)
          .map((heading) => heading.anchor)
          .sort(),
      );
    },
  );
});

/** The main column's prose: its text without code blocks. */
async function prose(tab: Page): Promise<string> {
  return tab.locator(".vp-doc").evaluate((doc) => {
    const copy = doc.cloneNode(true) as HTMLElement;
    for (const code of copy.querySelectorAll(
      "div[class*='language-'], code, pre",
    ))
      code.remove();
    return copy.textContent ?? "";
  });
}

/** Opens a page and collects what its console and network report as errors. */
async function open(
  browser: Browser,
  url: string,
): Promise<{ tab: Page; errors: string[] }> {
  const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  tab.on("pageerror", (error) => errors.push(error.message));
  tab.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  tab.on("response", (answer) => {
    if (answer.status() >= 400)
      errors.push(`${answer.status()} ${answer.url()}`);
  });
  const response = await tab.goto(url);
  expect(response?.status()).toBe(200);
  await tab.waitForSelector(".vp-doc h1");
  return { tab, errors };
}

describe.skipIf(!haveChromium() || !existsSync(dist))(
  "the Korean site in Chromium",
  () => {
    let server: Server;
    let origin: string;
    let browser: Browser;
    beforeAll(async () => {
      ({ server, origin } = await serveSite());
      browser = await connectBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      server?.close();
    });

    it.each(localePages("ko"))(
      "%s opens without errors and reads in Korean",
      async (page) => {
        const { tab, errors } = await open(browser, `${origin}${urlOf(page)}`);
        expect(await tab.locator("html").getAttribute("lang")).toBe("ko-KR");
        expect(await tab.locator(".vp-doc h1").textContent()).toMatch(HANGUL);
        const text = await prose(tab);
        const hangul = text.match(/[\uAC00-\uD7A3]/g)?.length ?? 0;
        const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
        expect(hangul, `${page}: Hangul in the main column`).toBeGreaterThan(
          latin / 2,
        );
        // Emphasis that markdown did not take (a Korean particle right
        // after `**…)**`) shows its asterisks.
        expect(text, `${page}: unrendered **`).not.toContain("**");
        expect(text, `${page}: unrendered * or _ beside Hangul`).not.toMatch(
          /[\uAC00-\uD7A3][*_]|[*_][\uAC00-\uD7A3]/,
        );
        // The navigation is the Korean one.
        expect(
          await tab.locator(".VPSidebar").textContent(),
          `${page}: sidebar`,
        ).toContain("시작하기");
        expect(
          await tab.locator(".VPNavBarSearch").textContent(),
          `${page}: search button`,
        ).toContain("검색");
        if (await tab.locator(".VPDocAsideOutline").count())
          expect(
            await tab
              .locator(".VPDocAsideOutline .outline-title")
              .textContent(),
          ).toBe("이 페이지에서");
        expect(errors).toEqual([]);
        await tab.close();
      },
    );

    /** Picks the other language in the nav bar's language menu. */
    async function switchTo(tab: Page, label: string): Promise<void> {
      await tab.locator(".VPNavBarTranslations button").hover();
      await tab
        .locator(".VPNavBarTranslations .VPMenuLink a", { hasText: label })
        .click();
    }

    it.each([
      ["ws/index.md", "_4-the-push-every-3-seconds-and-the-four-states"],
      ["troubleshooting.md", "port-8001-is-already-in-use"],
      ["rooms/index.md", "acknowledgements"],
    ])(
      "the switcher leads from %s#%s to the same section in Korean, and back",
      async (page, anchor) => {
        const { tab, errors } = await open(
          browser,
          `${origin}${urlOf(page)}#${anchor}`,
        );
        const englishHeading = await tab
          .locator(`.vp-doc [id="${anchor}"]`)
          .textContent();

        await switchTo(tab, "한국어");
        await tab.waitForURL(`${origin}${urlOf(koreanOf(page))}#${anchor}`);
        // The address changes before the page does, and both pages have a
        // heading with this id: wait for the Korean page itself.
        await expect
          .poll(() => tab.locator(".vp-doc h1").textContent())
          .toMatch(HANGUL);
        const heading = tab.locator(`.vp-doc [id="${anchor}"]`);
        await heading.waitFor();
        // The page scrolled to that section.
        await expect
          .poll(async () => (await heading.boundingBox())?.y ?? -1)
          .toBeLessThan(400);
        expect(await tab.locator("html").getAttribute("lang")).toBe("ko-KR");

        await switchTo(tab, "English");
        await tab.waitForURL(
          `${origin}${urlOf(englishOf(koreanOf(page)))}#${anchor}`,
        );
        // Again, wait for the page, not the address.
        await expect
          .poll(() => tab.locator(`.vp-doc [id="${anchor}"]`).textContent())
          .toBe(englishHeading);
        expect(errors).toEqual([]);
        await tab.close();
      },
    );

    it.each([
      ["/ko/no-such-page", "페이지를 찾을 수 없습니다", "ko-KR"],
      ["/no-such-page", "PAGE NOT FOUND", "en-US"],
    ])(
      "a missing page under %s says so in its locale",
      async (path, title, lang) => {
        const tab = await browser.newPage();
        // What a static host does: the built 404.html, with status 404.
        await tab.route(`${origin}${path}`, (route) =>
          route.fulfill({
            status: 404,
            contentType: "text/html",
            body: readFileSync(join(dist, "404.html"), "utf8"),
          }),
        );
        await tab.goto(`${origin}${path}`);
        await expect
          .poll(() => tab.locator(".NotFound .title").textContent())
          .toBe(title);
        expect(await tab.locator("html").getAttribute("lang")).toBe(lang);
        await tab.close();
      },
    );

    it.each([
      ["/ko/", "하트비트", true],
      ["/", "heartbeat", false],
    ] as const)(
      "search on %s (%s) finds only its own locale's pages",
      async (url, query, korean) => {
        const { tab, errors } = await open(browser, `${origin}${url}`);
        await tab.locator(".VPNavBarSearch button").click();
        await tab.locator(".VPLocalSearchBox input").fill(query);
        const results = tab.locator(".VPLocalSearchBox .result");
        await results.first().waitFor();
        const hrefs = await results.evaluateAll((links) =>
          links.map(
            (link) => new URL((link as HTMLAnchorElement).href).pathname,
          ),
        );
        expect(hrefs.length).toBeGreaterThan(0);
        for (const href of hrefs)
          expect(href.startsWith("/ko/"), href).toBe(korean);
        expect(errors).toEqual([]);
        await tab.close();
      },
    );
  },
);
