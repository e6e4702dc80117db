// Lesson 3's "you should see" blocks, checked against the apps as the page
// runs them: a Redis (of this test's own, on a free port), two processes of
// each app sharing it, ann's tab on the first and bob's on the second; ann
// says hello; then Redis stops and starts again. Blocks are marked
// `<!-- you-should-see-scale: id -->`. Ports and the Redis address are
// compared as if they were the page's (8001, 8011, 6379).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Browser } from "playwright-core";
import { connectBrowser } from "./browser.js";
import { spawnApp, type RunningApp } from "@repo/contract";
import {
  haveChromium,
  haveRedisServer,
  startTestRedis,
  type TestRedis,
} from "@repo/demo-kit/testing";
import { inOrder, readChatTab } from "./chat-tab.js";
import { pages, promises } from "./markdown.js";
import { builtEntry, DEFAULT_PORTS, type AppName } from "./demo-apps.js";

interface Seen {
  /** The first process's terminal. */
  terminal: string[];
  /** bob's tab, on the second process. */
  bob: string[];
  /** What a start with no Redis printed. */
  noRedis: string[];
}

const blocks = pages().flatMap((page) =>
  promises(page, "scale").map((block) => ({ page, ...block })),
);

const sources: Record<string, (seen: Record<AppName, Seen>) => string[][]> = {
  "scale-bob": (seen) => [seen["ws-demo"].bob, seen["socketio-demo"].bob],
  "ws-scale-ready": (seen) => [seen["ws-demo"].terminal],
  "ws-scale-no-redis": (seen) => [seen["ws-demo"].noRedis],
  "ws-scale-redis-lost": (seen) => [seen["ws-demo"].terminal],
  "socketio-scale-redis-lost": (seen) => [seen["socketio-demo"].terminal],
};

describe("lesson 3's you-should-see blocks", () => {
  it("there are some, on the lesson 3 page", () => {
    expect(
      blocks.filter((block) => block.page === "scale/index.md").length,
    ).toBeGreaterThanOrEqual(3);
  });

  it.each(
    blocks.map((block) => [`${block.page}: ${block.id}`, block] as const),
  )("%s names a known source", (_name, block) => {
    expect(Object.keys(sources)).toContain(block.id);
  });
});

describe.skipIf(!haveChromium() || !haveRedisServer())(
  "lesson 3's you-should-see blocks match the apps",
  () => {
    let browser: Browser;
    const redis: Partial<Record<AppName, TestRedis>> = {};
    const seen = {} as Record<AppName, Seen>;

    async function watch(name: AppName): Promise<Seen> {
      const server = (redis[name] = await startTestRedis());
      const entry = builtEntry(name);
      const env = { REDIS_URL: server.url };
      const [first, second] = await Promise.all([
        spawnApp(name, entry, env),
        spawnApp(name, entry, env),
      ]);
      try {
        const ann = await browser.newPage();
        const bob = await browser.newPage();
        await ann.goto(`${first.origin}/rooms?room=lobby&name=ann`);
        await bob.goto(`${second.origin}/rooms?room=lobby&name=bob`);
        const tabSays = (page: typeof ann, pattern: RegExp) =>
          vi.waitFor(
            async () =>
              expect((await readChatTab(page)).join("\n")).toMatch(pattern),
            { timeout: 10_000, interval: 100 },
          );
        await tabSays(ann, /In the room: ann, bob/);
        const input = ann.locator('[data-room="lobby"] input[name="text"]');
        await input.fill("hello");
        await input.press("Enter");
        await tabSays(bob, /ann hello/);
        const bobSaw = await readChatTab(bob);
        await Promise.all([ann.close(), bob.close()]);
        await server.stop();
        await server.start();
        await vi.waitFor(
          () =>
            expect(first.output.join("\n")).toMatch(
              /is back; rooms are shared again/,
            ),
          { timeout: 10_000, interval: 100 },
        );
        return {
          terminal: normalize(first.output, first, server, name),
          bob: bobSaw,
          noRedis: await startWithoutRedis(name, entry),
        };
      } finally {
        await Promise.all([first.stop(), second.stop()]);
      }
    }

    beforeAll(async () => {
      browser = await connectBrowser();
      seen["ws-demo"] = await watch("ws-demo");
      seen["socketio-demo"] = await watch("socketio-demo");
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
      await Promise.all(Object.values(redis).map((each) => each.close()));
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

/** Starts the app with REDIS_URL at a port where Redis is stopped; returns what it printed. */
async function startWithoutRedis(
  name: AppName,
  entry: string,
): Promise<string[]> {
  const closed = await startTestRedis();
  const port = closed.port;
  await closed.close();
  try {
    const app = await spawnApp(name, entry, {
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    await app.stop();
    return [`${name} started without its Redis`];
  } catch (error) {
    return String((error as Error).message)
      .split("\n")
      .map((line) => line.replaceAll(`127.0.0.1:${port}`, "127.0.0.1:6379"));
  }
}

/** Drops the time of day; the page's ports and Redis address for the test's. */
function normalize(
  lines: readonly string[],
  app: RunningApp,
  redis: TestRedis,
  name: AppName,
): string[] {
  return lines.map((line) =>
    line
      .replace(/^\d\d:\d\d:\d\d\.\d{3} /, "")
      .replace(`localhost:${app.port}`, `localhost:${DEFAULT_PORTS[name]}`)
      .replaceAll(`127.0.0.1:${redis.port}`, "127.0.0.1:6379"),
  );
}
