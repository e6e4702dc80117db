// What a learner reads in a chat tab, and a check that lines appear in
// order, for the lesson 2 and 3 "you should see" tests.
import type { Page } from "playwright-core";

/** The text of a chat tab, without the times of day. */
export async function readChatTab(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = (node: Node | null): string =>
      [...(node?.childNodes ?? [])]
        .filter((child) => child.nodeName !== "TIME")
        .map((child) =>
          child.nodeType === Node.TEXT_NODE ? child.textContent : text(child),
        )
        .join("")
        .trim();
    const panel = document.querySelector("#panels section:not([hidden])");
    return [
      `State: ${document.querySelector("#state")?.textContent ?? ""}`,
      document.querySelector("#notice")?.textContent ?? "",
      panel?.querySelector(".members")?.textContent ?? "",
      ...[...(panel?.querySelectorAll("li") ?? [])].map((item) => text(item)),
    ];
  });
}

/** Whether `expected` appears in `actual` in order (other lines may come between). */
export function inOrder(
  actual: readonly string[],
  expected: readonly string[],
): boolean {
  let at = 0;
  for (const line of actual) if (line === expected[at]) at += 1;
  return at === expected.length;
}
