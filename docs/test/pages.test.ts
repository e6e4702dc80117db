// The built site in Chromium: every page renders, shows its code blocks,
// and every internal link (anchors included) leads somewhere.
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser } from "playwright-core";
import { connectBrowser } from "./browser.js";
import { haveChromium } from "@repo/demo-kit/testing";
import { imports, pages } from "./markdown.js";
import { dist, fileFor, serveSite, urlOf } from "./site.js";

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

    it.each(pages())(
      "%s renders, shows its code, and links nowhere broken",
      async (page) => {
        const tab = await browser.newPage();
        const errors: string[] = [];
        tab.on("pageerror", (error) => errors.push(error.message));
        tab.on("console", (message) => {
          // A failed load is reported below, with its URL.
          if (
            message.type() === "error" &&
            !message.text().startsWith("Failed to load resource")
          ) {
            errors.push(message.text());
          }
        });
        tab.on("response", (answer) => {
          // The favicon too: a 404 for it is an error in every console.
          if (answer.status() >= 400) {
            errors.push(`${answer.status()} ${answer.url()}`);
          }
        });
        const response = await tab.goto(`${origin}${urlOf(page)}`);
        expect(response?.status()).toBe(200);
        await tab.waitForSelector(".vp-doc h1");

        // One rendered block per imported region (a code group shows one at a time, all in the DOM).
        const codeBlocks = await tab
          .locator('.vp-doc div[class*="language-"]')
          .count();
        expect(codeBlocks).toBeGreaterThanOrEqual(imports(page).length);
        // A <Diagram name> that names nothing renders this instead.
        expect(await tab.locator(".vp-doc .missing").count()).toBe(0);

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
