import { describe, expect, it } from "vitest";
import { LogBudget } from "../src/log-budget.js";

function budget(linesPerWindow = 3) {
  const lines: string[] = [];
  let now = 0;
  const log = new LogBudget((line) => lines.push(line), {
    subject: "conn-7",
    noun: "messages",
    linesPerWindow,
    windowMs: 10_000,
    now: () => now,
  });
  return { log, lines, advance: (ms: number) => (now += ms) };
}

describe("LogBudget", () => {
  it("writes every line of a client within its budget", () => {
    const { log, lines } = budget();
    ["a", "b", "c"].forEach((line) => log.line(line));
    log.flush();
    expect(lines).toEqual(["a", "b", "c"]);
  });

  it("counts a flood and sums it up in one line when the window is over", () => {
    const { log, lines, advance } = budget();
    for (let i = 0; i < 1237; i++) log.line(`m${i}`);
    advance(10_000);
    log.line("next");
    expect(lines).toEqual([
      "m0",
      "m1",
      "m2",
      "conn-7: 1,234 more messages not logged (at most 3 lines per 10 s)",
      "next",
    ]);
  });

  it("sums up what is held back when the connection ends", () => {
    const { log, lines } = budget(1);
    log.line("a");
    log.line("b");
    log.flush();
    log.flush();
    expect(lines).toEqual([
      "a",
      "conn-7: 1 more messages not logged (at most 1 lines per 10 s)",
    ]);
  });
});
