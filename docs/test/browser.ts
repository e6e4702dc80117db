// The test run's one Chromium (started by browser-server.ts), for a test
// file to open pages in. Closing the connection closes this file's pages
// and contexts, not the browser.
import { inject } from "vitest";
import { chromium, type Browser } from "playwright-core";

/** Connects to the shared Chromium; call only where haveChromium() is true. */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject("chromiumEndpoint"));
}
