// One verify run, printed as it goes: returns the exit code.
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { exercisesDir, repoRoot, type Exercise } from "./exercises.js";
import { formatResult, formatStop, formatSummary } from "./report.js";
import { runExercise } from "./run.js";

export interface VerifyOptions {
  /** Check solution/ instead of start/. */
  readonly solution?: boolean;
  /** Check this folder instead (a copy of start/ or solution/). */
  readonly dir?: string;
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
  if (!existsSync(`${dir}/tsconfig.json`)) {
    print(
      `verify: ${shown} is not an exercise folder (it has no tsconfig.json). Check the path, or run npm run verify:list.`,
    );
    return 1;
  }
  print(`verify ${exercise.name}: ${exercise.title}`);
  print(
    `checking ${shown}/ against ${exercise.checks.length} clauses of the contract; the file to edit is ${editPath}`,
  );
  const outcome = await runExercise(exercise, dir, {
    step: (line) => print(`  ... ${line}`),
    warn: (line) => print(`  warn  ${line}`),
    result: (result) => formatResult(result).forEach((line) => print(line)),
  });
  if (outcome.stop) formatStop(outcome.stop, editPath).forEach(print);
  formatSummary(exercise, outcome, editPath, options.solution ?? false).forEach(
    print,
  );
  const allPass =
    !outcome.stop &&
    outcome.results.length === exercise.checks.length &&
    outcome.results.every((r) => r.ok);
  return allPass ? 0 : 1;
}
