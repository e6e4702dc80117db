// Starts a built demo app as its own process, the way an attendee runs
// it, for the tests and tools that drive it from outside: the transport
// contract, compare, verify, the docs' checks, and the apps' own tests of
// what their entry point prints (NOTE_BUGS=1). It loads no test framework.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { Stats } from "./stats.js";

/** A demo app running as its own process, as an attendee would run it. */
export interface RunningApp {
  readonly name: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly port: number;
  /** The lines the app has printed so far, stdout and stderr (the last ones, if capped). */
  readonly output: readonly string[];
  /** False once the process has exited, for whatever reason. */
  readonly alive: boolean;
  /** Sends one IPC message and resolves with the answer that carries its id. */
  ask<T>(message: { id: number } & Record<string, unknown>): Promise<T>;
  stats(): Promise<AppStats>;
  /**
   * Sends a signal and waits for the exit; returns the exit code and how
   * long it took. An app still running after `killAfterMs` is killed, and
   * its code is then null.
   */
  stop(
    signal?: NodeJS.Signals,
    killAfterMs?: number,
  ): Promise<{ code: number | null; ms: number }>;
}

/** The fields every demo's `GET /stats` returns. */
export type AppStats = Stats;

const READY = /ready at http:\/\/\S+:(\d+)/;

export interface SpawnOptions {
  /** Flags for node before the entry, e.g. --expose-gc, --import. */
  readonly nodeArgs?: readonly string[];
  /** Open an IPC channel (the compare tool's instrument answers on it). */
  readonly ipc?: boolean;
  /** How long the app may take to print its ready line. */
  readonly readyTimeoutMs?: number;
  /** Keep at most this many output lines (a loaded server logs a lot). */
  readonly keepLines?: number;
}

/**
 * Starts `node entry` on 127.0.0.1 and port 0 with `env` on top of this
 * process's environment, and resolves once it prints its ready line.
 */
export async function spawnApp(
  name: string,
  entry: string,
  env: Record<string, string> = {},
  options: SpawnOptions = {},
): Promise<RunningApp> {
  // An app prints its ready line in under a second on an idle machine. On
  // a 2-core CI machine running three test workers and Chromium beside
  // it, a start that imports Socket.IO and connects to Redis was seen to
  // take longer than 10 s. A longer wait costs nothing when the app is
  // fine; it only delays the error of one that never starts.
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), entry],
    {
      // NOTE_BUGS off unless a test asks: exported in a shell to show the
      // note's bugs, it would make every suite fail on them. The root
      // .env is a workshop's settings, not the contract's, the bench's or
      // verify's: the app started here does not read it.
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        NOTE_BUGS: "0",
        IGNORE_ENV_FILE: "1",
        ...env,
      },
      stdio: [
        "ignore",
        "pipe",
        "pipe",
        ...(options.ipc ? (["ipc"] as const) : []),
      ],
    },
  );
  const output: string[] = [];
  const exited = once(child, "exit") as Promise<
    [number | null, NodeJS.Signals | null]
  >;

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `${name} printed no ready line within ${readyTimeoutMs} ms:\n${output.join("\n")}`,
        ),
      );
    }, readyTimeoutMs);
    const onLine = (line: string) => {
      output.push(line);
      if (options.keepLines !== undefined && output.length > options.keepLines)
        output.shift();
      const match = READY.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    for (const stream of [child.stdout!, child.stderr!]) {
      let partial = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        lines.forEach(onLine);
      });
    }
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${name} exited with code ${code} before it was ready:\n${output.join("\n")}`,
        ),
      );
    });
  });

  const origin = `http://127.0.0.1:${port}`;
  return {
    name,
    origin,
    port,
    output,
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    ask<T>(message: { id: number } & Record<string, unknown>) {
      return new Promise<T>((resolve, reject) => {
        const onMessage = (answer: { id: number }) => {
          if (answer.id !== message.id) return;
          done();
          resolve(answer as T);
        };
        // A server that dies mid-question would otherwise leave us waiting.
        const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
          done();
          reject(
            new Error(
              `${name} exited (${signal ?? `code ${code}`}) while being measured; its last lines:\n${output.slice(-10).join("\n")}`,
            ),
          );
        };
        const done = () => {
          child.off("message", onMessage);
          child.off("exit", onExit);
        };
        if (child.exitCode !== null || child.signalCode !== null) {
          onExit(child.exitCode, child.signalCode);
          return;
        }
        child.on("message", onMessage);
        child.on("exit", onExit);
        if (!child.send?.(message)) {
          done();
          reject(new Error(`${name} has no IPC channel`));
        }
      });
    },
    async stats() {
      const response = await fetch(`${origin}/stats`);
      return (await response.json()) as AppStats;
    },
    async stop(signal = "SIGTERM", killAfterMs = 5000) {
      const start = performance.now();
      if (child.exitCode === null && child.signalCode === null)
        child.kill(signal);
      const killer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      const [code] = await exited;
      clearTimeout(killer);
      return { code, ms: performance.now() - start };
    },
  };
}
