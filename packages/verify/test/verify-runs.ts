// verify as an attendee runs it: the built CLI in its own process, its
// output read as text. A file queues every run it reads up front (in
// beforeAll), two at a time, and each test awaits its own; the same
// arguments share one run, so a solution checked by two tests runs once.
import { execFile } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, expect } from "vitest";

export const root = new URL("../../../", import.meta.url).pathname;
export const cli = new URL("../dist/cli.js", import.meta.url).pathname;

export interface Run {
  readonly code: number | null;
  readonly out: string;
}

/**
 * Two runs at once: each starts a server (a page exercise, Chromium too),
 * and the machine may have two cores and other suites beside this one.
 */
const CONCURRENCY = 2;
/** A test may wait for the runs queued before its own. */
export const WAIT_FOR_RUNS_MS = 180_000;

const runs = new Map<string, Promise<Run>>();
let active = 0;
const queue: Array<() => void> = [];

/** The built CLI's run with `args`, queued; the same args share one run. */
export function verify(...args: string[]): Promise<Run> {
  const key = args.join(" ");
  if (!runs.has(key))
    runs.set(
      key,
      limited(() => runVerify(args)),
    );
  return runs.get(key)!;
}

async function limited<T>(task: () => Promise<T>): Promise<T> {
  while (active >= CONCURRENCY)
    await new Promise<void>((resolve) => queue.push(resolve));
  active += 1;
  try {
    return await task();
  } finally {
    active -= 1;
    queue.shift()?.();
  }
}

function runVerify(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      // In English whatever this machine's locale: these tests read the
      // English lines (korean.test.ts reads the Korean ones).
      [cli, ...args, "--lang", "en"],
      { cwd: root, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error
            ? typeof error.code === "number"
              ? error.code
              : null
            : 0,
          out: stdout + stderr,
        }),
    );
  });
}

/** The names of the checks a run passed, in order. */
export function passed(run: Run): string[] {
  return [...run.out.matchAll(/^ {2}pass {2}(.+)$/gm)].map((m) => m[1]!);
}

/** The names of the checks a run failed, in order. */
export function failed(run: Run): string[] {
  return [...run.out.matchAll(/^ {2}FAIL {2}(.+)$/gm)].map((m) => m[1]!);
}

export type Edits = ReadonlyArray<readonly [string, string]>;

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/**
 * A copy of `exercises/EXERCISE/FROM` at `exercises/EXERCISE/tmp-TAG`
 * (the same depth, so its imports resolve), removed after the file's
 * tests; made once per tag. Its folder, from the root.
 */
export function copyOnce(exercise: string, from: string, tag: string): string {
  const dir = `exercises/${exercise}/tmp-${tag}`;
  if (copies.includes(`${root}${dir}`)) return dir;
  rmSync(`${root}${dir}`, { recursive: true, force: true });
  cpSync(`${root}exercises/${exercise}/${from}`, `${root}${dir}`, {
    recursive: true,
  });
  copies.push(`${root}${dir}`);
  return dir;
}

/** Makes each edit to `file` (from the root); each must apply. */
export function edit(file: string, edits: Edits): void {
  let text = readFileSync(`${root}${file}`, "utf8");
  for (const [from, to] of edits) {
    expect(text, `${file} has ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(`${root}${file}`, text);
}
