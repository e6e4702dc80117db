// NOTE_BUGS=1 runs the original note's Socket.IO handler beside the demo's.
// These tests hold the docs to what it shows: the misspelt X-Forward-For is
// not "always undefined", a client that sends it sets its own IP; req.ip
// does not exist on the handshake request; and this half of the note does
// clear its timer.
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import { io } from "socket.io-client";
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
  const app = await spawnApp("socketio-demo", entry, env);
  started.push(app);
  return app;
}

async function connectAndLeave(
  port: number,
  headers: Record<string, string> = {},
): Promise<void> {
  const socket = io(`http://127.0.0.1:${port}`, {
    path: "/socket.io",
    extraHeaders: headers,
    reconnection: false,
  });
  await new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(undefined));
    socket.once("connect_error", reject);
  });
  socket.disconnect();
}

describe("socketio-demo with NOTE_BUGS=1", () => {
  // One process for the clauses that only read its log, each from where
  // the log was when it began. The timer count below gets its own: a
  // client that left before its upgrade keeps an engine.io timer for 30 s,
  // which would move the count it starts from.
  let noted: RunningApp;
  beforeAll(async () => {
    noted = await spawnApp("socketio-demo", entry, { NOTE_BUGS: "1" });
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

  it("lets a client that sends X-Forward-For choose its IP; req.ip is undefined", async () => {
    const { port, output } = noted;
    const from = output.length;
    await connectAndLeave(port, { "X-Forward-For": "6.6.6.6" });
    await vi.waitFor(
      () =>
        expect(output.slice(from)).toContainEqual(
          expect.stringMatching(
            /note-bugs: New Client Connected 6\.6\.6\.6 \S{20} req\.ip=undefined$/,
          ),
        ),
      BUSY_MACHINE_WAIT,
    );
  });

  it("falls back to the peer address without the misspelt header", async () => {
    const { port, output } = noted;
    const from = output.length;
    await connectAndLeave(port, { "X-Forwarded-For": "6.6.6.6" });
    await vi.waitFor(
      () =>
        expect(output.slice(from)).toContainEqual(
          expect.stringMatching(
            /note-bugs: New Client Connected 127\.0\.0\.1 /,
          ),
        ),
      BUSY_MACHINE_WAIT,
    );
  });

  it("clears its timer on disconnect: this half of the note does not leak", async () => {
    const app = await start({ NOTE_BUGS: "1" });
    const { port } = app;
    const before = await app.stats();
    for (let i = 0; i < 3; i++) await connectAndLeave(port);
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
