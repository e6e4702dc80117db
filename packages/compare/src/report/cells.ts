// The cells every renderer shares: numbers as the tables print them, and
// "n/a" where a figure could not be measured (a ratio over zero, a
// percentile of nothing).
export type Cell = string;

export const n0 = (v: number) =>
  Number.isFinite(v) ? Math.round(v).toLocaleString("en-US") : "n/a";
export const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "n/a");
export const n2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "n/a");
export const n3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : "n/a");
export const kb = (v: number) =>
  Number.isFinite(v) ? `${(v / 1024).toFixed(1)} KB` : "n/a";
export const ratio = (v: number) =>
  Number.isFinite(v) ? `${v.toFixed(2)}x` : "n/a";
