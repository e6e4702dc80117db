// The built site in Chromium: every page of both languages, opened once,
// renders without errors, shows its code blocks, and every internal link
// (anchors included) leads somewhere; a Korean page also reads in Korean
// in the main column and has the Korean navigation, and the side-by-side
// page shows its pairs in two columns (tabs on a narrow screen).
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { haveChromium } from "@repo/demo-kit/testing";
import { connectBrowser } from "./browser.js";
import { imports, KO, pages } from "./markdown.js";
import { dist, fileFor, serveSite, urlOf } from "./site.js";
import {
  fallsBackToTabs,
  isSideBySide,
  showsTwoColumns,
} from "./side-by-side.js";
import { HANGUL, open } from "./tab.js";

/** One rendered block per imported region, and no diagram that names nothing. */
async function showsItsCode(tab: Page, page: string): Promise<void> {
  // A code group shows one block at a time, all of them in the DOM.
  const codeBlocks = await tab
    .locator('.vp-doc div[class*="language-"]')
    .count();
  expect(codeBlocks).toBeGreaterThanOrEqual(imports(page).length);
  // A <Diagram name> that names nothing renders this instead.
  expect(await tab.locator(".vp-doc .missing").count()).toBe(0);
}

/** Every internal link leads to a built page, and every anchor to an id on it. */
async function linksNowhereBroken(tab: Page, page: string): Promise<void> {
  const links = await tab
    .locator(".vp-doc a[href^='/'], .vp-doc a[href^='#']")
    .evaluateAll((anchors) =>
      anchors.map((a) => (a as HTMLAnchorElement).getAttribute("href")!),
    );
  for (const href of new Set(links)) {
    const [path, hash] = href.startsWith("#")
      ? [urlOf(page), href.slice(1)]
      : href.split("#");
    const target = fileFor(path || urlOf(page));
    expect(target, `${page}: link ${href} leads nowhere`).toBeDefined();
    if (hash) {
      const html = readFileSync(target!, "utf8");
      expect(
        html.includes(`id="${decodeURIComponent(hash)}"`),
        `${page}: anchor ${href} does not exist`,
      ).toBe(true);
    }
  }
}

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

/**
 * A Korean page is in Korean: its heading, its prose, its navigation.
 * (Its lang is i18n-browser.test.ts's, read from the built page, and after
 * the language switcher, from the live one.)
 */
async function readsInKorean(tab: Page, page: string): Promise<void> {
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
      await tab.locator(".VPDocAsideOutline .outline-title").textContent(),
    ).toBe("이 페이지에서");
}

/** What the test of a page checks beyond rendering, code and links. */
const alsoChecks = (page: string) =>
  [
    page.startsWith(KO) ? ", reads in Korean" : "",
    isSideBySide(page)
      ? ", shows the pairs side by side (tabs when narrow)"
      : "",
  ].join("");

describe.skipIf(!haveChromium() || !existsSync(dist))(
  "the built site in Chromium",
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

    it.each(pages().map((page) => [page, alsoChecks(page)]))(
      "%s opens without errors, shows its code, and links nowhere broken%s",
      async (page) => {
        const { tab, errors } = await open(browser, `${origin}${urlOf(page)}`);
        await showsItsCode(tab, page);
        await linksNowhereBroken(tab, page);
        if (page.startsWith(KO)) await readsInKorean(tab, page);
        if (isSideBySide(page)) {
          await showsTwoColumns(tab);
          await fallsBackToTabs(tab);
        }
        expect(errors).toEqual([]);
        await tab.close();
      },
    );
  },
);

describe("the site was built", () => {
  it("has a dist folder to test (the docs build runs before these tests)", () => {
    expect(existsSync(join(dist, "index.html"))).toBe(true);
  });
});
