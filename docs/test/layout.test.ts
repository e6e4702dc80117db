// "Side by side" means side by side: at desktop width the two versions of
// each concept stand in two columns at once, and the lines that differ are
// marked; on a narrow screen they fall back to tabs. The same in both
// locales: the Korean page shows the same pairs.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, type Page } from "playwright-core";
import { connectBrowser } from "./browser.js";
import { haveChromium } from "@repo/demo-kit/testing";
import { dist, serveSite } from "./site.js";

/** The side-by-side page in each locale. */
const PAGES = ["/side-by-side", "/ko/side-by-side"];

/** For each pair on the page: the boxes of its two code blocks, and its marked lines. */
async function pairs(page: Page) {
  return page.locator(".pair .vp-code-group").evaluateAll((groups) =>
    groups.map((group) => {
      const blocks = [
        ...group.querySelectorAll(".blocks > div[class*='language-']"),
      ].map((block) => {
        const box = block.getBoundingClientRect();
        return {
          left: box.left,
          top: box.top,
          width: box.width,
          visible: box.width > 0 && box.height > 0,
        };
      });
      return {
        blocks,
        marked: group.querySelectorAll(".line.differs").length,
        lines: group.querySelectorAll(".line").length,
      };
    }),
  );
}

describe.skipIf(!haveChromium() || !existsSync(dist))(
  "the side-by-side page in Chromium",
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

    it.each(PAGES)(
      "%s shows both versions in two columns at desktop width, differing lines marked",
      async (path) => {
        const page = await browser.newPage({
          viewport: { width: 1440, height: 900 },
        });
        await page.goto(`${origin}${path}`);
        await page.waitForSelector(".pair .line.differs");
        const found = await pairs(page);
        expect(found.length).toBeGreaterThanOrEqual(8);
        for (const { blocks, marked, lines } of found) {
          expect(blocks).toHaveLength(2);
          const [ws, socketIo] = blocks;
          expect(ws!.visible && socketIo!.visible).toBe(true);
          expect(socketIo!.top).toBe(ws!.top); // one row
          expect(socketIo!.left).toBeGreaterThanOrEqual(ws!.left + ws!.width); // two columns
          expect(ws!.width).toBeGreaterThan(400); // wide enough to read
          // Something differs, and not everything.
          expect(marked).toBeGreaterThan(0);
          expect(marked).toBeLessThanOrEqual(lines);
        }
        await page.close();
      },
    );

    it.each(PAGES)(
      "%s falls back to tabs on a narrow screen: one version visible at a time",
      async (path) => {
        const page = await browser.newPage({
          viewport: { width: 600, height: 900 },
        });
        await page.goto(`${origin}${path}`);
        await page.waitForSelector(".pair .vp-code-group");
        for (const { blocks } of await pairs(page)) {
          expect(blocks.filter((block) => block.visible)).toHaveLength(1);
        }
        await page.close();
      },
    );
  },
);
