// Ratios as horizontal bars: what a demo, a transport or a setting costs
// against another, on a log scale around 1.00x.
import { escape, round, SERIES, svg, WIDTH } from "./svg.js";

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Which colour (0-5): bars of one measure share one. */
  readonly series: number;
}

/**
 * Horizontal bars of ratios on a log scale, from a line at 1.00x: a bar
 * to the right costs more, to the left less, and 2x and 0.5x are as long.
 * Each bar says its value; one that is not finite (not measured) is left out.
 */
export function ratioBars(title: string, bars: readonly Bar[]): string {
  const shown = bars.filter(
    (bar) => Number.isFinite(bar.value) && bar.value > 0,
  );
  const labelWidth = 330;
  const plot = WIDTH - labelWidth - 110;
  // The widest bar sets the scale, at least 0.5x to 2x.
  const reach = Math.max(
    1,
    ...shown.map((bar) => Math.abs(Math.log2(bar.value))),
  );
  const one = labelWidth + 50 + plot / 2;
  const x = (value: number) => one + (Math.log2(value) / reach) * (plot / 2);
  const rowHeight = 20;
  const top = 30;
  const body: string[] = [];
  shown.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const end = x(bar.value);
    const [from, to] = end >= one ? [one, end] : [end, one];
    const right = end >= one;
    body.push(
      `<text class="cc-label" x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escape(bar.label)}</text>`,
      `<rect class="cc-s${bar.series % SERIES}" x="${round(from)}" y="${y + 3}" width="${round(Math.max(1, to - from))}" height="${rowHeight - 6}" rx="2"/>`,
      `<text class="cc-value" x="${round(right ? to + 4 : from - 4)}" y="${y + 13}" text-anchor="${right ? "start" : "end"}">${bar.value.toFixed(2)}x</text>`,
    );
  });
  const height = top + shown.length * rowHeight + 10;
  body.push(
    `<line class="cc-one" x1="${round(one)}" y1="${top - 4}" x2="${round(one)}" y2="${height - 6}"/>`,
  );
  return svg(title, height, body);
}
