// NOTE_BUGS=1 runs the original note's handler beside the demo's, so that
// an instructor can show its leak. These tests hold the docs to what it
// does: the leak shows in processTimers, not in liveTimers (the tracker
// never saw the note's timer), one per closed connection.
import { spawn, type ChildProcess } from "node:child_process";
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import { WebSocket } from "ws";
import type { Stats } from "@repo/demo-kit";
import { BUSY_MACHINE_WAIT } from "@repo/demo-kit/testing";

const entry = new URL("../dist/server.js", import.meta.url).pathname;

interface Running {
  child: ChildProcess;
  port: number;
  output: string[];
}

let running: Running | undefined;
afterEach(() => {
  running?.child.kill("SIGKILL");
  running = undefined;
});

/** Starts the app; killed after the test, unless `keep` (then the caller kills it). */
async function start(
  env: Record<string, string>,
  keep = false,
): Promise<Running> {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output.push(...chunk.toString().split("\n").filter(Boolean));
      const ready = /ready at http:\/\/\S+:(\d+)/.exec(output.join("\n"));
      if (ready) resolve(Number(ready[1]));
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) =>
      reject(new Error(`exited ${code}:\n${output.join("\n")}`)),
    );
  });
  const started = { child, port, output };
  if (!keep) running = started;
  return started;
}

async function stats(port: number): Promise<Stats> {
  const response = await fetch(`http://127.0.0.1:${port}/stats`);
  return (await response.json()) as Stats;
}

/** Opens a client (with the given headers), waits for OPEN, closes it, waits for CLOSED. */
async function openAndClose(
  port: number,
  headers: Record<string, string> = {},
): Promise<void> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  ws.close();
  await new Promise((resolve) => ws.once("close", resolve));
}

describe("ws-demo with NOTE_BUGS=1", () => {
  // One process for the clauses that only watch it: each reads its own
  // counts and log lines, from where they were when it began.
  let noted: Running;
  beforeAll(async () => {
    noted = await start({ NOTE_BUGS: "1" }, true);
  });
  afterAll(() => {
    noted?.child.kill("SIGKILL");
  });

  it("says so loudly before its ready line", () => {
    const { output } = noted;
    const warning = output.findIndex((line) =>
      line.includes("*** NOTE_BUGS=1"),
    );
    const ready = output.findIndex((line) => line.includes("ready at"));
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(warning).toBeLessThan(ready);
  });

  it("leaks one process timer per closed connection, which liveTimers does not see", async () => {
    const { port } = noted;
    const before = await stats(port);
    for (const leaked of [1, 2, 3]) {
      await openAndClose(port);
      await vi.waitFor(
        async () =>
          expect(await stats(port)).toMatchObject({
            openConnections: 0,
            liveTimers: 0,
            processTimers: before.processTimers + leaked,
          }),
        BUSY_MACHINE_WAIT,
      );
    }
  });

  it("believes any client's X-Forwarded-For, as the note's IP rule does", async () => {
    const { port, output } = noted;
    const from = output.length;
    await openAndClose(port, { "X-Forwarded-For": "6.6.6.6" });
    await vi.waitFor(
      () =>
        expect(output.slice(from)).toContainEqual(
          expect.stringMatching(/note-bugs: connect from 6\.6\.6\.6$/),
        ),
      BUSY_MACHINE_WAIT,
    );
    // The demo's own rule trusts no proxy by default.
    expect(output.slice(from)).toContainEqual(
      expect.stringMatching(/connect conn-\d+ from 127\.0\.0\.1$/),
    );
  });

  it("explains a bad value and exits 1", async () => {
    await expect(start({ NOTE_BUGS: "yes" })).rejects.toThrow(
      'ws-demo: NOTE_BUGS="yes" is not valid: use 1 (on) or 0 (off).',
    );
  });
});

describe("ws-demo without NOTE_BUGS", () => {
  it("leaks nothing: processTimers returns to where it was", async () => {
    const { port, output } = await start({});
    expect(output.join("\n")).not.toContain("NOTE_BUGS");
    const before = await stats(port);
    for (let i = 0; i < 3; i++) await openAndClose(port);
    await vi.waitFor(
      async () =>
        expect(await stats(port)).toMatchObject({
          openConnections: 0,
          liveTimers: 0,
          processTimers: before.processTimers,
        }),
      BUSY_MACHINE_WAIT,
    );
  });
});
