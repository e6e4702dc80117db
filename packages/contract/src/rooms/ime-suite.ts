// Korean typed with an input method (IME), on an app's /rooms page.
// A Hangul syllable is built up in a composition (ㅎ, 하, 한) before it is
// committed. The Enter that commits it reaches the page as a keydown with
// isComposing true and keyCode 229, or, from some IMEs, as a plain Enter
// that submits the form before the commit. A page that sends on that Enter
// sends a half-typed message, or sends it twice, or leaves the last
// syllable in the box. Chromium's DevTools protocol plays the IME here:
// Input.imeSetComposition shows the composition, Input.insertText commits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chromium,
  type Browser,
  type CDPSession,
  type Page,
} from "playwright-core";
import { haveChromium, openChromium } from "@repo/demo-kit/testing";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import { BUSY_MACHINE_WAIT_MS } from "../wait-for.js";
import type { RoomsDriver } from "./driver.js";

const WAIT = { timeout: BUSY_MACHINE_WAIT_MS };
/** The key code every browser gives a key the IME took (the spec's "229"). */
const IME_KEY_CODE = 229;

/**
 * Notes each Enter keydown as the page sees it ("229 composing;") on
 * <body data-enters>, to show what the test played. A string: this
 * package's TypeScript has no DOM types.
 */
const RECORD_ENTERS = `document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  const seen = event.keyCode + (event.isComposing ? " composing" : "");
  document.body.dataset.enters = (document.body.dataset.enters ?? "") + seen + ";";
}, true)`;

/**
 * The IME clauses on one app's rooms page, opened with `driver`;
 * `connectedState` is what the page's #state says once it is connected.
 */
export function describeImeTyping(
  driver: RoomsDriver,
  connectedState: string,
): void {
  describe.skipIf(!haveChromium())(
    `Korean typed with an IME on the rooms page: ${driver.name}`,
    () => {
      let browser: Browser;
      let app: RunningApp;
      let page: Page;
      let ime: CDPSession;
      const room = "hangul";
      const errors: string[] = [];

      beforeAll(async () => {
        [browser, app] = await Promise.all([
          openChromium(chromium),
          driver.start({}),
        ]);
        page = await browser.newPage();
        page.on("pageerror", (error) => errors.push(error.message));
        const query = new URLSearchParams({ room, name: "민지" });
        await page.goto(`${app.origin}/rooms?${query.toString()}`);
        // expect.poll belongs in a test: a hook waits with locators.
        await page
          .locator(`#state[data-state="${connectedState}"]`)
          .waitFor(WAIT);
        await box().waitFor(WAIT);
        ime = await page.context().newCDPSession(page);
        await page.evaluate(RECORD_ENTERS);
      });
      const entersSeen = () => page.locator("body").getAttribute("data-enters");
      afterAll(async () => {
        await browser?.close();
        await app?.stop();
      });

      const box = () =>
        page.locator(`section[data-room="${room}"] input[name="text"]`);
      const sent = () =>
        page
          .locator(`section[data-room="${room}"] li.message .text`)
          .allTextContents();

      /** What an IME shows while a word is typed: each step replaces the last. */
      async function compose(steps: readonly string[]): Promise<void> {
        for (const step of steps)
          await ime.send("Input.imeSetComposition", {
            text: step,
            selectionStart: step.length,
            selectionEnd: step.length,
          });
      }
      const commit = (text: string) => ime.send("Input.insertText", { text });

      /** The Enter an IME takes to commit: keyCode 229, while composing. */
      async function enterWhileComposing(): Promise<void> {
        await ime.send("Input.dispatchKeyEvent", {
          type: "rawKeyDown",
          key: "Enter",
          code: "Enter",
          windowsVirtualKeyCode: IME_KEY_CODE,
        });
        await ime.send("Input.dispatchKeyEvent", {
          type: "keyUp",
          key: "Enter",
          code: "Enter",
          windowsVirtualKeyCode: 13,
        });
      }

      it("sends a message once and whole: Enter during, then after, the composition", async () => {
        await box().focus();
        await compose(["ㅇ", "안", "안ㄴ", "안녕"]);
        expect(await box().inputValue()).toBe("안녕");
        await enterWhileComposing();
        expect(await entersSeen()).toBe("229 composing;");
        await commit("안녕");
        // The Enter that committed sent nothing: the text is still there.
        expect(await box().inputValue()).toBe("안녕");
        await page.keyboard.press("Enter");
        await expect.poll(() => sent(), WAIT).toEqual(["안녕"]);
        expect(await box().inputValue()).toBe("");
        expect(errors).toEqual([]);
      });

      it("leaves nothing in the box when Enter is pressed with a syllable still composing", async () => {
        await box().focus();
        await box().fill("반가워요 ");
        await compose(["ㅎ", "하", "한"]);
        // A plain Enter (keyCode 13) while the syllable is still composing,
        // as some IMEs let through: the form is asked to send before the
        // commit. The page waits for the commit and sends the whole text.
        await page.keyboard.press("Enter");
        expect(await entersSeen()).toMatch(/;13 composing;$/);
        await commit("한");
        await expect.poll(() => sent(), WAIT).toEqual(["안녕", "반가워요 한"]);
        expect(await box().inputValue()).toBe("");
        // Once: nothing follows a moment later either.
        await page.waitForTimeout(300);
        expect(await sent()).toEqual(["안녕", "반가워요 한"]);
        expect(errors).toEqual([]);
      });
    },
  );
}
