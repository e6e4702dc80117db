// Lesson 2 as a person sees it: chat pages in Chromium, two at a time,
// through a relay the test can cut (a network drop) or point at a new
// server (a restart). One suite, run against both apps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { LIMITS } from "@repo/rooms";
import { haveChromium, openChromium } from "@repo/demo-kit/testing";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import { BUSY_MACHINE_WAIT_MS } from "../wait-for.js";
import type { RoomsDriver } from "./driver.js";
import { flakyLink, type FlakyLink } from "./flaky-link.js";

const WAIT = { timeout: BUSY_MACHINE_WAIT_MS };
// Browser clauses wait on several pages in turn: room for a busy machine.
const CLAUSE_TIMEOUT_MS = 60_000;

export interface RoomsPageOptions {
  /** How a page gets back what it missed in a drop: the words the docs use. */
  readonly catchUp: "rejoin with after" | "recovery";
  /** The state the page shows once connected. */
  readonly connectedState: string;
}

export function describeRoomsPage(
  driver: RoomsDriver,
  options: RoomsPageOptions,
): void {
  describe.skipIf(!haveChromium())(
    `the rooms page in Chromium: ${driver.name}`,
    () => {
      let browser: Browser;
      let app: RunningApp;
      let link: FlakyLink;
      const errors: string[] = [];

      beforeAll(async () => {
        [browser, app] = await Promise.all([
          openChromium(chromium),
          driver.start({}),
        ]);
        link = await flakyLink(app.port);
      });
      afterAll(async () => {
        await browser?.close();
        await link?.close();
        await app?.stop();
      });

      async function open(room: string, name: string): Promise<Page> {
        const page = await browser.newPage();
        page.on("pageerror", (error) => errors.push(error.message));
        page.on("dialog", (dialog) => {
          errors.push(`a dialog opened: ${dialog.message()}`);
          void dialog.dismiss();
        });
        const query = new URLSearchParams({ room, name });
        await page.goto(
          `http://127.0.0.1:${link.port}/rooms?${query.toString()}`,
        );
        await expect
          .poll(() => page.locator("#state").getAttribute("data-state"), WAIT)
          .toBe(options.connectedState);
        await expect.poll(() => members(page, room), WAIT).toContain(name);
        return page;
      }
      const panel = (page: Page, room: string) =>
        page.locator(`section[data-room="${room}"]`);
      const members = (page: Page, room: string) =>
        panel(page, room).locator(".members").textContent();
      const texts = (page: Page, room: string) =>
        panel(page, room).locator("li.message .text").allTextContents();
      async function say(
        page: Page,
        room: string,
        text: string,
      ): Promise<void> {
        const input = panel(page, room).locator('input[name="text"]');
        await input.fill(text);
        await input.press("Enter");
      }

      it(
        "shows a message in both pages, in one order, with presence and typing, as text",
        async () => {
          const room = "lobby";
          const xss = "<img src=x onerror=f()>"; // run, it would throw: a pageerror
          const ann = await open(room, "ann");
          const eve = await open(room, xss);
          await expect
            .poll(() => members(ann, room), WAIT)
            .toBe(`In the room: ${xss}, ann`);
          await panel(eve, room)
            .locator('input[name="text"]')
            .pressSequentially("hi");
          await expect
            .poll(() => panel(ann, room).locator(".typing").textContent(), WAIT)
            .toBe(`${xss} is typing…`);
          await say(ann, room, "one");
          await say(eve, room, "two <b>bold</b>");
          await say(ann, room, "three");
          await expect.poll(() => texts(ann, room), WAIT).toHaveLength(3);
          await expect
            .poll(() => texts(eve, room), WAIT)
            .toEqual(await texts(ann, room));
          expect(await texts(ann, room)).toContain("two <b>bold</b>");
          // Shown, not run: no image, no bold element, no dialog.
          expect(
            await ann.locator("section img, section li.message b b").count(),
          ).toBe(0);
          await eve.getByRole("button", { name: "Leave" }).click();
          await expect
            .poll(() => members(ann, room), WAIT)
            .toBe("In the room: ann");
          await expect
            .poll(
              () => panel(ann, room).locator("li.system").last().textContent(),
              WAIT,
            )
            .toMatch(/left$/);
          expect(errors).toEqual([]);
          await Promise.all([ann.close(), eve.close()]);
        },
        CLAUSE_TIMEOUT_MS,
      );

      it(
        `gets back what it missed in a network drop (${options.catchUp})`,
        async () => {
          const room = "drop";
          const ann = await open(room, "ann");
          const bob = await open(room, "bob");
          await say(ann, room, "before");
          await expect.poll(() => texts(bob, room), WAIT).toEqual(["before"]);
          link.down();
          await expect
            .poll(() => bob.locator("#state").getAttribute("data-state"), WAIT)
            .not.toBe(options.connectedState);
          // Said while bob is away, by a client that is not behind the link.
          const other = await driver.connect(app);
          await other.request("join", { room, name: "cid" });
          await other.request("say", { room, text: "while you were away" });
          link.up();
          await expect
            .poll(() => texts(bob, room), { timeout: 20_000 })
            .toEqual(["before", "while you were away"]);
          await expect
            .poll(() => bob.locator("#state").getAttribute("data-state"), WAIT)
            .toBe(options.connectedState);
          await other.close();
          await Promise.all([ann.close(), bob.close()]);
        },
        CLAUSE_TIMEOUT_MS,
      );

      if (options.catchUp === "rejoin with after") {
        it(
          "says some messages were missed when the history no longer reaches back",
          async () => {
            const room = "gap";
            const bob = await open(room, "bob");
            const first = await driver.connect(app);
            await first.request("join", { room, name: "s0" });
            await first.request("say", { room, text: "seen" });
            await expect.poll(() => texts(bob, room), WAIT).toEqual(["seen"]);
            link.down();
            const speakers = await Promise.all(
              Array.from({ length: 6 }, () => driver.connect(app)),
            );
            for (const [i, speaker] of speakers.entries()) {
              await speaker.request("join", { room, name: `s${i + 1}` });
              await Promise.all(
                Array.from({ length: 9 }, (_, n) =>
                  speaker.request("say", { room, text: `${i}.${n}` }),
                ),
              );
            }
            link.up();
            await expect
              .poll(() => panel(bob, room).locator("li.missed").count(), {
                timeout: 20_000,
              })
              .toBe(1);
            expect((await texts(bob, room)).length).toBe(
              1 + LIMITS.historyPerRoom,
            );
            await Promise.all(
              [first, ...speakers].map((client) => client.close()),
            );
            await bob.close();
          },
          CLAUSE_TIMEOUT_MS,
        );
      }

      it(
        "comes back by itself after a server restart, in its rooms",
        async () => {
          const room = "restart";
          const ann = await open(room, "ann");
          const bob = await open(room, "bob");
          await app.stop();
          const state = (page: Page) =>
            page.locator("#state").getAttribute("data-state");
          for (const page of [ann, bob]) {
            await expect
              .poll(() => state(page), WAIT)
              .not.toBe(options.connectedState);
          }
          app = await driver.start({});
          link.retarget(app.port);
          for (const page of [ann, bob]) {
            await expect
              .poll(() => state(page), { timeout: 20_000 })
              .toBe(options.connectedState);
            await expect
              .poll(() => members(page, room), WAIT)
              .toBe("In the room: ann, bob");
          }
          await say(bob, room, "we are back");
          await expect
            .poll(() => texts(ann, room), WAIT)
            .toEqual(["we are back"]);
          await Promise.all([ann.close(), bob.close()]);
        },
        CLAUSE_TIMEOUT_MS,
      );
    },
  );
}
