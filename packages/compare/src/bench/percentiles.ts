// Summaries of what was measured: percentiles of a sample, the sample at
// the percentiles the docs chart, how far a cadence strays, and sums.
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

/** |gap - interval|, summarised. */
export function cadence(gapsMs: readonly number[], intervalMs: number) {
  const deviations = gapsMs.map((gap) => Math.abs(gap - intervalMs));
  return {
    p50: percentile(deviations, 50),
    p99: percentile(deviations, 99),
    max: deviations.length
      ? deviations.reduce((max, value) => Math.max(max, value))
      : Number.NaN,
  };
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
