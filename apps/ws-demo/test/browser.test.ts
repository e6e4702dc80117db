// The page in a real browser: Debian's Chromium driven by playwright-core.
// Without Chromium this file is skipped with a loud reason; CI installs it
// and counts any skip as a failure.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import {
  BUSY_MACHINE_WAIT,
  haveChromium,
  openChromium,
} from "@repo/demo-kit/testing";
import { serve, type TestServer } from "./serve.js";

describe.skipIf(!haveChromium())("the page in Chromium", () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    browser = await openChromium(chromium);
    server = await serve({ PUSH_INTERVAL_MS: "300" });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const state = () => page.locator("#state").getAttribute("data-state");
  const newsCount = () => page.locator("#messages li.news").count();

  it("reaches OPEN, shows pushes, and its replies reach the server", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await vi.waitFor(async () => expect(await state()).toBe("OPEN"), {
      timeout: 5000,
    });
    await expect
      .poll(() => page.locator("#detail").textContent(), { timeout: 5000 })
      .toMatch(
        /^you are conn-\d+, seen from 127\.0\.0\.1; a push every 0\.3 s$/,
      );
    await vi.waitFor(
      async () => expect(await newsCount()).toBeGreaterThanOrEqual(2),
      {
        timeout: 5000,
      },
    );
    const newest = await page
      .locator("#messages li.news")
      .first()
      .textContent();
    expect(newest).toMatch(/#\d+ Hello from the server$/);
    await vi.waitFor(
      () => expect(server.realtime.stats().received).toBeGreaterThanOrEqual(2),
      BUSY_MACHINE_WAIT,
    );
    expect(
      await page.locator("#messages li.reply").count(),
    ).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });

  // Its own time limit: the waits inside add up to more than the default
  // 20 s, and a reconnect back-off on a busy machine may use most of them.
  it("reconnects by itself after a server restart, and pushes resume", async () => {
    const port = server.port;
    await server.close(); // clients get 1001
    await vi.waitFor(async () => expect(await state()).toBe("CLOSED"), {
      timeout: 5000,
    });
    await expect
      .poll(() => page.locator("#detail").textContent(), { timeout: 5000 })
      .toMatch(/reconnecting in/);
    const before = await newsCount();

    server = await serve({ PUSH_INTERVAL_MS: "300" }, port);

    await vi.waitFor(async () => expect(await state()).toBe("OPEN"), {
      timeout: 10_000,
    });
    await vi.waitFor(
      async () => expect(await newsCount()).toBeGreaterThan(before),
      {
        timeout: 5000,
      },
    );
    await vi.waitFor(
      () => expect(server.realtime.stats().received).toBeGreaterThanOrEqual(1),
      BUSY_MACHINE_WAIT,
    );
  }, 35_000);
});
