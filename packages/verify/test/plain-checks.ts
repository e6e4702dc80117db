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
import { cpSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { transportClauses } from "@repo/contract/clauses";
import {
  copyOnce,
  edit,
  failed,
  passed,
  root,
  verify,
  WAIT_FOR_RUNS_MS,
} from "./verify-runs.js";

/** A clause's name, as verify prints it on a pass or FAIL line. */
function nameOf(id: string): string {
  const clause = transportClauses.find((c) => c.id === id);
  if (!clause) throw new Error(`the contract has no clause ${id}`);
  return clause.name;
}

/** What the plain way does not have: trusted proxies. */
const NOT_IN_THE_PLAIN_WAY = nameOf("ip-proxy");

/** The checks an exercise runs, by name, in exercise.json's order. */
function checksOf(exercise: string): string[] {
  const json = JSON.parse(
    readFileSync(`${root}exercises/${exercise}/exercise.json`, "utf8"),
  ) as { checks: Array<{ clause: string }> };
  return json.checks.map((check) => nameOf(check.clause));
}

/**
 * A copy of the exercise's plain/ folder with its own copy of the app's
 * plain-push.ts, the interval no longer cleared: the handler a learner
 * could have written.
 */
function leakingCopy(exercise: string, app: string): string {
  const dir = copyOnce(exercise, "plain", "plain-leak");
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

/**
 * The plain handler's checks for one lesson 1 server exercise and its
 * app. The solution's run is verify(exercise, "--solution"), shared with
 * the file's own check of the solution.
 */
export function describePlainChecks(
  exercise: "ws-server-push" | "socketio-server-push",
  app: "ws-demo" | "socketio-demo",
): void {
  const plainDir = `exercises/${exercise}/plain`;
  let leakDir = "";
  beforeAll(() => {
    void verify(exercise, "--solution");
    void verify(exercise, "--dir", plainDir);
    leakDir = leakingCopy(exercise, app);
    void verify(exercise, "--dir", leakDir);
  });

  describe(`${exercise}, against ${app}'s plain handler`, () => {
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
        const solution = await verify(exercise, "--solution");
        const plain = await verify(exercise, "--dir", plainDir);
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
        const leak = await verify(exercise, "--dir", leakDir);
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
  });
}
