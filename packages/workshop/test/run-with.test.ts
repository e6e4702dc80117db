// The launcher behind npm run ws:lan and friends, run with a stand-in for
// npm's CLI that prints what it was given: no npm, no demo started.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const launcher = fileURLToPath(new URL("../src/run-with.mjs", import.meta.url));
const fakeNpm = join(mkdtempSync(join(tmpdir(), "run-with-")), "npm-cli.mjs");
writeFileSync(
  fakeNpm,
  "console.log(JSON.stringify({ args: process.argv.slice(2), host: process.env.HOST, bugs: process.env.NOTE_BUGS }));\n" +
    "process.exit(3);\n",
);

function run(args: string[], env: Record<string, string | undefined>) {
  return spawnSync(process.execPath, [launcher, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 10_000,
  });
}

describe("run-with", () => {
  it("runs the npm script with the settings, says so, and ends with its code", () => {
    const result = run(["HOST=0.0.0.0", "NOTE_BUGS=1", "ws"], {
      npm_execpath: fakeNpm,
      HOST: "127.0.0.1",
    });
    const [said, printed] = result.stdout.trim().split("\n");
    expect(said).toBe("run-with: HOST=0.0.0.0 NOTE_BUGS=1, then npm run ws");
    expect(JSON.parse(printed!)).toEqual({
      args: ["run", "ws"],
      host: "0.0.0.0",
      bugs: "1",
    });
    expect(result.status).toBe(3);
  });

  it("passes the arguments npm gave it on to the script", () => {
    const result = run(["PORT=8011", "verify", "ws-server-push"], {
      npm_execpath: fakeNpm,
    });
    expect(result.stdout).toContain(
      '"args":["run","verify","--","ws-server-push"]',
    );
  });

  it("explains a call without settings or script", () => {
    const result = run(["ws"], { npm_execpath: fakeNpm });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "run-with: name at least one setting and a script.",
    );
  });

  it("says to start it through npm when npm is not behind it", () => {
    const result = run(["HOST=0.0.0.0", "ws"], { npm_execpath: undefined });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("start it through npm");
  });
});
