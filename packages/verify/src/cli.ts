#!/usr/bin/env node
// npm run verify <exercise>, or the named variants (every shell takes
// them; a flag after `--` is lost in PowerShell): verify:solution,
// verify:watch, verify:list. The flags below are what those scripts pass.
import { watch } from "node:fs";
import { parseArgs } from "node:util";
import { exercisesDir, loadExercises, type Exercise } from "./exercises.js";
import { verify } from "./verify.js";

const USAGE = `usage: npm run verify <exercise>             checks your start/
       npm run verify:solution <exercise>    checks the solution/
       npm run verify:watch <exercise>       checks again on every save
       npm run verify:list                   lists the exercises
  or, after a build, in any shell: node packages/verify/dist/cli.js <exercise> [options]
  <exercise>   an exercise folder's name, e.g. ws-server-push
  --list       lists the exercises, in workshop order
  --solution   checks the exercise's solution/ instead of your start/
  --watch      checks again each time you save a file of the exercise
  --dir <path> checks that folder instead (a copy of start/ or solution/)`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        list: { type: "boolean" },
        solution: { type: "boolean" },
        watch: { type: "boolean" },
        dir: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`verify: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const exercises = loadExercises();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.list) {
    console.log("The exercises, in workshop order:");
    for (const exercise of exercises)
      console.log(`  ${exercise.name.padEnd(24)} ${exercise.title}`);
    console.log(
      "Start one with: npm run verify <name>. Each has start/ (yours to edit) and solution/.",
    );
    return 0;
  }
  const name = positionals[0];
  if (!name || positionals.length > 1) {
    console.error(
      `verify: name one exercise.\n${USAGE}\nThe exercises: ${exercises.map((e) => e.name).join(", ")}`,
    );
    return 2;
  }
  const exercise = exercises.find((e) => e.name === name);
  if (!exercise) {
    console.error(
      `verify: there is no exercise "${name}". The exercises: ${exercises.map((e) => e.name).join(", ")} (npm run verify:list).`,
    );
    return 2;
  }
  const options = { solution: values.solution, dir: values.dir };
  const print = (line: string) => console.log(line);
  if (!values.watch) return verify(exercise, options, print);
  await watchLoop(exercise, options, print);
  return 0;
}

/** Checks now, then again after each save; runs until Ctrl-C. */
async function watchLoop(
  exercise: Exercise,
  options: Parameters<typeof verify>[1],
  print: (line: string) => void,
): Promise<void> {
  const dir =
    options.dir ??
    `${exercisesDir}${exercise.name}/${options.solution ? "solution" : "start"}`;
  let running = false;
  let again = false;
  let debounce: NodeJS.Timeout | undefined;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    print(`\n--- ${new Date().toLocaleTimeString()} ---`);
    await verify(exercise, options, print);
    print(`watching ${dir} for changes; Ctrl-C to stop`);
    running = false;
    if (again) {
      again = false;
      await run();
    }
  };
  watch(dir, { recursive: true }, () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void run(), 300);
  });
  await run();
  await new Promise(() => {}); // until Ctrl-C
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `verify stopped on an error of its own, not of your code: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(2);
  },
);
