// What the page shows when the server stops (Ctrl-C), as the docs say it:
// (and, first, that loading it logs no failed request, not even a favicon)
// the server's close frame gives `CLOSED (code 1001)`, and from the first
// reconnect attempt on, each refused attempt shows `CLOSED (code 1006)`
// (no close frame at all) until the server is back.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chromium, type Browser } from "playwright-core";
import { haveChromium, openChromium } from "@repo/demo-kit/testing";
import { serve } from "./serve.js";

describe.skipIf(!haveChromium())("the close code after a server stop", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openChromium(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("loads the page without a failed request, favicon included", async () => {
    const server = await serve();
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400)
        failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await vi.waitFor(
      async () =>
        expect(await page.locator("#state").textContent()).toBe("OPEN"),
      { timeout: 5000 },
    );
    // Headless Chromium may not ask for /favicon.ico at all; a desktop one
    // does, unless the page names its icon.
    const icon = await page.locator('link[rel="icon"]').getAttribute("href");
    await page.close();
    await server.close();
    expect(failed).toEqual([]);
    expect(icon).toBe("data:,");
  });

  it("is 1001 at first, then 1006 for every refused reconnect", async () => {
    const server = await serve();
    const page = await browser.newPage();
    const seen: string[] = [];
    await page.exposeFunction("recordState", (text: string) => {
      if (seen.at(-1) !== text) seen.push(text);
    });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await vi.waitFor(
      async () =>
        expect(await page.locator("#state").textContent()).toBe("OPEN"),
      { timeout: 5000 },
    );
    // A string: this package's types have no DOM; the page has one.
    await page.evaluate(`(() => {
      const label = document.querySelector("#state");
      new MutationObserver(() => window.recordState(label.textContent ?? "")).observe(
        label,
        { childList: true, characterData: true, subtree: true },
      );
    })()`);

    await server.close(); // what Ctrl-C does: every client gets 1001

    await vi.waitFor(() => expect(seen).toContain("CLOSED (code 1006)"), {
      timeout: 5000,
    });
    expect(seen[0]).toBe("CLOSED (code 1001)");
    expect(seen.slice(1, 3)).toEqual(["CONNECTING", "CLOSED (code 1006)"]);
    expect(seen.slice(1)).not.toContain("CLOSED (code 1001)");
    await page.close();
  });
});
