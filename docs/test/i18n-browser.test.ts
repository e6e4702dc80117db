// The built site in both languages: every page's <html lang> is its
// locale's, each Korean page has the same heading ids as its English pair
// (as VitePress built them), and in Chromium each locale's search finds
// only its own pages, a missing page says so in its locale, and the
// language switcher leads to the same section of the other language.
// (That each Korean page opens without errors and reads in Korean is
// checked where every page is opened once: pages.test.ts.)
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { connectBrowser } from "./browser.js";
import { haveChromium } from "@repo/demo-kit/testing";
import { englishOf, headings, koreanOf, localePages } from "./markdown.js";
import { dist, fileFor, serveSite, urlOf } from "./site.js";
import { HANGUL, open } from "./tab.js";

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

describe.skipIf(!haveChromium() || !existsSync(dist))(
  "the two locales in Chromium",
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
