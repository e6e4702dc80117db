#!/usr/bin/env node
// npm run verify <exercise>, or the named variants (every shell takes
// them; a flag after `--` is lost in PowerShell): verify:solution,
// verify:watch, verify:list, verify:ko. The flags below are what those
// scripts pass. It answers in the terminal's language (Korean or English)
// unless --lang says which.
import { watch } from "node:fs";
import { parseArgs } from "node:util";
import {
  exercisesDir,
  loadExercises,
  titleOf,
  type Exercise,
} from "./exercises.js";
import { isLocale, localeOfEnvironment, type Locale } from "./locale.js";
import { messages, type Messages } from "./messages.js";
import { verify } from "./verify.js";

/** The language before --lang is read: the one verify's own errors use. */
let text: Messages = messages[localeOfEnvironment()];

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
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`${text.badOption((error as Error).message)}\n${text.usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !isLocale(values.lang)) {
    console.error(text.badLang(values.lang));
    return 2;
  }
  const locale: Locale = values.lang ?? localeOfEnvironment();
  text = messages[locale];
  const exercises = loadExercises();
  if (values.help) {
    console.log(text.usage);
    return 0;
  }
  if (values.list) {
    console.log(text.listHeading);
    for (const exercise of exercises)
      console.log(`  ${exercise.name.padEnd(24)} ${titleOf(exercise, locale)}`);
    console.log(text.listFooter);
    return 0;
  }
  const names = exercises.map((e) => e.name).join(", ");
  const name = positionals[0];
  if (!name || positionals.length > 1) {
    console.error(`${text.usage}\n${text.nameOne(names)}`);
    return 2;
  }
  const exercise = exercises.find((e) => e.name === name);
  if (!exercise) {
    console.error(text.noSuchExercise(name, names));
    return 2;
  }
  const options = { solution: values.solution, dir: values.dir, locale };
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
    print(text.watching(dir));
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
      text.ownError(
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      ),
    );
    process.exit(2);
  },
);
