// One verify run, printed as it goes: returns the exit code.
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { exercisesDir, repoRoot, titleOf, type Exercise } from "./exercises.js";
import type { Locale } from "./locale.js";
import { messages } from "./messages.js";
import { formatResult, formatStop, formatSummary } from "./report.js";
import { runExercise } from "./run.js";

export interface VerifyOptions {
  /** Check solution/ instead of start/. */
  readonly solution?: boolean;
  /** Check this folder instead (a copy of start/ or solution/). */
  readonly dir?: string;
  /** The language of the report; English when not given. */
  readonly locale?: Locale;
}

/** Checks one exercise and prints the report through `print`; 0 if all pass. */
export async function verify(
  exercise: Exercise,
  options: VerifyOptions,
  print: (line: string) => void,
): Promise<number> {
  const dir = options.dir
    ? resolve(options.dir)
    : `${exercisesDir}${exercise.name}/${options.solution ? "solution" : "start"}`;
  const shown = relative(repoRoot, dir) || ".";
  const editPath = `${shown}/${exercise.edit}`;
  const locale = options.locale ?? "en";
  const text = messages[locale];
  if (!existsSync(`${dir}/tsconfig.json`)) {
    print(text.notAnExerciseFolder(shown));
    return 1;
  }
  print(text.heading(exercise.name, titleOf(exercise, locale)));
  print(text.checking(shown, exercise.checks.length, editPath));
  const outcome = await runExercise(
    exercise,
    dir,
    {
      step: (line) => print(`  ... ${line}`),
      warn: (line) => print(`  ${text.warnLabel}  ${line}`),
      result: (result) =>
        formatResult(result, locale).forEach((line) => print(line)),
    },
    text,
  );
  if (outcome.stop) formatStop(outcome.stop, editPath, locale).forEach(print);
  formatSummary(
    exercise,
    outcome,
    editPath,
    options.solution ?? false,
    locale,
  ).forEach(print);
  const allPass =
    !outcome.stop &&
    outcome.results.length === exercise.checks.length &&
    outcome.results.every((r) => r.ok);
  return allPass ? 0 : 1;
}
