// Troubleshooting is indexed by the exact text a reader sees. The same
// mistake (send() before the connection is OPEN) prints different words
// in Node's ws and in Chromium: each must be a heading, character for
// character, as the library and the browser print it today, on the
// English page and on the Korean one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser } from "playwright-core";
import { connectBrowser } from "./browser.js";
import { WebSocket } from "ws";
import { haveChromium } from "@repo/demo-kit/testing";
import { read } from "./markdown.js";

/**
 * The `## \`text\`` headings of the troubleshooting page: the texts both
 * locales' pages have as headings (the Korean one adds `{#anchor}`).
 */
const headingsOf = (page: string) =>
  [...read(page).matchAll(/^## `(.+)`(?: \{#[^}]+\})?$/gm)].map(
    (match) => match[1]!,
  );
const en = headingsOf("troubleshooting.md");
const ko = headingsOf("ko/troubleshooting.md");
const headings = en.filter((text) => ko.includes(text));

describe("send() while CONNECTING", () => {
  it("in Node's ws: the message is a troubleshooting heading", () => {
    // Port 9 (discard): nothing answers; the socket stays CONNECTING for now.
    const ws = new WebSocket("ws://127.0.0.1:9/");
    ws.on("error", () => {});
    let text = "";
    try {
      ws.send("too early");
    } catch (error) {
      text = (error as Error).message;
    }
    ws.terminate();
    expect(text).toBe("WebSocket is not open: readyState 0 (CONNECTING)");
    expect(headings).toContain(text);
  });

  describe.skipIf(!haveChromium())("in Chromium", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await connectBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("the console's text is a troubleshooting heading", async () => {
      const page = await browser.newPage();
      // A string, not a function: Vitest would rewrite `WebSocket` in a
      // function to the one imported from ws above.
      const text = await page.evaluate<string>(`(() => {
        try {
          new WebSocket("ws://127.0.0.1:9/").send("too early");
          return "no error";
        } catch (error) {
          // What the console prints for an uncaught one: name, colon, message.
          return error.name + ": " + error.message;
        }
      })()`);
      await page.close();
      expect(text).toBe(
        "InvalidStateError: Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.",
      );
      expect(headings).toContain(text);
    });
  });
});
