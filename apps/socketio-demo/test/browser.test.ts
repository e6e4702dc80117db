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

  beforeAll(async () => {
    browser = await openChromium(chromium);
    server = await serve({ PUSH_INTERVAL_MS: "300" });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const state = (page: Page) =>
    page.locator("#state").getAttribute("data-state");
  const transport = (page: Page) =>
    page.locator("#transport").getAttribute("data-transport");
  const newsCount = (page: Page) => page.locator("#messages li.news").count();

  it("shows news, its replies reach the server, and it upgrades to websocket", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await vi.waitFor(async () => expect(await state(page)).toBe("CONNECTED"), {
      timeout: 5000,
    });
    await vi.waitFor(
      async () => expect(await transport(page)).toBe("websocket"),
      { timeout: 5000 },
    );
    expect(
      await page.locator("#messages li.event").allTextContents(),
    ).toContainEqual(expect.stringMatching(/upgraded to websocket$/));
    await vi.waitFor(
      async () => expect(await newsCount(page)).toBeGreaterThanOrEqual(2),
      { timeout: 5000 },
    );
    expect(
      await page.locator("#messages li.news").first().textContent(),
    ).toMatch(/#\d+ Hello from the server$/);
    await vi.waitFor(
      () => expect(server.realtime.stats().received).toBeGreaterThanOrEqual(2),
      BUSY_MACHINE_WAIT,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("still receives over polling when WebSocket is unavailable", async () => {
    const page = await browser.newPage();
    // A browser (or a proxy in between) without WebSocket: the engine
    // never upgrades and carries on over HTTP long-polling.
    await page.addInitScript(() => {
      Reflect.deleteProperty(globalThis, "WebSocket");
    });
    const before = server.realtime.stats().received;
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await vi.waitFor(
      async () => expect(await newsCount(page)).toBeGreaterThanOrEqual(3),
      { timeout: 5000 },
    );
    expect(await transport(page)).toBe("polling");
    await vi.waitFor(
      () => expect(server.realtime.stats().received).toBeGreaterThan(before),
      BUSY_MACHINE_WAIT,
    );
    await page.close();
  });

  // Its own time limit: the waits inside add up to more than the default
  // 20 s, and a reconnect back-off on a busy machine may use most of them.
  it("reconnects by itself after a server restart, and news resume", async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await vi.waitFor(
      async () => expect(await newsCount(page)).toBeGreaterThanOrEqual(1),
      { timeout: 5000 },
    );
    const port = server.port;
    await server.close();
    await vi.waitFor(
      async () => expect(await state(page)).toBe("DISCONNECTED"),
      { timeout: 5000 },
    );
    await expect
      .poll(() => page.locator("#detail").textContent(), { timeout: 5000 })
      .toMatch(/reconnecting: attempt \d+/);
    const before = await newsCount(page);

    server = await serve({ PUSH_INTERVAL_MS: "300" }, port);

    await vi.waitFor(async () => expect(await state(page)).toBe("CONNECTED"), {
      timeout: 15_000,
    });
    await vi.waitFor(
      async () => expect(await newsCount(page)).toBeGreaterThan(before),
      { timeout: 5000 },
    );
    expect(
      await page.locator("#messages li.event").allTextContents(),
    ).toContainEqual(expect.stringMatching(/reconnected after \d+ attempt/));
    await page.close();
  }, 45_000);
});
