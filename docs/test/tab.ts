// A page of the built site opened in Chromium, with what its console and
// network report as errors, for the browser tests of the docs.
import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";

/** A Hangul syllable: text a Korean reader reads. */
export const HANGUL = /[\uAC00-\uD7A3]/;

/**
 * Opens a page at desktop width (wide enough for the outline aside) and
 * collects every error: uncaught exceptions, console errors, and any
 * response of 400 or more (the favicon too: a 404 for it is an error in
 * every console). Waits for the page's heading.
 */
export async function open(
  browser: Browser,
  url: string,
): Promise<{ tab: Page; errors: string[] }> {
  const tab = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  tab.on("pageerror", (error) => errors.push(error.message));
  tab.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  tab.on("response", (answer) => {
    if (answer.status() >= 400)
      errors.push(`${answer.status()} ${answer.url()}`);
  });
  const response = await tab.goto(url);
  expect(response?.status()).toBe(200);
  await tab.waitForSelector(".vp-doc h1");
  return { tab, errors };
}
