// Two promise helpers of the churn and shutdown rows: start many clients
// without leaving any behind when one fails, and wait for a condition.

/**
 * Promise.all that, when one fails, first ends every one that succeeded
 * (a failed row must leave no client behind for the next one), then throws.
 */
export async function settleAll<T>(
  attempts: ReadonlyArray<Promise<T>>,
  end: (each: T) => unknown,
): Promise<T[]> {
  const settled = await Promise.allSettled(attempts);
  const failed = settled.find((s) => s.status === "rejected");
  if (!failed)
    return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  await Promise.all(
    settled.map((s) => (s.status === "fulfilled" ? end(s.value) : undefined)),
  );
  throw failed.reason;
}

/** Checks `condition` every 25 ms until it holds (true) or `timeoutMs` passed (false). */
export async function eventually(
  condition: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
