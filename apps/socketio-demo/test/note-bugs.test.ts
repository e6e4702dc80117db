// NOTE_BUGS=1 runs the original note's Socket.IO handler beside the demo's.
// These tests hold the docs to what it shows: the misspelt X-Forward-For is
// not "always undefined", a client that sends it sets its own IP; req.ip
// does not exist on the handshake request; and this half of the note does
// clear its timer.
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
import { io } from "socket.io-client";
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
    const { port } = await start({ NOTE_BUGS: "1" });
    const before = await stats(port);
    for (let i = 0; i < 3; i++) await connectAndLeave(port);
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
