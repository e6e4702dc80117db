/** How long and how often `waitFor` retries. */
export interface WaitForOptions {
  readonly timeout?: number;
  readonly interval?: number;
}

/**
 * How long a clause waits for something that must happen, where the time
 * it takes is a timing (measured by the compare tool, never judged here):
 * generous for a busy 2-core machine, finite so that a failure is quick.
 * Also the wait for a /stats check: each call is a request to the app's
 * process, and on a loaded machine one can outlast the default 1 s alone.
 */
export const BUSY_MACHINE_WAIT_MS = 10_000;

/** The deadline passed while a call of `check` was still pending. */
class TimedOut extends Error {}

/**
 * Calls `check` until it stops throwing, and returns what it returned; past
 * `timeout` ms, throws its last error, even when a call is still pending.
 * Vitest's `vi.waitFor` with the same defaults (1000 ms, every 50 ms),
 * written here so that the clauses also run outside Vitest (verify), where
 * `vi` is not available.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<T> {
  const timeout = options.timeout ?? 1000;
  const interval = options.interval ?? 50;
  const deadline = performance.now() + timeout;
  let lastError: unknown = new Error(`waitFor timed out in ${timeout} ms`);
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        Promise.resolve().then(check),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new TimedOut()),
            Math.max(0, deadline - performance.now()),
          );
        }),
      ]);
    } catch (error) {
      if (error instanceof TimedOut) throw lastError;
      lastError = error;
      if (performance.now() >= deadline) throw error;
    } finally {
      clearTimeout(timer);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
