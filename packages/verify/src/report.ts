// What verify prints: one line per check as it finishes, a plain sentence
// and the docs section for each failure, and what to do next.
import type { Exercise } from "./exercises.js";
import { DOCS_SITE } from "./exercises.js";
import type { CheckResult, RunOutcome, Stop } from "./run.js";

const INDENT = "      ";

/** The lines for one finished check. */
export function formatResult(result: CheckResult): string[] {
  if (result.ok) return [`  pass  ${result.clause.name}`];
  const lines = [
    `  FAIL  ${result.clause.name}`,
    `${INDENT}expected: ${result.clause.expected}`,
    ...indentAfterFirst(`happened: ${result.happened ?? "it failed"}`),
  ];
  if (result.check.hint) lines.push(`${INDENT}why:      ${result.check.hint}`);
  lines.push(
    `${INDENT}read:     ${result.check.section}, ${DOCS_SITE}${result.check.docs}`,
  );
  return lines;
}

function indentAfterFirst(text: string): string[] {
  return text
    .split("\n")
    .map((line, i) => `${INDENT}${i === 0 ? "" : "          "}${line}`);
}

/** Why the run stopped before its checks, and what to do. */
export function formatStop(stop: Stop, editPath: string): string[] {
  const first = (lines: readonly string[], n: number) =>
    lines.slice(0, n).map((line) => `${INDENT}${line}`);
  switch (stop.kind) {
    case "compile":
      return [
        `  FAIL  your code does not compile; tsc says:`,
        ...first(stop.lines, 10),
        ...(stop.lines.length > 10
          ? [`${INDENT}(${stop.lines.length - 10} more lines)`]
          : []),
        `${INDENT}Fix these in ${editPath} (the line and column are in brackets); no check runs until it compiles.`,
      ];
    case "start":
      return [
        `  FAIL  your server did not start; its first lines:`,
        ...first(stop.lines, 12),
        `${INDENT}The stack's first "at" line inside exercises/ is where it failed; run it alone to see all: npx tsx ${editPath.replace(/[^/]+$/, "server.ts")}`,
      ];
    case "crash":
      return [
        `  FAIL  your server stopped during the checks; its last lines:`,
        ...first(stop.lines, 15),
        `${INDENT}The checks after this one did not run.`,
      ];
    case "setup":
      return [`  FAIL  ${stop.message}`];
  }
}

/** The closing lines: the score, and the next thing to do. */
export function formatSummary(
  exercise: Exercise,
  outcome: RunOutcome,
  editPath: string,
  solution: boolean,
): string[] {
  const total = exercise.checks.length;
  const passed = outcome.results.filter((r) => r.ok).length;
  // Named scripts, no `--`: PowerShell's npm shim drops it, and npm then
  // takes --solution or --watch for its own settings.
  const again = `npm run verify${solution ? ":solution" : ""} ${exercise.name}`;
  if (!outcome.stop && passed === total) {
    return [
      `${exercise.name}: all ${total} checks pass.`,
      exercise.next
        ? `Next: the exercise ${exercise.next} (npm run verify ${exercise.next}).`
        : "That was the last exercise: well done.",
    ];
  }
  return [
    `${exercise.name}: ${passed} of ${total} checks pass.`,
    `Next: fix the first failure in ${editPath}, then run ${again} again (npm run verify:watch ${exercise.name} reruns it on every save). The step is explained at ${DOCS_SITE}${exercise.page.url}`,
  ];
}
