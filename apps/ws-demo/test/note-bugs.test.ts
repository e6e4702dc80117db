// NOTE_BUGS=1 runs the original note's handler beside the demo's, so that
// an instructor can show its leak. These tests hold the docs to what it
// does: the leak shows in processTimers, not in liveTimers (the tracker
// never saw the note's timer), one per closed connection.
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
import { spawnApp, type RunningApp } from "@repo/demo-kit/spawn-app";
import { BUSY_MACHINE_WAIT } from "@repo/demo-kit/testing";

const entry = new URL("../dist/server.js", import.meta.url).pathname;

/** The processes a test started, killed after it. */
let started: RunningApp[] = [];
afterEach(async () => {
  await Promise.all(started.map((app) => app.stop("SIGKILL")));
  started = [];
});

/** Starts the built app with `env`, as `npm start` would; killed after the test. */
async function start(env: Record<string, string>): Promise<RunningApp> {
  const app = await spawnApp("ws-demo", entry, env);
  started.push(app);
  return app;
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
  let noted: RunningApp;
  beforeAll(async () => {
    noted = await spawnApp("ws-demo", entry, { NOTE_BUGS: "1" });
  });
  afterAll(async () => {
    await noted?.stop("SIGKILL");
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
    const before = await noted.stats();
    for (const leaked of [1, 2, 3]) {
      await openAndClose(port);
      await vi.waitFor(
        async () =>
          expect(await noted.stats()).toMatchObject({
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
    const app = await start({});
    const { port, output } = app;
    expect(output.join("\n")).not.toContain("NOTE_BUGS");
    const before = await app.stats();
    for (let i = 0; i < 3; i++) await openAndClose(port);
    await vi.waitFor(
      async () =>
        expect(await app.stats()).toMatchObject({
          openConnections: 0,
          liveTimers: 0,
          processTimers: before.processTimers,
        }),
      BUSY_MACHINE_WAIT,
    );
  });
});
