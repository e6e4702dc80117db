// The built site in Chromium: every page renders, shows its code blocks,
// and every internal link (anchors included) leads somewhere.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import {
  chromiumArgs,
  chromiumPath,
  haveChromium,
} from "@repo/demo-kit/testing";
import { docsRoot, imports, pages } from "./markdown.js";

const dist = join(docsRoot, ".vitepress/dist");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

/** The URL path of a page: index.md -> /, ws/index.md -> /ws/, pitfalls.md -> /pitfalls. */
const urlOf = (page: string) =>
  `/${page.replace(/index\.md$/, "").replace(/\.md$/, "")}`;

/** Serves dist/ the way cleanUrls expects: /pitfalls -> pitfalls.html. */
function fileFor(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  for (const candidate of [clean, `${clean}.html`, join(clean, "index.html")]) {
    const path = join(dist, candidate);
    if (path.startsWith(dist) && existsSync(path) && extname(path)) return path;
  }
  return undefined;
}

describe.skipIf(!haveChromium() || !existsSync(dist))(
  "the built site in Chromium",
  () => {
    let server: Server;
    let origin: string;
    let browser: Browser;

    beforeAll(async () => {
      server = createServer((request, response) => {
        const file = fileFor(request.url ?? "/");
        if (!file) {
          response.writeHead(404).end("not found");
          return;
        }
        response.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        });
        response.end(readFileSync(file));
      });
      server.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: chromiumArgs,
      });
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
          // No favicon is a browser's habit, not a broken page.
          if (
            answer.status() >= 400 &&
            !answer.url().endsWith("/favicon.ico")
          ) {
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
