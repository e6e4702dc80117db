// Lesson 1's exercise solutions, checked against the app's plain handler
// (apps/*/src/plain-push.ts: the code the docs show as the plain way, and
// compare measures as the bare baseline). Each server-push exercise has a
// plain/ folder: solution/'s own server.ts (so the same kit serves it),
// with a push.ts that hands the connections to the app's handler. verify
// runs the same clauses on solution/ and on plain/, as an attendee would.
//
// One check cannot apply to the plain handler: "ip-proxy" (the right-most
// untrusted X-Forwarded-For address behind a trusted proxy). The plain way
// has no trusted proxies: its IP is the TCP peer, always. That is right
// for a direct client and a spoofing one (ip-direct and ip-spoofed pass),
// but behind a proxy every client gets the proxy's address. The test says
// so by expecting exactly that failure, and asserts every other check.
import { execFile } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transportClauses } from "@repo/contract/clauses";

const root = new URL("../../../", import.meta.url).pathname;
const cli = new URL("../dist/cli.js", import.meta.url).pathname;

/** Lesson 1's server exercises, and the app whose plain handler each uses. */
const EXERCISES = {
  "ws-server-push": "ws-demo",
  "socketio-server-push": "socketio-demo",
} as const;
type ExerciseName = keyof typeof EXERCISES;

/** A clause's name, as verify prints it on a pass or FAIL line. */
function nameOf(id: string): string {
  const clause = transportClauses.find((c) => c.id === id);
  if (!clause) throw new Error(`the contract has no clause ${id}`);
  return clause.name;
}

/** What the plain way does not have: trusted proxies. */
const NOT_IN_THE_PLAIN_WAY = nameOf("ip-proxy");

interface Run {
  readonly code: number | null;
  readonly out: string;
}

/** The built CLI, in its own process, in English, as verify.test.ts runs it. */
function runVerify(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
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
function passed(run: Run): string[] {
  return [...run.out.matchAll(/^ {2}pass {2}(.+)$/gm)].map((m) => m[1]!);
}

/** The names of the checks a run failed, in order. */
function failed(run: Run): string[] {
  return [...run.out.matchAll(/^ {2}FAIL {2}(.+)$/gm)].map((m) => m[1]!);
}

/** The checks an exercise runs, by name, in exercise.json's order. */
function checksOf(exercise: ExerciseName): string[] {
  const json = JSON.parse(
    readFileSync(`${root}exercises/${exercise}/exercise.json`, "utf8"),
  ) as { checks: Array<{ clause: string }> };
  return json.checks.map((check) => nameOf(check.clause));
}

const copies: string[] = [];

/**
 * A copy of the exercise's plain/ folder (at the same depth, so its
 * imports resolve) with its own copy of the app's plain-push.ts, the
 * interval no longer cleared: the handler a learner could have written.
 */
function leakingCopy(exercise: ExerciseName): string {
  const app = EXERCISES[exercise];
  const dir = `exercises/${exercise}/tmp-plain-leak`;
  rmSync(`${root}${dir}`, { recursive: true, force: true });
  cpSync(`${root}exercises/${exercise}/plain`, `${root}${dir}`, {
    recursive: true,
  });
  copies.push(`${root}${dir}`);
  edit(`${dir}/push.ts`, [[`"${app}/plain-push"`, '"./plain-push.js"']]);
  cpSync(`${root}apps/${app}/src/plain-push.ts`, `${root}${dir}/plain-push.ts`);
  edit(`${dir}/plain-push.ts`, [
    // Its one relative import, made a package import from here.
    ...(app === "socketio-demo"
      ? ([['"./protocol.js"', '"socketio-demo/protocol"']] as const)
      : []),
    ["clearInterval(interval);", "void interval; // the bug: never cleared"],
  ]);
  return dir;
}

/** Makes each edit to `file` (from the root); each must apply. */
function edit(
  file: string,
  edits: ReadonlyArray<readonly [string, string]>,
): void {
  let text = readFileSync(`${root}${file}`, "utf8");
  for (const [from, to] of edits) {
    expect(text, `${file} has ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(`${root}${file}`, text);
}

const runs = new Map<string, Promise<Run>>();
/** A test may wait for the runs queued before its own (six, two at once). */
const WAIT_FOR_RUNS_MS = 180_000;
/** Two runs at once (each starts a server): room left on a 2-core machine. */
let active = 0;
const queue: Array<() => void> = [];

/** Starts verify with `args` when one of the two places is free. */
async function queued(args: string[]): Promise<Run> {
  while (active >= 2) await new Promise<void>((go) => queue.push(go));
  active += 1;
  try {
    return await runVerify(args);
  } finally {
    active -= 1;
    queue.shift()?.();
  }
}

beforeAll(() => {
  for (const exercise of Object.keys(EXERCISES) as ExerciseName[]) {
    const plain = `exercises/${exercise}/plain`;
    runs.set(`${exercise} solution`, queued([exercise, "--solution"]));
    runs.set(`${exercise} plain`, queued([exercise, "--dir", plain]));
    runs.set(
      `${exercise} leak`,
      queued([exercise, "--dir", leakingCopy(exercise)]),
    );
  }
});

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe.each(Object.entries(EXERCISES))(
  "%s, against %s's plain handler",
  (name, app) => {
    const exercise = name as ExerciseName;

    it("serves the app's plain handler with the solution's own server.ts", () => {
      const dir = `${root}exercises/${exercise}`;
      expect(readFileSync(`${dir}/plain/server.ts`, "utf8")).toBe(
        readFileSync(`${dir}/solution/server.ts`, "utf8"),
      );
      expect(readFileSync(`${dir}/plain/push.ts`, "utf8")).toContain(
        `import { attachPlainPush } from "${app}/plain-push";`,
      );
    });

    it(
      "passes every check the solution passes, but the trusted-proxy rule",
      async () => {
        const solution = await runs.get(`${exercise} solution`)!;
        const plain = await runs.get(`${exercise} plain`)!;
        expect(passed(solution), "the solution passes all").toEqual(
          checksOf(exercise),
        );
        expect(passed(plain)).toEqual(
          passed(solution).filter((check) => check !== NOT_IN_THE_PLAIN_WAY),
        );
        expect(failed(plain)).toEqual([NOT_IN_THE_PLAIN_WAY]);
        // Behind the proxy, the plain way names the proxy itself.
        expect(plain.out).toMatch(
          /happened: the IP in the welcome: expected '[\d.]+' to be '198\.51\.100\.7'/,
        );
      },
      WAIT_FOR_RUNS_MS,
    );

    it(
      "fails the timers check when a copy of it never clears its interval",
      async () => {
        const leak = await runs.get(`${exercise} leak`)!;
        expect(failed(leak)).toEqual([
          NOT_IN_THE_PLAIN_WAY,
          nameOf("timers-baseline"),
        ]);
        expect(leak.out).toMatch(
          /happened: processTimers at \/stats \(it was \d+ before the 200 clients\)/,
        );
        expect(leak.code).toBe(1);
      },
      WAIT_FOR_RUNS_MS,
    );
  },
);
