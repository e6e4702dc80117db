// The wire panel on ws-demo's pages, in Chromium: each text frame in and
// out as raw JSON with its size in bytes, hidden by a button that the
// page remembers, bounded, and what people typed shown as text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { haveChromium, openChromium } from "@repo/demo-kit/testing";
import { serve, type TestServer } from "./serve.js";

const WAIT = { timeout: 10_000 };

describe.skipIf(!haveChromium())("the wire panel in Chromium (ws)", () => {
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

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}${path}`);
    return page;
  }
  /** The panel's lines, newest first: direction, size and frame. */
  const lines = async (page: Page) =>
    (await page.locator("#wire-lines li").allTextContents()).map(parseLine);

  it("shows each push and its reply as the JSON text frame, with its size in bytes", async () => {
    const page = await open("/");
    await expect
      .poll(async () => (await lines(page)).map((line) => line.frame), WAIT)
      .toContainEqual(expect.stringMatching(/^\{"event":"reply"/));
    const shown = await lines(page);
    const news = shown.find((line) => line.frame.startsWith('{"event":"news"'));
    expect(news).toMatchObject({ direction: "in" });
    expect(news!.bytes).toBe(`${Buffer.byteLength(news!.frame)} B`);
    const reply = shown.find((line) => line.direction === "out");
    expect(reply!.frame).toMatch(/^\{"event":"reply","data":\{"seq":\d+/);
    expect(
      shown.some((line) => line.frame.startsWith('{"event":"welcome"')),
    ).toBe(true);
    // Why no ping ever shows: the note says so.
    expect(await page.locator("#wire .wire-note").textContent()).toMatch(
      /pongs never show here: they are control frames/,
    );
    await page.close();
  });

  it("hides with its button, and stays hidden after a reload", async () => {
    const page = await open("/");
    const panel = page.locator("#wire");
    const toggle = page.locator("#wire-toggle");
    await expect.poll(() => panel.isVisible(), WAIT).toBe(true);
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await toggle.click();
    expect(await panel.isVisible()).toBe(false);
    await page.reload();
    await expect.poll(() => toggle.textContent(), WAIT).toBe("Show the wire");
    expect(await panel.isVisible()).toBe(false);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.click();
    await page.reload();
    await expect.poll(() => toggle.textContent(), WAIT).toBe("Hide the wire");
    expect(await panel.isVisible()).toBe(true);
    await page.close();
  });

  it("keeps the last 200 lines, however many frames go by", async () => {
    const page = await open("/");
    // Run in the page as a string: Vitest would rewrite an import() in
    // a function. The page's own module, the instance its script draws with.
    // Read the panel in the same turn as the 500 frames: a push of the
    // app's own arriving in between would otherwise be the newest line.
    const panel = await page.evaluate<{
      count: number;
      newest: string;
    }>(`(async () => {
      const { showFrame } = await import("/assets/kit/wire-panel.js");
      for (let n = 1; n <= 500; n++) showFrame("in", "frame " + n);
      const lines = document.querySelectorAll("#wire-lines li");
      return {
        count: lines.length,
        newest: lines[0].querySelector(".frame").textContent,
      };
    })()`);
    expect(panel).toEqual({ count: 200, newest: "frame 500" });
    await page.close();
  });

  it("shows a chat message with markup as text, sized in UTF-8 bytes", async () => {
    const text = "<img src=x onerror=alert(1)> café ✓";
    const page = await open("/rooms?room=lobby&name=ann");
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const input = page.locator('[data-room="lobby"] input[name="text"]');
    await input.fill(text);
    await input.press("Enter");
    await expect
      .poll(async () => (await lines(page)).map((line) => line.frame), WAIT)
      .toContainEqual(expect.stringContaining('"event":"message"'));
    const shown = await lines(page);
    const said = shown.find(
      (line) => line.direction === "out" && line.frame.includes(text),
    );
    expect(said!.frame).toMatch(/^\{"event":"say","data":\{"room":"lobby"/);
    // Bytes, not characters: é and ✓ take more than one each.
    expect(said!.bytes).toBe(`${Buffer.byteLength(said!.frame)} B`);
    expect(Buffer.byteLength(said!.frame)).toBeGreaterThan(said!.frame.length);
    expect(shown.some((line) => line.frame.startsWith('{"event":"ack"'))).toBe(
      true,
    );
    expect(await page.locator("#wire img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

/** One line as the panel shows it: "↓ in 95 B {...}". */
function parseLine(line: string): {
  direction: string;
  bytes: string;
  frame: string;
} {
  const [, direction = "", bytes = "", frame = ""] =
    /^[↓↑] (in|out) (\d+ B) ([\s\S]*)$/.exec(line) ?? [];
  return { direction, bytes, frame };
}
