// Registers the hostile-input table (cases.ts) with Vitest for one app:
// one app process for the whole table (a second one only for a case that
// must stop it), and after every row the same four checks.
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import { HOSTILE_HEARTBEAT_MS, TRUSTED_PROXY } from "../contract-settings.js";
import { BUSY_MACHINE_WAIT_MS } from "../wait-for.js";
import { casesFor } from "./cases.js";
import { createContext } from "./context.js";
import { describeExpected, matches, resolveExpected } from "./outcome.js";
import type { HostileTarget } from "./targets.js";

/** The longest log line a client may cause (the bound). */
export const MAX_LOG_LINE = 400;
/** The promise: a fresh client gets its welcome within this of starting. */
export const FRESH_CLIENT_MS = 1000;
// A row logs a line or two; the fresh client adds up to three (connect,
// upgraded, disconnect) and a refusal summary may fall due: 8 is a few.
const DEFAULT_LOG_LINES = 8;

/** The settings of the app the whole table runs against. */
export const HOSTILE_ENV = {
  TRUST_PROXY: TRUSTED_PROXY,
  HEARTBEAT_MS: String(HOSTILE_HEARTBEAT_MS),
};

/** Registers every row of the table that applies to `target.app`. */
export function describeHostileSuite(target: HostileTarget): void {
  describe(`hostile input: ${target.app}`, () => {
    let app: RunningApp;
    const spawned: RunningApp[] = [];

    beforeAll(async () => {
      app = await target.driver.start(HOSTILE_ENV);
    });
    // A row that crashed the server fails on its own; the next one gets a
    // new server, so that one crash does not hide every later result.
    beforeEach(async () => {
      if (await answers(app)) return;
      await app.stop("SIGKILL");
      app = await target.driver.start(HOSTILE_ENV);
    });
    afterAll(async () => {
      await Promise.all([app, ...spawned].map((each) => each?.stop()));
    });

    for (const row of casesFor(target.app)) {
      const expected = resolveExpected(row.expect, target.capabilities);
      it(
        `${row.class}: ${row.name} -> ${describeExpected(expected)}`,
        async () => {
          const linesBefore = app.output.length;
          const context = createContext(app, target, spawned);
          const seen = await row.send(context);
          if (!matches(expected, seen)) {
            const died = (await answers(app))
              ? ""
              : `; the server died:\n${lastWords(app)}`;
            const why = row.note ? ` (the row's note: ${row.note})` : "";
            expect.fail(
              `expected ${describeExpected(expected)}, saw ${JSON.stringify(seen)}${died}${why}`,
            );
          }
          await expectStillServing(app, target, linesBefore, row.maxLogLines);
        },
        row.timeoutMs ?? 15_000,
      );
    }
  });
}

/**
 * The four checks after every row: the process is alive, a fresh client
 * is welcomed within a second of starting, the app is back to 0
 * connections and 0 timers, and the row's log lines are few and short.
 */
async function expectStillServing(
  app: RunningApp,
  target: HostileTarget,
  linesBefore: number,
  maxLogLines = DEFAULT_LOG_LINES,
): Promise<void> {
  expect(await answers(app), `the server died:\n${lastWords(app)}`).toBe(true);

  // Measured from the start of one attempt, without retries. The race
  // only turns a client that hangs into a clear failure.
  const start = performance.now();
  const client = await Promise.race([
    target.driver.connect(app),
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error("no welcome for a fresh client within 5 s")),
        5000,
      ).unref(),
    ),
  ]);
  const welcomedAfter = performance.now() - start;
  await client.close();
  expect(welcomedAfter, "ms from connecting to the welcome").toBeLessThan(
    FRESH_CLIENT_MS,
  );

  await vi.waitFor(
    async () => {
      const stats = await app.stats();
      expect({ open: stats.openConnections, timers: stats.liveTimers }).toEqual(
        { open: 0, timers: 0 },
      );
    },
    { timeout: 5000, interval: 50 },
  );

  const lines = app.output.slice(linesBefore);
  const long = lines.filter((line) => line.length > MAX_LOG_LINE);
  expect(
    long.map((line) => `${line.length} chars: ${line.slice(0, 160)}…`),
    `log lines over ${MAX_LOG_LINE} characters`,
  ).toEqual([]);
  expect(
    lines.length,
    `log lines added:\n${lines
      .slice(0, 12)
      .map((l) => l.slice(0, 160))
      .join("\n")}`,
  ).toBeLessThanOrEqual(maxLogLines);
}

/**
 * Whether the app is running and answers `/stats`. A dead process answers
 * at once; a live one is given a busy machine's wait, so that a slow
 * answer under load is not taken for a crash.
 */
async function answers(app: RunningApp): Promise<boolean> {
  if (!app.alive) return false;
  try {
    const response = await fetch(`${app.origin}/stats`, {
      signal: AbortSignal.timeout(BUSY_MACHINE_WAIT_MS),
    });
    await response.arrayBuffer();
    return app.alive;
  } catch {
    return false;
  }
}

/** The error lines a dead app printed last, shortened. */
function lastWords(app: RunningApp): string {
  return app.output
    .slice(-12)
    .filter((line) => !/^\s+at /.test(line) || line.includes("/apps/"))
    .map((line) => line.slice(0, 200))
    .join("\n");
}
