// verify as an attendee runs it: the built CLI in its own process, its
// output read as text. Every solution passes; every untouched start fails
// exactly the checks its exercise expects; each bug of the original note,
// put into a solution, fails with the sentence that names it. All runs are
// started up front, two at a time (each starts a server, a page Chromium
// too), and each test reads its own; tests still report in order.
import { execFile, spawn } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveChromium } from "@repo/demo-kit/testing";

const root = new URL("../../../", import.meta.url).pathname;
const cli = new URL("../dist/cli.js", import.meta.url).pathname;
const copies: string[] = [];

interface Run {
  readonly code: number | null;
  readonly out: string;
}

const runs = new Map<string, Promise<Run>>();
/** Two runs at once: half the waiting, and room left on a 2-core machine. */
const CONCURRENCY = 2;
let active = 0;
const queue: Array<() => void> = [];

/** The built CLI's run with `args`; the same args share one run. */
function verify(...args: string[]): Promise<Run> {
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

/** The names of the checks a run failed, in order. */
function failed(run: Run): string[] {
  return [...run.out.matchAll(/^ {2}FAIL {2}(.+)$/gm)].map((m) => m[1]!);
}

type Edits = ReadonlyArray<readonly [string, string]>;

/** The solutions with a bug put in, by tag: exercise, file, edits. */
const COPIES: Record<string, readonly [string, string, Edits]> = {
  "clear-interval": [
    "ws-server-push",
    "push.ts",
    [
      [
        "clearInterval(interval); // the timer itself",
        "clearInterval((ws as { clearInterval?: NodeJS.Timeout }).clearInterval); // the note's",
      ],
    ],
  ],
  spoofable: [
    "ws-server-push",
    "push.ts",
    [
      [
        "const ip = clientIp(",
        'const ip = String(request.headers["x-forwarded-for"] || request.socket.remoteAddress);\n  void clientIp(',
      ],
    ],
  ],
  "forward-for": [
    "socketio-server-push",
    "push.ts",
    [['req.headers["x-forwarded-for"]', 'req.headers["x-forward-for"]']],
  ],
  "global-event": [
    "ws-browser-client",
    "main.ts",
    [
      ["(event: MessageEvent<unknown>) => {", "() => {"],
      [
        "const data = event.data;",
        "const data = (event as MessageEvent<unknown>).data;",
      ],
    ],
  ],
  crash: [
    "ws-server-push",
    "push.ts",
    [
      [
        "let lastId = 0;",
        'let lastId = 0;\nthrow new Error("broken on purpose");',
      ],
    ],
  ],
  "does-not-compile": [
    "ws-server-push",
    "push.ts",
    [["let seq = 0;", 'let seq: number = "0";']],
  ],
};

/** The copy `tag` of COPIES, made once; its folder, from the root. */
function copy(tag: string): string {
  const [exercise, file, edits] = COPIES[tag]!;
  const dir = `exercises/${exercise}/tmp-${tag}`;
  if (copies.includes(`${root}${dir}`)) return dir;
  return copyWith(exercise, tag, file, edits);
}

/**
 * A copy of an exercise's solution (at the same depth, so its imports
 * resolve), with `edits` made to `file`; each edit must apply.
 */
function copyWith(
  exercise: string,
  tag: string,
  file: string,
  edits: Edits,
): string {
  const dir = `exercises/${exercise}/tmp-${tag}`;
  rmSync(`${root}${dir}`, { recursive: true, force: true });
  cpSync(`${root}exercises/${exercise}/solution`, `${root}${dir}`, {
    recursive: true,
  });
  copies.push(`${root}${dir}`);
  let text = readFileSync(`${root}${dir}/${file}`, "utf8");
  for (const [from, to] of edits) {
    expect(text, `the solution's ${file} has ${from}`).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(`${root}${dir}/${file}`, text);
  return dir;
}

beforeAll(() => {
  // Every run the tests read, queued in the order they read them.
  const chromium = haveChromium();
  void verify("--list");
  void verify("ws-push");
  for (const name of Object.keys(SERVER_EXERCISES)) {
    void verify(name);
    void verify(name, "--solution");
  }
  if (chromium)
    for (const name of Object.keys(PAGE_EXERCISES)) {
      void verify(name, "--solution");
      void verify(name);
    }
  void verify("ws-server-push", "--dir", copy("clear-interval"));
  void verify("ws-server-push", "--dir", copy("spoofable"));
  void verify("socketio-server-push", "--dir", copy("forward-for"));
  if (chromium) void verify("ws-browser-client", "--dir", copy("global-event"));
  void verify("ws-server-push", "--dir", copy("crash"));
  copy("does-not-compile");
});

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

const SERVER_EXERCISES = {
  "ws-server-push": [
    "ignores X-Forwarded-For from a peer that is not a trusted proxy",
    "takes the right-most untrusted address behind a trusted proxy",
    "leaves connections and timers at baseline after 200 connect/disconnect cycles",
  ],
  "socketio-server-push": [
    "takes the right-most untrusted address behind a trusted proxy",
  ],
  "ws-rooms": [
    "delivers a message to every member, the sender included, in one order",
    "tells the others of a join, and everyone of the presence",
    "answers a second join of the same room ok, with no second system message",
    "tells the others when a member leaves, and when one closes",
  ],
  "socketio-rooms": [
    "delivers a message to every member, the sender included, in one order",
    "tells the others of a join, and everyone of the presence",
    "answers a second join of the same room ok, with no second system message",
    "tells the others when a member leaves, and when one closes",
  ],
};
const PAGE_EXERCISES = {
  "ws-browser-client": [
    "connects to the server the page came from",
    "shows each push in the list",
    "answers each push with a reply the server receives",
    "reconnects by itself after a server restart",
  ],
  "socketio-browser-client": [
    "connects to the server the page came from",
    "shows each push in the list",
    "answers each push with a reply the server receives",
    "reconnects by itself after a server restart",
  ],
};

describe("verify's command line", () => {
  it("lists the exercises in workshop order", async () => {
    const run = await verify("--list");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^The exercises, in workshop order:\n {2}ws-server-push +ws, steps 3 to 6.*\n {2}ws-browser-client .*\n {2}socketio-server-push .*\n {2}socketio-browser-client .*\n {2}ws-rooms .*\n {2}socketio-rooms .*\nStart one with: npm run verify <name>\./,
    );
  });

  it("names the exercises when asked for one that does not exist", async () => {
    const run = await verify("ws-push");
    expect(run.code).toBe(2);
    expect(run.out).toContain(
      'verify: there is no exercise "ws-push". The exercises: ws-server-push, ws-browser-client,',
    );
  });
});

describe("the first exercise, untouched", () => {
  it("prints each of the note's server bugs as a failing check, then what to do", async () => {
    const run = await verify("ws-server-push");
    expect(run.code).toBe(1);
    const text = run.out
      .replace(/port \d+/g, "port PORT")
      .replace(/it was \d+ before/, "it was N before")
      .replace(
        /expected \d+ to be less than or equal to \d+/,
        "expected M to be less than or equal to N",
      );
    expect(text).toBe(
      readFileSync(new URL("first-run.txt", import.meta.url), "utf8"),
    );
  });
});

describe.each(Object.entries(SERVER_EXERCISES))("%s", (name, failing) => {
  it("passes every check with its solution", async () => {
    const run = await verify(name, "--solution");
    expect(failed(run)).toEqual([]);
    expect(run.out).toMatch(
      new RegExp(`^${name}: all \\d+ checks pass\\.$`, "m"),
    );
    expect(run.code).toBe(0);
  });

  it("fails exactly the expected checks from its start", async () => {
    const run = await verify(name);
    expect(failed(run)).toEqual(failing);
    expect(run.code).toBe(1);
  });
});

describe.skipIf(!haveChromium()).each(Object.entries(PAGE_EXERCISES))(
  "%s (in Chromium)",
  (name, failing) => {
    it("passes every check with its solution", async () => {
      const run = await verify(name, "--solution");
      expect(failed(run)).toEqual([]);
      expect(run.code).toBe(0);
    });

    it("fails exactly the expected checks from its start", async () => {
      const run = await verify(name);
      expect(failed(run)).toEqual(failing);
      expect(run.code).toBe(1);
    });
  },
);

describe("each bug of the note, put into a solution, fails with the sentence that names it", () => {
  it("clearInterval(ws.clearInterval): the leak", async () => {
    const dir = copy("clear-interval");
    const run = await verify("ws-server-push", "--dir", dir);
    expect(failed(run)).toEqual([
      "leaves connections and timers at baseline after 200 connect/disconnect cycles",
    ]);
    expect(run.out).toContain(
      "the note's clearInterval(ws.clearInterval) clears a property that does not exist, so each closed connection leaks its interval",
    );
  });

  it("X-Forwarded-For believed from anyone", async () => {
    const dir = copy("spoofable");
    const run = await verify("ws-server-push", "--dir", dir);
    expect(failed(run)).toEqual([
      "ignores X-Forwarded-For from a peer that is not a trusted proxy",
      "takes the right-most untrusted address behind a trusted proxy",
    ]);
    expect(run.out).toContain(
      "The note's IP rule, req.headers['x-forwarded-for'] || the peer address, believes any client that sends X-Forwarded-For",
    );
  });

  it("the misspelt X-Forward-For", async () => {
    const dir = copy("forward-for");
    const run = await verify("socketio-server-push", "--dir", dir);
    expect(failed(run)).toEqual([
      "takes the right-most untrusted address behind a trusted proxy",
    ]);
    expect(run.out).toContain(
      "The note reads req.headers['x-forward-for']: the header is X-Forwarded-For",
    );
  });

  it.skipIf(!haveChromium())("the client's global `event`", async () => {
    const dir = copy("global-event");
    const run = await verify("ws-browser-client", "--dir", dir);
    // Current browsers set window.event, so the page works: a warning
    // about style, read from the code, and no failure.
    expect(failed(run)).toEqual([]);
    expect(run.out).toMatch(
      /warn {2}main\.ts:\d+: this handler names no parameter and reads `event`, the global window\.event/,
    );
    expect(run.out).toContain("A warning about style, not a failure.");
  });
});

describe("a start that does not start", () => {
  it("reports a crash at start with the stack's first lines", async () => {
    const dir = copy("crash");
    const run = await verify("ws-server-push", "--dir", dir);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      "FAIL  your server did not start; its first lines:",
    );
    expect(run.out).toContain("Error: broken on purpose");
    expect(run.out).toMatch(new RegExp(`at .*${dir}/push\\.ts`));
  });
});

describe("--watch, from a start that does not compile", () => {
  it("reports the compiler's lines, runs no check, and checks again when a file is saved", async () => {
    const dir = copy("does-not-compile");
    const child = spawn(
      process.execPath,
      [cli, "ws-server-push", "--dir", dir, "--watch"],
      { cwd: root },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const until = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} in:\n${out}`)),
          40_000,
        );
        const poll = setInterval(() => {
          if (pattern.test(out)) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 100);
      });
    try {
      await until(/0 of 8 checks pass\.[\s\S]*watching/);
      expect(out).toMatch(
        new RegExp(
          `FAIL {2}your code does not compile; tsc says:\\n {6}${dir}/push\\.ts\\(\\d+,\\d+\\): error TS2322: Type 'string' is not assignable to type 'number'\\.`,
        ),
      );
      expect(out).not.toMatch(/ {2}pass {2}/);
      cpSync(
        `${root}exercises/ws-server-push/solution/push.ts`,
        `${root}${dir}/push.ts`,
      );
      await until(/all 8 checks pass\.[\s\S]*watching/);
    } finally {
      child.kill();
    }
  });
});
