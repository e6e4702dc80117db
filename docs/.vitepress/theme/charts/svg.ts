// What every chart is drawn with: the SVG frame with its title, the
// width and colour series the stylesheet knows, escaping, and the axes'
// ticks.

/** Every chart's width in SVG units; its height follows its rows. */
export const WIDTH = 720;
/** Colours: cc-s0 ... cc-s5 in the stylesheet. */
export const SERIES = 6;
/** Room on the right of a plot for its legend. */
export const LEGEND = 220;

export function escape(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

export const round = (value: number) => Math.round(value * 10) / 10;

export function svg(title: string, height: number, body: string[]): string {
  return (
    `<svg class="cc" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escape(title)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escape(title)}</title>` +
    `<text class="cc-title" x="0" y="16">${escape(title)}</text>` +
    body.join("") +
    `</svg>`
  );
}

export interface Series {
  readonly label: string;
  /** y values, one per x. */
  readonly values: readonly number[];
}

/** Axis ticks for a log scale: 1, 2, 5 times powers of ten within [low, high]. */
export function logTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (
    let p = Math.floor(Math.log10(low));
    p <= Math.ceil(Math.log10(high));
    p++
  )
    for (const m of [1, 2, 5]) {
      const tick = m * 10 ** p;
      if (tick >= low && tick <= high) ticks.push(tick);
    }
  return ticks;
}

/** Up to six ticks from 0 to `high`, at a step of 1, 2 or 5 times a power of ten. */
export function linearTicks(high: number): number[] {
  if (!(high > 0)) return [0];
  const rough = high / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks: number[] = [];
  for (let tick = 0; tick <= high + step / 1e6; tick += step)
    ticks.push(Number(tick.toPrecision(6)));
  return ticks;
}

export function tickText(value: number): string {
  return value >= 1000
    ? `${value / 1000}k`
    : Number(value.toPrecision(2)).toString();
}
