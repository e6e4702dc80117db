// Every "you should see" block on every page, checked against what the
// apps really print and show: each app is started as an attendee starts it
// (its own process, default settings), and its page is opened in Chromium.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Browser } from "playwright-core";
import { connectBrowser } from "./browser.js";
import { WebSocket } from "ws";
import { spawnApp, type RunningApp } from "@repo/contract";
import { BUSY_MACHINE_WAIT, haveChromium } from "@repo/demo-kit/testing";
import { inOrder } from "./chat-tab.js";
import { pages, promises } from "./markdown.js";
import {
  asThePageShows,
  builtEntry,
  DEFAULT_PORTS,
  type AppName,
} from "./demo-apps.js";

/** What a learner sees, gathered once per app. */
interface Seen {
  terminal: string[];
  page: string[];
}

async function watch(
  browser: Browser,
  name: AppName,
  replies: number,
): Promise<Seen> {
  // The default settings, except the port: 0 picks a free one, and the
  // lines are compared as if it were the default.
  const app: RunningApp = await spawnApp(name, builtEntry(name), {});
  try {
    const page = await browser.newPage();
    await page.goto(app.origin);
    await vi.waitFor(
      () =>
        expect(
          app.output.filter((line) => line.includes(" says reply #")).length,
        ).toBeGreaterThanOrEqual(replies),
      { timeout: 3000 * replies + 5000, interval: 200 },
    );
    const seen = [
      (await page.locator("h1").textContent()) ?? "",
      `State: ${(await page.locator("#state").textContent()) ?? ""}`,
      (await page.locator("#detail").textContent()) ?? "",
    ];
    await page.close();
    return {
      terminal: asThePageShows(app.output, app.port, DEFAULT_PORTS[name]),
      page: seen,
    };
  } finally {
    await app.stop();
  }
}

/**
 * ws-demo with NOTE_BUGS=1, as the instructor page runs it: three clients
 * open and close, then /stats. Its terminal, and /stats as JSON lines.
 */
async function watchNoteBugs(): Promise<{
  terminal: string[];
  stats: string[];
}> {
  const app = await spawnApp("ws-demo", builtEntry("ws-demo"), {
    NOTE_BUGS: "1",
  });
  try {
    for (let tab = 0; tab < 3; tab++) {
      const ws = new WebSocket(`ws://127.0.0.1:${app.port}/ws`);
      await new Promise((resolve, reject) => {
        ws.once("open", resolve);
        ws.once("error", reject);
      });
      ws.close();
      await new Promise((resolve) => ws.once("close", resolve));
    }
    // The server sees each close a moment after the client does. Each
    // check is a /stats request to the app's process, and on a loaded
    // machine one request can outlast Vitest's default 1 s on its own.
    await vi.waitFor(
      async () => expect((await app.stats()).openConnections).toBe(0),
      BUSY_MACHINE_WAIT,
    );
    return {
      terminal: asThePageShows(app.output, app.port, DEFAULT_PORTS["ws-demo"]),
      stats: JSON.stringify(await app.stats(), null, 2).split("\n"),
    };
  } finally {
    await app.stop();
  }
}

const blocks = pages().flatMap((page) =>
  promises(page).map((block) => ({ page, ...block })),
);
type AllSeen = Record<AppName, Seen> & {
  noteBugs: { terminal: string[]; stats: string[] };
};
const sources: Record<string, (seen: AllSeen) => string[]> = {
  "ws-ready": (seen) => seen["ws-demo"].terminal,
  "ws-terminal": (seen) => seen["ws-demo"].terminal,
  "ws-page": (seen) => seen["ws-demo"].page,
  "socketio-ready": (seen) => seen["socketio-demo"].terminal,
  "socketio-terminal": (seen) => seen["socketio-demo"].terminal,
  "ws-note-bugs-ready": (seen) => seen.noteBugs.terminal,
  "ws-note-bugs-stats": (seen) => seen.noteBugs.stats,
};

describe("every you-should-see block names a known source", () => {
  it.each(
    blocks.map((block) => [`${block.page}: ${block.id}`, block] as const),
  )("%s", (_name, block) => {
    expect(Object.keys(sources)).toContain(block.id);
  });
});

describe.skipIf(!haveChromium())(
  "every you-should-see block matches the apps",
  () => {
    let browser: Browser;
    const seen = {} as AllSeen;
    beforeAll(async () => {
      browser = await connectBrowser();
      // Two replies each: the blocks show #1 and #2.
      [seen["ws-demo"], seen["socketio-demo"], seen.noteBugs] =
        await Promise.all([
          watch(browser, "ws-demo", 2),
          watch(browser, "socketio-demo", 2),
          watchNoteBugs(),
        ]);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it.each(
      blocks.map((block) => [`${block.page}: ${block.id}`, block] as const),
    )("%s", (_name, block) => {
      const actual = sources[block.id]!(seen);
      expect(
        inOrder(actual, block.lines),
        `expected, in order:\n${block.lines.join("\n")}\n\nbut saw:\n${actual.join("\n")}`,
      ).toBe(true);
    });
  },
);
