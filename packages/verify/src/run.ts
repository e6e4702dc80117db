// Runs one exercise: type-checks it, starts it (or, for a page, the
// reference server it talks to), and runs the clauses its step covers,
// each with a time limit, so that no mistake can make verify hang.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  socketIoDriver,
  socketIoRoomsDriver,
  spawnApp,
  wsDriver,
  wsRoomsDriver,
  type ContractClient,
  type RoomsDriver,
  type RunningApp,
  type TransportDriver,
} from "@repo/contract";
import {
  pageClauses,
  roomsClauses,
  roomsContext,
  transportClauses,
  transportEnv,
  type Clause,
  type PageContext,
  type TransportContext,
} from "@repo/contract/clauses";
import type { Exercise, ExerciseCheck } from "./exercises.js";
import type { Messages } from "./messages.js";
import { globalEventWarnings } from "./style.js";
import { typeCheck } from "./typecheck.js";

/** A check's time limit when its clause sets none (the contract suite's). */
const CHECK_TIMEOUT_MS = 20_000;
const READY_TIMEOUT_MS = 20_000;
const PAGE_PUSH_INTERVAL_MS = "300";
const tsx = fileURLToPath(import.meta.resolve("tsx"));

export interface CheckResult {
  readonly check: ExerciseCheck;
  readonly clause: Clause<never>;
  readonly ok: boolean;
  /** What happened, for a failure: the assertion's message, first lines. */
  readonly happened?: string;
}

/** How a run ended before or instead of its checks. */
export type Stop =
  | { readonly kind: "compile"; readonly lines: readonly string[] }
  | { readonly kind: "start"; readonly lines: readonly string[] }
  | { readonly kind: "crash"; readonly lines: readonly string[] }
  | { readonly kind: "setup"; readonly message: string };

export interface RunEvents {
  /** What verify is doing, in one line. */
  step(line: string): void;
  /** Something that works but should not be copied; never a failure. */
  warn(line: string): void;
  result(result: CheckResult): void;
}

export interface RunOutcome {
  readonly results: readonly CheckResult[];
  readonly stop?: Stop;
}

/** Runs `exercise`'s checks against the code in `dir`, saying so in `text`'s language. */
export async function runExercise(
  exercise: Exercise,
  dir: string,
  events: RunEvents,
  text: Messages,
): Promise<RunOutcome> {
  switch (exercise.kind) {
    case "ws-server":
    case "socketio-server": {
      const base =
        exercise.kind === "ws-server"
          ? wsDriver
          : socketIoDriver(["websocket"]);
      const driver: TransportDriver = {
        ...base,
        start: (env) => startAttendee(exercise, dir, env),
      };
      return runServer(exercise, dir, events, text, transportClauses, {
        start: () => driver.start(transportEnv(driver)),
        context(app) {
          const clients: ContractClient[] = [];
          const context: TransportContext = {
            driver,
            app,
            async connect(options) {
              const client = await driver.connect(app, options);
              clients.push(client);
              return client;
            },
          };
          return {
            context,
            close: () => Promise.all(clients.splice(0).map((c) => c.close())),
          };
        },
      });
    }
    case "ws-rooms":
    case "socketio-rooms": {
      const base =
        exercise.kind === "ws-rooms"
          ? wsRoomsDriver
          : socketIoRoomsDriver(["websocket"]);
      const driver: RoomsDriver = {
        ...base,
        start: (env) => startAttendee(exercise, dir, env),
      };
      return runServer(exercise, dir, events, text, roomsClauses, {
        start: () => driver.start({}),
        context(app) {
          const context = roomsContext(driver, () => app);
          return { context, close: () => context.closeAll() };
        },
      });
    }
    case "ws-page":
    case "socketio-page":
      return runPage(exercise, dir, events, text);
  }
}

/** Starts the attendee's server.ts with tsx, as `npx tsx server.ts` would. */
function startAttendee(
  exercise: Exercise,
  dir: string,
  env: Record<string, string>,
): Promise<RunningApp> {
  return spawnApp(exercise.name, join(dir, "server.ts"), env, {
    nodeArgs: ["--import", tsx],
    readyTimeoutMs: READY_TIMEOUT_MS,
    keepLines: 200,
  });
}

interface ServerPlan<C> {
  start(): Promise<RunningApp>;
  context(app: RunningApp): {
    context: C;
    close: () => Promise<unknown>;
  };
}

async function runServer<C>(
  exercise: Exercise,
  dir: string,
  events: RunEvents,
  text: Messages,
  table: readonly Clause<C>[],
  plan: ServerPlan<C>,
): Promise<RunOutcome> {
  const checks = checksOf(exercise, table);
  events.step(text.stepStartServer);
  const [compiled, started] = await Promise.all([
    typeCheck(dir),
    plan.start().then(
      (app) => ({ app }),
      (error: unknown) => ({ error: messageOf(error) }),
    ),
  ]);
  if (compiled) {
    if ("app" in started) await started.app.stop("SIGKILL");
    return { results: [], stop: { kind: "compile", lines: compiled } };
  }
  if ("error" in started) {
    return {
      results: [],
      stop: { kind: "start", lines: started.error.split("\n") },
    };
  }
  const { app } = started;
  events.step(text.stepServerReady(app.port, checks.length));
  const { context, close } = plan.context(app);
  const results: CheckResult[] = [];
  let stop: Stop | undefined;
  for (const { check, clause } of checks) {
    let result = await runCheck(check, clause, context, results, text);
    if (!app.alive && !result.ok)
      result = { ...result, happened: text.serverStoppedInCheck };
    // A failed clause leaves its clients open: close them, or the next
    // check (openConnections back to 0?) would fail on them.
    await withTimeout(close(), 3000).catch(() => {});
    results.push(result);
    events.result(result);
    if (!app.alive) {
      stop = { kind: "crash", lines: crashLines(app.output) };
      break;
    }
  }
  await withTimeout(close(), 3000).catch(() => {});
  await app.stop("SIGTERM", 3000);
  return { results, stop };
}

async function runPage(
  exercise: Exercise,
  dir: string,
  events: RunEvents,
  text: Messages,
): Promise<RunOutcome> {
  const checks = checksOf(exercise, pageClauses);
  const { chromium } = await import("playwright-core");
  const { chromiumArgs, chromiumPath } = await import("@repo/demo-kit/testing");
  if (!existsSync(chromiumPath)) {
    return {
      results: [],
      stop: { kind: "setup", message: text.noChromium(chromiumPath) },
    };
  }
  const driver = exercise.kind === "ws-page" ? wsDriver : socketIoDriver([]);
  const out = mkdtempSync(join(tmpdir(), `verify-${exercise.name}-`));
  try {
    events.step(text.stepCompilePage);
    const [compiled, started] = await Promise.all([
      typeCheck(dir, out),
      driver.start({ PUSH_INTERVAL_MS: PAGE_PUSH_INTERVAL_MS }).then(
        (app) => ({ app }),
        (error: unknown) => ({ error: messageOf(error) }),
      ),
    ]);
    if ("error" in started) {
      return {
        results: [],
        stop: {
          kind: "setup",
          message: text.referenceDidNotStart(started.error.split("\n")[0]!),
        },
      };
    }
    let app = started.app;
    if (compiled) {
      await app.stop("SIGKILL");
      return { results: [], stop: { kind: "compile", lines: compiled } };
    }
    // A handler that reads the global `event` runs in every current
    // browser: said as a warning, read from the code, not made to crash.
    for (const warning of globalEventWarnings(
      readFileSync(join(dir, exercise.edit), "utf8"),
      text.globalEventWarning,
    ))
      events.warn(`${exercise.edit}:${warning.line}: ${warning.message}`);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      // The reference page, with your compiled code in place of its own.
      await page.route("**/assets/client/**", async (route) => {
        const file = join(
          out,
          basename(new URL(route.request().url()).pathname),
        );
        if (existsSync(file))
          await route.fulfill({
            contentType: "text/javascript",
            body: readFileSync(file, "utf8"),
          });
        else await route.fulfill({ status: 404, body: "not in your exercise" });
      });
      events.step(text.stepOpenPage(app.port));
      await page.goto(`${app.origin}/`);
      const context: PageContext = {
        get app() {
          return app;
        },
        page,
        errors,
        async restart() {
          const port = app.port;
          await app.stop("SIGTERM");
          app = await driver.start({
            PUSH_INTERVAL_MS: PAGE_PUSH_INTERVAL_MS,
            PORT: String(port),
          });
        },
      };
      const results: CheckResult[] = [];
      for (const { check, clause } of checks) {
        const result = await runCheck(check, clause, context, results, text);
        results.push(result);
        events.result(result);
      }
      return { results };
    } finally {
      await browser.close();
      await app.stop("SIGTERM", 3000);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The lines of Node's report of an uncaught error: from its "file:line"
 * header (or the error line) on, without blank lines.
 */
function crashLines(output: readonly string[]): string[] {
  let from = output.findLastIndex((line) => /^(\/|file:).*:\d+$/.test(line));
  if (from === -1)
    from = output.findLastIndex((line) => /^\w*Error\b/.test(line));
  return output
    .slice(from === -1 ? -15 : from)
    .filter((line) => line.trim() !== "");
}

/** The exercise's checks with their clauses, or an error naming a bad id. */
function checksOf<C>(
  exercise: Exercise,
  table: readonly Clause<C>[],
): Array<{ check: ExerciseCheck; clause: Clause<C> }> {
  return exercise.checks.map((check) => {
    const clause = table.find((c) => c.id === check.clause);
    if (!clause)
      throw new Error(
        `exercises/${exercise.name}/exercise.json names a clause "${check.clause}" that the contract does not have; the ids are: ${table.map((c) => c.id).join(", ")}`,
      );
    return { check, clause };
  });
}

async function runCheck<C>(
  check: ExerciseCheck,
  clause: Clause<C>,
  context: C,
  before: readonly CheckResult[],
  text: Messages,
): Promise<CheckResult> {
  const needed = before.find(
    (result) => result.check.clause === check.requires && !result.ok,
  );
  if (needed)
    return {
      check,
      clause: clause,
      ok: false,
      happened: text.notRun(text.clauseName(needed.clause)),
    };
  const limit = clause.timeoutMs ?? CHECK_TIMEOUT_MS;
  try {
    await withTimeout(clause.run(context), limit);
    return { check, clause: clause, ok: true };
  } catch (error) {
    return {
      check,
      clause: clause,
      ok: false,
      happened: happenedOf(error, limit, text),
    };
  }
}

class TimedOut extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** An assertion's message in plain words: its first lines, without Vitest's jargon. */
function happenedOf(error: unknown, limit: number, text: Messages): string {
  if (error instanceof TimedOut) return text.nothingCame(limit / 1000);
  return (
    messageOf(error)
      // eslint-disable-next-line no-control-regex -- terminal colours, if any
      .replace(/\u001b\[[0-9;]*m/g, "")
      .replace(/ \/\/ Object\.is equality/g, "")
      .replace(/\+0\b/g, "0")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .slice(0, 6)
      .join("\n")
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
