// The test run's one Chromium (started by global-chromium.ts), for a test
// file to open pages in. Closing the connection closes this file's pages
// and contexts, not the browser.
import { chromium, type Browser } from "playwright-core";
import { openChromium } from "@repo/demo-kit/testing";

/** Connects to the shared Chromium; call only where haveChromium() is true. */
export function connectBrowser(): Promise<Browser> {
  return openChromium(chromium);
}
