// Latency as a cumulative curve: the share of messages that arrived
// within x ms, for each server, from the percentiles compare keeps.
import type { ChartLabels } from "./labels.js";
import {
  escape,
  LEGEND,
  logTicks,
  round,
  SERIES,
  svg,
  tickText,
  WIDTH,
  type Series,
} from "./svg.js";

/**
 * Latency distributions: for each series, the share of messages (y, %)
 * that arrived within x ms (log scale), from the percentiles the compare
 * tool keeps.
 */
export function distributions(
  title: string,
  percentiles: readonly number[],
  series: readonly Series[],
  labels: Pick<ChartLabels, "latencyAxis" | "percentileAxis">,
): string {
  // A cumulative curve is the lines chart with its axes the other way:
  // x the latency at each percentile, y the percentile.
  const left = 56;
  const right = WIDTH - LEGEND;
  const top = 30;
  const bottom = 250;
  const all = series
    .flatMap((s) => s.values)
    .filter((v) => v > 0 && Number.isFinite(v));
  const low = Math.min(...all);
  const high = Math.max(...all);
  const px = (ms: number) =>
    round(
      left +
        (high === low
          ? 0.5
          : (Math.log10(ms) - Math.log10(low)) /
            (Math.log10(high) - Math.log10(low))) *
          (right - left),
    );
  const py = (p: number) => round(bottom - (p / 100) * (bottom - top));
  const body: string[] = [
    `<line class="cc-axis" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`,
    `<line class="cc-axis" x1="${left}" y1="${top}" x2="${left}" y2="${bottom}"/>`,
    `<text class="cc-label" x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle">${escape(labels.latencyAxis)}</text>`,
    `<text class="cc-label" x="12" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(top + bottom) / 2})">${escape(labels.percentileAxis)}</text>`,
  ];
  for (const tick of ticksWithin(low, high))
    body.push(
      `<text class="cc-tick" x="${px(tick)}" y="${bottom + 16}" text-anchor="middle">${tickText(tick)}</text>`,
    );
  for (const p of [0, 50, 90, 99])
    body.push(
      `<text class="cc-tick" x="${left - 6}" y="${py(p) + 4}" text-anchor="end">${p}</text>`,
    );
  series.forEach((s, i) => {
    const cls = `cc-s${i % SERIES}`;
    const at = s.values
      .map((ms, j) => ({ ms, p: percentiles[j]! }))
      .filter((point) => point.ms > 0 && Number.isFinite(point.ms));
    body.push(
      `<polyline class="${cls} cc-line" points="${at.map((point) => `${px(point.ms)},${py(point.p)}`).join(" ")}"/>`,
      `<rect class="${cls}" x="${right + 16}" y="${top + i * 20}" width="12" height="12" rx="2"/>`,
      `<text class="cc-label" x="${right + 34}" y="${top + i * 20 + 11}">${escape(s.label)}</text>`,
    );
  });
  return svg(title, bottom + 44, body);
}

/**
 * logTicks, and where the range is too narrow to hold three of them, its
 * ends too (to two significant digits, inside the range), so that the axis
 * still says where it starts and ends.
 */
function ticksWithin(low: number, high: number): number[] {
  const ticks = logTicks(low, high);
  if (ticks.length >= 3 || !(high > low)) return ticks;
  const step = (value: number) => 10 ** (Math.floor(Math.log10(value)) - 1);
  const first = Math.ceil(low / step(low)) * step(low);
  const last = Math.floor(high / step(high)) * step(high);
  return [...new Set([first, ...ticks, last])].filter(
    (tick) => tick >= low && tick <= high,
  );
}
