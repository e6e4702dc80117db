// The wire panel on socketio-demo's pages, in Chromium: every Engine.IO
// packet in and out as raw text with its size in bytes (the handshake,
// the upgrade's probe, pings and pongs, events and acks), hidden by a
// button that the page remembers, and what people typed shown as text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { haveChromium, openChromium } from "@repo/demo-kit/testing";
import { serve, type TestServer } from "./serve.js";

const WAIT = { timeout: 10_000 };

describe.skipIf(!haveChromium())(
  "the wire panel in Chromium (Socket.IO)",
  () => {
    let browser: Browser;
    let server: TestServer;

    beforeAll(async () => {
      browser = await openChromium(chromium);
      // A ping every second rather than every 25 s, so one shows soon.
      server = await serve({ PUSH_INTERVAL_MS: "300", HEARTBEAT_MS: "1000" });
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
    /** The panel's lines, newest first: "↓ in 1 B 2" or "↑ out 37 B 42[...]". */
    const shownLines = (page: Page) =>
      page.locator("#wire-lines li").allTextContents();
    /** The same, as "in 2" or "out 42[...]". */
    const lines = async (page: Page) =>
      (await shownLines(page)).map((line) =>
        line.replace(/^[↓↑] (in|out) \d+ B /, "$1 "),
      );

    it("shows the handshake, the upgrade, pings and pongs, and events, with their sizes", async () => {
      const page = await open("/");
      await expect.poll(() => lines(page), WAIT).toContain("in 2");
      await expect.poll(() => lines(page), WAIT).toContain("out 3");
      const shown = await lines(page);
      for (const packet of [
        /^in 0\{"sid":/,
        /^out 40$/,
        /^in 40\{"sid":/,
        /^in 42\["welcome",/,
        /^in 42\["news",\{"seq":\d+/,
        /^out 42\["reply",\{"seq":\d+/,
      ])
        expect(shown).toContainEqual(expect.stringMatching(packet));
      // The upgrade, newest first: 5 after 3probe after 2probe.
      const at = (line: string) => shown.indexOf(line);
      expect(at("out 2probe")).toBeGreaterThan(at("in 3probe"));
      expect(at("in 3probe")).toBeGreaterThan(at("out 5"));
      expect(at("out 5")).toBeGreaterThanOrEqual(0);
      for (const line of await shownLines(page)) {
        const [, bytes, frame] = /^[↓↑] \w+ (\d+) B ([\s\S]*)$/.exec(line)!;
        expect(Number(bytes)).toBe(Buffer.byteLength(frame!));
      }
      await page.close();
    });

    it("hides with its button, and stays hidden after a reload", async () => {
      const page = await open("/");
      const panel = page.locator("#wire");
      const toggle = page.locator("#wire-toggle");
      await expect.poll(() => panel.isVisible(), WAIT).toBe(true);
      await toggle.click();
      expect(await panel.isVisible()).toBe(false);
      await page.reload();
      await expect.poll(() => toggle.textContent(), WAIT).toBe("Show the wire");
      expect(await panel.isVisible()).toBe(false);
      await page.close();
    });

    it("shows a chat message with markup as text, and the ack it gets", async () => {
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
      // The namespace and the ack id come first: 42/rooms,3["say",...].
      await expect
        .poll(() => lines(page), WAIT)
        .toContainEqual(expect.stringMatching(/^in 42\/rooms,\["message",/));
      const shown = await lines(page);
      const said = shown.find((line) => line.startsWith("out 42/rooms,"));
      expect(said).toMatch(
        /^out 42\/rooms,\d+\["say",\{"room":"lobby","text":/,
      );
      expect(said).toContain(text);
      const ackId = /^out 42\/rooms,(\d+)/.exec(said!)![1];
      expect(shown).toContainEqual(
        expect.stringMatching(new RegExp(`^in 43/rooms,${ackId}\\[`)),
      );
      expect(await page.locator("#wire img").count()).toBe(0);
      expect(dialogs).toEqual([]);
      await page.close();
    });
  },
);
