/** The p-th percentile (0-100) of `values`, nearest-rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** The percentiles a latency distribution is kept at (JSON and charts). */
export const DISTRIBUTION_PERCENTILES = [
  1, 5, 10, 25, 50, 75, 90, 95, 99, 100,
] as const;

/** `values` at DISTRIBUTION_PERCENTILES, sorted once. */
export function distribution(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return DISTRIBUTION_PERCENTILES.map((p) => percentile(sorted, p));
}
