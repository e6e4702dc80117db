// The instructor page must be runnable as written: each plan adds up,
// minute by minute, in one order (Start, Lesson 1, Lesson 2, Lesson 3,
// Which one), in both locales; the docs run in a terminal of their own;
// and the pre-work ends with the check that says a laptop is ready.
import { describe, expect, it } from "vitest";
import { read } from "./markdown.js";

interface Row {
  start: number;
  end: number;
  minutes: number;
  part: string;
}

/** "1:25" -> 85 */
const minutesOf = (clock: string) => {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours! * 60 + minutes!;
};

/** The section under the heading with this anchor, up to the next `## `. */
function section(page: string, anchor: string): string {
  const text = read(page);
  const heading = new RegExp(`^## .*\\{#${anchor}\\}$`, "m").exec(text);
  expect(heading, `${page} has a section {#${anchor}}`).not.toBeNull();
  const rest = text.slice(heading!.index + heading![0].length);
  const next = rest.search(/^## /m);
  return next === -1 ? rest : rest.slice(0, next);
}

/** The rows of a plan's table: `| 0:00–0:15 | 15 | Start | ... |`. */
function rows(page: string, anchor: string): Row[] {
  return [
    ...section(page, anchor).matchAll(
      /^\| (\d:\d\d)–(\d:\d\d) \| +(\d+) \| ([^|]+?) +\|/gm,
    ),
  ].map((match) => ({
    start: minutesOf(match[1]!),
    end: minutesOf(match[2]!),
    minutes: Number(match[3]),
    part: match[4]!.trim(),
  }));
}

const LOCALES = [
  {
    page: "instructors.md",
    parts: ["Start", "Lesson 1", "Lesson 2", "Lesson 3", "Which one"],
    pause: "Break",
  },
  {
    page: "ko/instructors.md",
    parts: ["시작", "1강", "2강", "3강", "무엇을 고를까"],
    pause: "쉬는 시간",
  },
];
const PLANS = [
  { anchor: "the-3-hour-plan", total: 180 },
  { anchor: "the-2-hour-plan", total: 120 },
];

describe.each(LOCALES)("$page", ({ page, parts, pause }) => {
  it.each(PLANS)(
    "$anchor adds up to $total minutes, row by row",
    ({ anchor, total }) => {
      const plan = rows(page, anchor);
      expect(plan.length).toBeGreaterThan(5);
      expect(plan[0]!.start).toBe(0);
      plan.forEach((row, index) => {
        const at = `${page} {#${anchor}}, row ${index + 1}`;
        expect(row.minutes, `${at}: its minutes are its span`).toBe(
          row.end - row.start,
        );
        if (index > 0) {
          expect(row.start, `${at}: starts where the last ended`).toBe(
            plan[index - 1]!.end,
          );
        }
      });
      expect(plan.reduce((sum, row) => sum + row.minutes, 0)).toBe(total);
      expect(plan.at(-1)!.end).toBe(total);
    },
  );

  it.each(PLANS)("$anchor goes in the workshop's one order", ({ anchor }) => {
    const order = rows(page, anchor)
      .map((row) => row.part)
      .filter((part) => part !== pause)
      .filter((part, index, all) => all[index - 1] !== part);
    expect(order).toEqual(parts);
  });

  it("has the docs, ws and Socket.IO in three terminals", () => {
    const setup = section(page, "before-the-session-15-min-alone");
    for (const command of ["npm run docs", "npm run ws", "npm run socketio"]) {
      expect(setup).toContain(`\`${command}\``);
    }
  });

  it("ends the pre-work with npm run doctor", () => {
    const items = [
      ...section(page, "pre-work").matchAll(
        /^\d+\. [\s\S]*?(?=^\d+\. |^```|$(?![\s\S]))/gm,
      ),
    ];
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.at(-1)![0]).toContain("`npm run doctor`");
  });

  it("gives the LAN setup, Windows, and the browser path on each OS", () => {
    const lan = section(page, "the-room-on-one-network");
    for (const text of [
      "npm run ws:lan",
      "npm run socketio:lan",
      "npm run docs:lan",
      "ufw",
    ]) {
      expect(lan).toContain(text);
    }
    expect(section(page, "windows")).toContain("WSL2");
    const browser = section(page, "the-browser-for-verify");
    for (const path of [
      "/usr/bin/chromium",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "msedge.exe",
      "chrome.exe",
    ]) {
      expect(browser).toContain(path);
    }
  });
});
