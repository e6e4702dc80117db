/** How long and how often `waitFor` retries. */
export interface WaitForOptions {
  readonly timeout?: number;
  readonly interval?: number;
}

/**
 * Calls `check` until it stops throwing, and returns what it returned; past
 * `timeout` ms, throws its last error. Vitest's `vi.waitFor` with the same
 * defaults (1000 ms, every 50 ms), written here so that the clauses also run
 * outside Vitest (verify), where `vi` is not available.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<T> {
  const timeout = options.timeout ?? 1000;
  const interval = options.interval ?? 50;
  const deadline = performance.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}
