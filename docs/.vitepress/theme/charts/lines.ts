// Series over a log x axis (the sweep's client counts): the scaling lines.
import {
  escape,
  LEGEND,
  linearTicks,
  logTicks,
  round,
  SERIES,
  svg,
  tickText,
  WIDTH,
  type Series,
} from "./svg.js";

/**
 * Lines on a log x axis: each series a polyline with a dot per point, and
 * its label in a legend. `x` is shared; points that are not finite are
 * left out.
 */
export function lines(
  title: string,
  xs: readonly number[],
  series: readonly Series[],
  axes: { x: string; y: string; yLog?: boolean },
): string {
  const left = 56;
  const right = WIDTH - LEGEND;
  const top = 30;
  const bottom = 250;
  const points = series.flatMap((s) =>
    s.values.map((y, i) => ({ x: xs[i]!, y })),
  );
  const finite = points.filter(
    (p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x > 0,
  );
  const xLow = Math.min(...finite.map((p) => p.x));
  const xHigh = Math.max(...finite.map((p) => p.x));
  const yValues = finite.map((p) => p.y).filter((y) => !axes.yLog || y > 0);
  const yLow = axes.yLog ? Math.min(...yValues) : 0;
  const yHigh = Math.max(...yValues) * (axes.yLog ? 1 : 1.1);
  const scale = (value: number, low: number, high: number, log: boolean) =>
    high === low
      ? 0.5
      : log
        ? (Math.log10(value) - Math.log10(low)) /
          (Math.log10(high) - Math.log10(low))
        : (value - low) / (high - low);
  const px = (value: number) =>
    round(left + scale(value, xLow, xHigh, true) * (right - left));
  const py = (value: number) =>
    round(
      bottom - scale(value, yLow, yHigh, axes.yLog ?? false) * (bottom - top),
    );
  const body: string[] = [
    `<line class="cc-axis" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`,
    `<line class="cc-axis" x1="${left}" y1="${top}" x2="${left}" y2="${bottom}"/>`,
    `<text class="cc-label" x="${(left + right) / 2}" y="${bottom + 34}" text-anchor="middle">${escape(axes.x)}</text>`,
    `<text class="cc-label" x="12" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(top + bottom) / 2})">${escape(axes.y)}</text>`,
  ];
  for (const tick of logTicks(xLow, xHigh))
    body.push(
      `<text class="cc-tick" x="${px(tick)}" y="${bottom + 16}" text-anchor="middle">${tickText(tick)}</text>`,
    );
  const yTicks = axes.yLog ? logTicks(yLow, yHigh) : linearTicks(yHigh);
  for (const tick of yTicks)
    body.push(
      `<text class="cc-tick" x="${left - 6}" y="${py(tick) + 4}" text-anchor="end">${tickText(tick)}</text>`,
    );
  series.forEach((s, i) => {
    const cls = `cc-s${i % SERIES}`;
    const at = s.values
      .map((y, j) => ({ x: xs[j]!, y }))
      .filter(
        (p) => Number.isFinite(p.y) && p.x > 0 && (!axes.yLog || p.y > 0),
      );
    body.push(
      `<polyline class="${cls} cc-line" points="${at.map((p) => `${px(p.x)},${py(p.y)}`).join(" ")}"/>`,
      ...at.map(
        (p) => `<circle class="${cls}" cx="${px(p.x)}" cy="${py(p.y)}" r="3"/>`,
      ),
      `<rect class="${cls}" x="${right + 16}" y="${top + i * 20}" width="12" height="12" rx="2"/>`,
      `<text class="cc-label" x="${right + 34}" y="${top + i * 20 + 11}">${escape(s.label)}</text>`,
    );
  });
  return svg(title, bottom + 44, body);
}
