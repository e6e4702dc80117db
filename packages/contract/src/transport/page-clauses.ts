// Lesson 1's page, seen from outside: what a browser client of either demo
// must do, checked in Chromium against a server. Verify runs these against
// an attendee's browser code (served in place of the demo's own), with the
// reference server behind it.
import { expect } from "vitest";
import type { Page } from "playwright-core";
import type { Clause } from "../clause.js";
import { waitFor } from "../wait-for.js";
import type { RunningApp } from "@repo/demo-kit/spawn-app";

/** What a page clause gets: the open page and the server behind it. */
export interface PageContext {
  /** The server the page came from (a new one after `restart`). */
  readonly app: RunningApp;
  readonly page: Page;
  /** Uncaught errors the page threw so far. */
  readonly errors: readonly string[];
  /** Stops the server and starts it again on the same port. */
  readonly restart: () => Promise<void>;
}

/** How long the page gets for what a working page does in about a second. */
const PAGE_WAIT_MS = 5000;

async function waitConnected(app: RunningApp, timeout: number): Promise<void> {
  await waitFor(
    async () =>
      expect(
        (await app.stats()).openConnections,
        "connections the server sees from the page",
      ).toBeGreaterThanOrEqual(1),
    { timeout, interval: 100 },
  );
}

/** The clauses of lesson 1's page, in the order they build on each other. */
export const pageClauses: readonly Clause<PageContext>[] = [
  {
    id: "page-connects",
    name: "connects to the server the page came from",
    expected:
      "The page connects to the server it was loaded from (its own host and port, nothing hard-coded), and the server counts the connection.",
    async run({ app }) {
      await waitConnected(app, PAGE_WAIT_MS);
    },
  },
  {
    id: "page-news",
    name: "shows each push in the list",
    expected:
      "The page adds one line to the list (#messages) for each `news`: after a second or so there are at least two `li.news`.",
    async run({ page }) {
      await waitFor(
        async () =>
          expect(
            await page.locator("#messages li.news").count(),
            "news lines on the page",
          ).toBeGreaterThanOrEqual(2),
        { timeout: PAGE_WAIT_MS, interval: 100 },
      );
    },
  },
  {
    id: "page-replies",
    name: "answers each push with a reply the server receives",
    expected:
      "The page answers each `news` with a `reply` ({seq, text}) while connected, and the server receives them (/stats `received`).",
    async run({ app }) {
      await waitFor(
        async () =>
          expect(
            (await app.stats()).received,
            "replies the server received",
          ).toBeGreaterThanOrEqual(2),
        { timeout: PAGE_WAIT_MS, interval: 100 },
      );
    },
  },
  {
    id: "page-no-errors",
    name: "runs without an uncaught error",
    expected: "The page's code throws no uncaught error.",
    run({ errors }) {
      expect(
        errors.length,
        `uncaught errors in the page (the first: "${errors[0]}")`,
      ).toBe(0);
      return Promise.resolve();
    },
  },
  {
    id: "page-reconnects",
    name: "reconnects by itself after a server restart",
    expected:
      "When the server goes away and comes back on the same port, the page connects again by itself, without a reload.",
    timeoutMs: 30_000,
    async run(context) {
      await waitConnected(context.app, PAGE_WAIT_MS);
      await context.restart();
      await waitConnected(context.app, 15_000);
    },
  },
];
