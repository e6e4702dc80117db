// What a user sees when the command line is wrong: exit code 2 and a line
// that says what to do, before any server starts.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

function compare(args: string, shellPrefix = "") {
  const result = spawnSync(
    "sh",
    ["-c", `${shellPrefix}"${process.execPath}" "${cli}" ${args}`],
    { encoding: "utf8", timeout: 10_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("compare's command line", () => {
  it("prints its options with --help", () => {
    const { code, stdout } = compare("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("--clients N");
    expect(stdout).toContain("--ci");
    // The SSE baseline and the download figures run unless skipped.
    expect(stdout).toContain("--no-sse");
    expect(stdout).toContain("--no-download");
    // Lesson 2's bare baselines run beside the demos unless skipped.
    expect(stdout).toContain("--no-bare-rooms");
  });

  it.each([
    ["--window abc", "--window abc: use seconds from 0.1 to 600"],
    ["--clients 0", "--clients 0: use a whole number from 1 to 20000"],
    ["--interval 10", "--interval 10: use a whole number from 50 to 60000"],
    [
      "--transports ws,mqtt",
      'unknown transport "mqtt"; choose from ws, socket.io, socket.io-websocket',
    ],
    ["--format yaml", "--format yaml: choose table, markdown or json"],
    [
      "--window 1 --interval 800",
      "--window 1 s is shorter than two pushes (2 x 800 ms): use --window 2 or more",
    ],
    ["--colour", "Unknown option '--colour'"],
    ["--scenario chat", "--scenario chat: choose push, rooms, network or all"],
    [
      "--scenario rooms --say-every 500",
      "--say-every 500: use a whole number from 1000 to 60000",
    ],
    ["--burst 10", "--burst 10: use a whole number from 1 to 9"],
  ])("refuses %s and says why", (args, message) => {
    const { code, stderr } = compare(args);
    expect(code).toBe(2);
    expect(stderr).toContain(`compare: ${message}`);
  });

  it("checks a sweep's largest count against the open-file limit too", () => {
    const { code, stderr } = compare(
      "--sweep 100,9000 --clients 10",
      "ulimit -n 1024; ",
    );
    expect(code).toBe(2);
    expect(stderr).toContain("--clients 9000 needs more open files");
  });

  it("refuses more clients than the open-file limit allows, and says how to raise it", () => {
    const { code, stderr } = compare("--clients 5000", "ulimit -n 1024; ");
    expect(code).toBe(2);
    expect(stderr).toContain("(ulimit -n = 1024)");
    expect(stderr).toContain("ulimit -n 6000");
  });
});
