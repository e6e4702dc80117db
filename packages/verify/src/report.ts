// What verify prints: one line per check as it finishes, a plain sentence
// and the docs section for each failure, and what to do next. The words
// come from the table of the run's language (messages.ts).
import type { Exercise } from "./exercises.js";
import { checkWordsOf, DOCS_SITE } from "./exercises.js";
import type { Locale } from "./locale.js";
import { messages } from "./messages.js";
import type { CheckResult, RunOutcome, Stop } from "./run.js";

const INDENT = "      ";

/** A docs page's address in `locale`: the Korean pages are under /ko/. */
export function docsUrl(path: string, locale: Locale): string {
  return `${DOCS_SITE}${messages[locale].docsPrefix}${path}`;
}

/** The lines for one finished check. */
export function formatResult(result: CheckResult, locale: Locale): string[] {
  const text = messages[locale];
  const name = text.clauseName(result.clause);
  if (result.ok) return [`  ${text.passLabel}  ${name}`];
  const words = checkWordsOf(result.check, locale);
  const lines = [
    `  ${text.failLabel}  ${name}`,
    `${INDENT}${text.expectedLabel}${text.clauseExpected(result.clause)}`,
    ...indentAfterFirst(
      `${text.happenedLabel}${result.happened ?? text.itFailed}`,
      columns(text.happenedLabel),
    ),
  ];
  if (words.hint) lines.push(`${INDENT}${text.whyLabel}${words.hint}`);
  lines.push(
    `${INDENT}${text.readLabel}${text.section(words.section, docsUrl(result.check.docs, locale))}`,
  );
  return lines;
}

/** How wide `label` is in a terminal: Hangul takes two columns. */
function columns(label: string): number {
  return [...label].reduce(
    (width, char) =>
      width + (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(char) ? 2 : 1),
    0,
  );
}

function indentAfterFirst(text: string, labelWidth: number): string[] {
  return text
    .split("\n")
    .map(
      (line, i) => `${INDENT}${i === 0 ? "" : " ".repeat(labelWidth)}${line}`,
    );
}

/** Why the run stopped before its checks, and what to do. */
export function formatStop(
  stop: Stop,
  editPath: string,
  locale: Locale,
): string[] {
  const text = messages[locale];
  const fail = (line: string) => `  ${text.failLabel}  ${line}`;
  const first = (lines: readonly string[], n: number) =>
    lines.slice(0, n).map((line) => `${INDENT}${line}`);
  switch (stop.kind) {
    case "compile":
      return [
        fail(text.compileFailed),
        ...first(stop.lines, 10),
        ...(stop.lines.length > 10
          ? [`${INDENT}${text.moreLines(stop.lines.length - 10)}`]
          : []),
        `${INDENT}${text.fixCompile(editPath)}`,
      ];
    case "start":
      return [
        fail(text.startFailed),
        ...first(stop.lines, 12),
        `${INDENT}${text.runAlone(editPath.replace(/[^/]+$/, "server.ts"))}`,
      ];
    case "crash":
      return [
        fail(text.crashed),
        ...first(stop.lines, 15),
        `${INDENT}${text.crashSkipped}`,
      ];
    case "setup":
      return [fail(stop.message)];
  }
}

/** The closing lines: the score, and the next thing to do. */
export function formatSummary(
  exercise: Exercise,
  outcome: RunOutcome,
  editPath: string,
  solution: boolean,
  locale: Locale,
): string[] {
  const text = messages[locale];
  const total = exercise.checks.length;
  const passed = outcome.results.filter((r) => r.ok).length;
  if (!outcome.stop && passed === total) {
    return [
      text.allPass(exercise.name, total),
      exercise.next ? text.nextExercise(exercise.next) : text.lastExercise,
    ];
  }
  return [
    text.somePass(exercise.name, passed, total),
    text.fixFirst(
      editPath,
      text.again(exercise.name, solution),
      exercise.name,
      docsUrl(exercise.page.url, locale),
    ),
  ];
}
