// "Side by side" means side by side: at desktop width the two versions of
// each concept stand in two columns at once, and the lines that differ are
// marked; on a narrow screen they fall back to tabs. The same in both
// locales: the Korean page shows the same pairs. pages.test.ts runs these
// checks on the side-by-side page of each locale, in the tab it opened.
import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Whether a page is the side-by-side page of either locale. */
export const isSideBySide = (page: string) => page.endsWith("side-by-side.md");

/** For each pair on the page: the boxes of its two code blocks, and its marked lines. */
async function pairs(tab: Page) {
  return tab.locator(".pair .vp-code-group").evaluateAll((groups) =>
    groups.map((group) => {
      const blocks = [
        ...group.querySelectorAll(".blocks > div[class*='language-']"),
      ].map((block) => {
        const box = block.getBoundingClientRect();
        return {
          left: box.left,
          top: box.top,
          width: box.width,
          visible: box.width > 0 && box.height > 0,
        };
      });
      return {
        blocks,
        marked: group.querySelectorAll(".line.differs").length,
        lines: group.querySelectorAll(".line").length,
      };
    }),
  );
}

/** At desktop width (1440 px): both versions in two columns, differing lines marked. */
export async function showsTwoColumns(tab: Page): Promise<void> {
  await tab.waitForSelector(".pair .line.differs");
  const found = await pairs(tab);
  expect(found.length).toBeGreaterThanOrEqual(8);
  for (const { blocks, marked, lines } of found) {
    expect(blocks).toHaveLength(2);
    const [ws, socketIo] = blocks;
    expect(ws!.visible && socketIo!.visible).toBe(true);
    expect(socketIo!.top).toBe(ws!.top); // one row
    expect(socketIo!.left).toBeGreaterThanOrEqual(ws!.left + ws!.width); // two columns
    expect(ws!.width).toBeGreaterThan(400); // wide enough to read
    // Something differs, and not everything.
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThanOrEqual(lines);
  }
}

/**
 * Narrowed to 600 px: tabs, one version visible at a time. The layout is
 * CSS alone (a media query), so narrowing the open tab is the same as
 * opening the page on a narrow screen.
 */
export async function fallsBackToTabs(tab: Page): Promise<void> {
  await tab.setViewportSize({ width: 600, height: 900 });
  await tab.waitForSelector(".pair .vp-code-group");
  for (const { blocks } of await pairs(tab)) {
    expect(blocks.filter((block) => block.visible)).toHaveLength(1);
  }
}
