import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";
import type { Log } from "./log.js";

/**
 * The `.env` file at the repository's root, next to `.env.example`. It is
 * found from this file (packages/demo-kit/dist/), not from the working
 * directory: `npm run ws` runs the app from apps/ws-demo/.
 */
export const rootEnvFile = fileURLToPath(
  new URL("../../../.env", import.meta.url),
);

/** What loadRootEnvFile did, for the app's first log line. */
export interface EnvFileRead {
  readonly path: string;
  /** Settings the file gave. */
  readonly taken: readonly string[];
  /** Settings the file has but the environment had already set: those win. */
  readonly overridden: readonly string[];
}

/**
 * Reads the settings in the root `.env` file into `process.env`, once at
 * start, so that a setting works the same in bash, PowerShell and cmd
 * (`VAR=value npm run ws` works in POSIX shells only). A variable already
 * set in the environment wins over the file, which is what
 * `process.loadEnvFile` does (Node 20.12+). Returns undefined when there
 * is no file.
 *
 * Tools that start the apps to check or measure them never read it: a
 * `.env` left from a workshop (NOTE_BUGS=1, HOST=0.0.0.0) must not change
 * what they see. The contract's spawnApp (tests, verify, compare) sets
 * IGNORE_ENV_FILE=1, and Vitest sets VITEST in its workers and in every
 * process they start.
 */
export function loadRootEnvFile(
  path: string = rootEnvFile,
  env: NodeJS.ProcessEnv = process.env,
): EnvFileRead | undefined {
  if (env.IGNORE_ENV_FILE === "1" || env.VITEST !== undefined) return undefined;
  if (!existsSync(path)) return undefined;
  // Parsed once more only to say what the file set.
  const names = Object.keys(parseEnv(readFileSync(path, "utf8")));
  const overridden = names.filter((name) => env[name] !== undefined);
  process.loadEnvFile(path);
  return {
    path,
    taken: names.filter((name) => !overridden.includes(name)),
    overridden,
  };
}

/** One line that says what the file did, or undefined without a file. */
export function describeEnvFileRead(
  read: EnvFileRead | undefined,
): string | undefined {
  if (!read) return undefined;
  const taken = read.taken.length > 0 ? read.taken.join(", ") : "nothing";
  const overridden =
    read.overridden.length > 0
      ? ` (${read.overridden.join(", ")} already set in the environment, which wins)`
      : "";
  return `settings from ${read.path}: ${taken}${overridden}`;
}

/**
 * loadRootEnvFile for a server's entry point: logs what the file set, and
 * ends the process with what to do when the file cannot be read.
 */
export function loadRootEnvFileOrExit(name: string, log: Log): void {
  try {
    const line = describeEnvFileRead(loadRootEnvFile());
    if (line) log(`${name}: ${line}`);
  } catch (error) {
    console.error(
      `${name}: cannot read ${rootEnvFile}: ${(error as Error).message}. ` +
        "Fix the file (one NAME=value a line, as in .env.example) or remove it.",
    );
    process.exit(1);
  }
}
