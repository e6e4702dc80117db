// Lesson 2's "you should see" blocks, checked against the apps: each app
// is started as an attendee starts it, and its chat page is opened twice
// in Chromium, as ann and as bob, who joins second; ann says hello. Blocks
// are marked `<!-- you-should-see-rooms: id -->` (lesson 1's guard,
// you-should-see.demos.test.ts, knows lesson 1's sources only).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Browser, type Page } from "playwright-core";
import { connectBrowser } from "./browser.js";
import { spawnApp } from "@repo/contract";
import { haveChromium } from "@repo/demo-kit/testing";
import { inOrder, readChatTab } from "./chat-tab.js";
import { pages, promises } from "./markdown.js";
import {
  asThePageShows,
  builtEntry,
  DEFAULT_PORTS,
  type AppName,
} from "./demo-apps.js";

/** What a learner sees with two tabs open, per app. */
interface Seen {
  terminal: string[];
  /** ann's tab: the state, the members, then each line of the chat. */
  ann: string[];
  /** bob's tab, the same. */
  bob: string[];
  /** ann's tab once bob closed his. */
  annLater: string[];
  /** Any alert() a page showed: the XSS message must run none. */
  dialogs: string[];
}

const XSS = "<img src=x onerror=alert(1)>";

/** ann opens the chat, bob opens it, ann says hello, bob closes his tab. */
async function watch(browser: Browser, name: AppName): Promise<Seen> {
  const app = await spawnApp(name, builtEntry(name), {});
  const terminalSays = (pattern: RegExp) =>
    vi.waitFor(() => expect(app.output.join("\n")).toMatch(pattern), {
      timeout: 10_000,
      interval: 100,
    });
  const tabSays = (page: Page, pattern: RegExp) =>
    vi.waitFor(
      async () => expect((await readChatTab(page)).join("\n")).toMatch(pattern),
      {
        timeout: 10_000,
        interval: 100,
      },
    );
  const dialogs: string[] = [];
  try {
    const ann = await browser.newPage();
    const bob = await browser.newPage();
    for (const page of [ann, bob])
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    await ann.goto(`${app.origin}/rooms?room=lobby&name=ann`);
    await terminalSays(/joined lobby as "ann"/);
    await bob.goto(`${app.origin}/rooms?room=lobby&name=bob`);
    await terminalSays(/joined lobby as "bob"/);
    await tabSays(ann, /In the room: ann, bob/);
    const input = ann.locator('[data-room="lobby"] input[name="text"]');
    await input.fill("hello");
    await input.press("Enter");
    await tabSays(bob, /ann hello/);
    await tabSays(ann, /ann hello/);
    // A message that would run script if a page put it in as HTML.
    await input.fill(XSS);
    await input.press("Enter");
    await tabSays(bob, /onerror/);
    const seen = { ann: await readChatTab(ann), bob: await readChatTab(bob) };
    await bob.close();
    // `system` (bob left) comes first, then `presence`: wait for both, or a
    // busy machine reads the tab between the two.
    await tabSays(ann, /bob left/);
    await tabSays(ann, /In the room: ann$/m);
    const annLater = await readChatTab(ann);
    await ann.close();
    await terminalSays(/(close|disconnect) [\s\S]*(close|disconnect) /);
    return {
      terminal: asThePageShows(app.output, app.port, DEFAULT_PORTS[name]),
      ...seen,
      annLater,
      dialogs,
    };
  } finally {
    await app.stop();
  }
}

const blocks = pages().flatMap((page) =>
  promises(page, "rooms").map((block) => ({ page, ...block })),
);

/** Where each block's lines must appear; a block shown for both apps must appear in both. */
const sources: Record<string, (seen: Record<AppName, Seen>) => string[][]> = {
  "ws-rooms-terminal": (seen) => [seen["ws-demo"].terminal],
  "socketio-rooms-terminal": (seen) => [seen["socketio-demo"].terminal],
  "rooms-ann": (seen) => [seen["ws-demo"].ann, seen["socketio-demo"].ann],
  "rooms-bob": (seen) => [seen["ws-demo"].bob, seen["socketio-demo"].bob],
  "rooms-ann-later": (seen) => [
    seen["ws-demo"].annLater,
    seen["socketio-demo"].annLater,
  ],
  "rooms-xss": (seen) => [seen["ws-demo"].bob, seen["socketio-demo"].bob],
  "ws-rooms-state": (seen) => [seen["ws-demo"].ann, seen["ws-demo"].bob],
  "socketio-rooms-state": (seen) => [
    seen["socketio-demo"].ann,
    seen["socketio-demo"].bob,
  ],
};

describe("lesson 2's you-should-see blocks", () => {
  it("there are some, on the lesson 2 page", () => {
    expect(
      blocks.filter((block) => block.page === "rooms/index.md").length,
    ).toBeGreaterThanOrEqual(4);
  });

  it.each(
    blocks.map((block) => [`${block.page}: ${block.id}`, block] as const),
  )("%s names a known source", (_name, block) => {
    expect(Object.keys(sources)).toContain(block.id);
  });
});

describe.skipIf(!haveChromium())(
  "lesson 2's you-should-see blocks match the apps",
  () => {
    let browser: Browser;
    const seen = {} as Record<AppName, Seen>;
    beforeAll(async () => {
      browser = await connectBrowser();
      [seen["ws-demo"], seen["socketio-demo"]] = await Promise.all([
        watch(browser, "ws-demo"),
        watch(browser, "socketio-demo"),
      ]);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it("runs no script from a message that is HTML", () => {
      expect(seen["ws-demo"].dialogs).toEqual([]);
      expect(seen["socketio-demo"].dialogs).toEqual([]);
    });

    it.each(
      blocks.map((block) => [`${block.page}: ${block.id}`, block] as const),
    )("%s", (_name, block) => {
      for (const actual of sources[block.id]!(seen)) {
        expect(
          inOrder(actual, block.lines),
          `expected, in order:\n${block.lines.join("\n")}\n\nbut saw:\n${actual.join("\n")}`,
        ).toBe(true);
      }
    });
  },
);
