// verify on the ws exercises (their code imports ws-demo's modules, so a
// change to ws-demo reruns this file and not the Socket.IO one): every
// solution passes, every untouched start fails exactly what it should,
// each bug of the original note put into a solution fails with the
// sentence that names it, and the solution checked against ws-demo's
// plain handler.
import { spawn } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { haveChromium } from "@repo/demo-kit/testing";
import {
  describePageExercises,
  describeServerExercises,
  solutionWith,
} from "./exercise-checks.js";
import { describePlainChecks } from "./plain-checks.js";
import { cli, failed, root, verify } from "./verify-runs.js";

/** The note's bugs, each put into a copy of a ws solution. */
const leakCopy = () =>
  solutionWith("ws-server-push", "clear-interval", "push.ts", [
    [
      "clearInterval(interval); // the timer itself",
      "clearInterval((ws as { clearInterval?: NodeJS.Timeout }).clearInterval); // the note's",
    ],
  ]);
const spoofableCopy = () =>
  solutionWith("ws-server-push", "spoofable", "push.ts", [
    [
      "const ip = clientIp(",
      'const ip = String(request.headers["x-forwarded-for"] || request.socket.remoteAddress);\n  void clientIp(',
    ],
  ]);
const globalEventCopy = () =>
  solutionWith("ws-browser-client", "global-event", "main.ts", [
    ["(event: MessageEvent<unknown>) => {", "() => {"],
    [
      "const data = event.data;",
      "const data = (event as MessageEvent<unknown>).data;",
    ],
  ]);
const crashCopy = () =>
  solutionWith("ws-server-push", "crash", "push.ts", [
    [
      "let lastId = 0;",
      'let lastId = 0;\nthrow new Error("broken on purpose");',
    ],
  ]);
const notCompilingCopy = () =>
  solutionWith("ws-server-push", "does-not-compile", "push.ts", [
    ["let seq = 0;", 'let seq: number = "0";'],
  ]);

beforeAll(() => {
  // The first run the tests read first; the rest are queued by the
  // describe helpers, then these.
  void verify("ws-server-push");
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

describeServerExercises({
  "ws-server-push": [
    "ignores X-Forwarded-For from a peer that is not a trusted proxy",
    "takes the right-most untrusted address behind a trusted proxy",
    "leaves connections and timers at baseline after 200 connect/disconnect cycles",
  ],
  "ws-rooms": [
    "delivers a message to every member, the sender included, in one order",
    "tells the others of a join, and everyone of the presence",
    "answers a second join of the same room ok, with no second system message",
    "tells the others when a member leaves, and when one closes",
  ],
});

describePageExercises({
  "ws-browser-client": [
    "connects to the server the page came from",
    "shows each push in the list",
    "answers each push with a reply the server receives",
    "reconnects by itself after a server restart",
  ],
});

describePlainChecks("ws-server-push", "ws-demo");

beforeAll(() => {
  void verify("ws-server-push", "--dir", leakCopy());
  void verify("ws-server-push", "--dir", spoofableCopy());
  if (haveChromium())
    void verify("ws-browser-client", "--dir", globalEventCopy());
  void verify("ws-server-push", "--dir", crashCopy());
  notCompilingCopy();
});

describe("each bug of the note, put into a solution, fails with the sentence that names it", () => {
  it("clearInterval(ws.clearInterval): the leak", async () => {
    const run = await verify("ws-server-push", "--dir", leakCopy());
    expect(failed(run)).toEqual([
      "leaves connections and timers at baseline after 200 connect/disconnect cycles",
    ]);
    expect(run.out).toContain(
      "the note's clearInterval(ws.clearInterval) clears a property that does not exist, so each closed connection leaks its interval",
    );
  });

  it("X-Forwarded-For believed from anyone", async () => {
    const run = await verify("ws-server-push", "--dir", spoofableCopy());
    expect(failed(run)).toEqual([
      "ignores X-Forwarded-For from a peer that is not a trusted proxy",
      "takes the right-most untrusted address behind a trusted proxy",
    ]);
    expect(run.out).toContain(
      "The note's IP rule, req.headers['x-forwarded-for'] || the peer address, believes any client that sends X-Forwarded-For",
    );
  });

  it.skipIf(!haveChromium())("the client's global `event`", async () => {
    const run = await verify("ws-browser-client", "--dir", globalEventCopy());
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
    const dir = crashCopy();
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
    const dir = notCompilingCopy();
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
