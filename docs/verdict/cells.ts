// The parts a cell of the verdict is made of, in one locale: the table's
// words, links (to the page in that locale), and figures read from the
// stored runs (with their spread) or from lesson 2's line count.
import type { Locale } from "../.vitepress/theme/i18n.js";
import type { LocTable } from "../rooms/features.js";
import { valueAt, type Runs } from "./data.js";
import { LINK_WORDS, type LinkKey } from "./links.js";
import type { Format, Part } from "./model.js";
import { WORDS, type Key } from "./words.js";

/** The part makers for one locale: w(key), text, link, close, figure, counted. */
export function cellParts(runs: Runs, loc: LocTable, locale: Locale) {
  const w = (key: Key): Part => ({ kind: "text", text: WORDS[locale][key] });
  const text = (words: string): Part => ({ kind: "text", text: words });
  const link = (key: LinkKey | Key, href: string): Part => ({
    kind: "link",
    text:
      key in LINK_WORDS[locale]
        ? LINK_WORDS[locale][key as LinkKey]
        : WORDS[locale][key as Key],
    href: locale === "ko" && href.startsWith("/") ? `/ko${href}` : href,
  });
  const close = w("close");
  /** A figure from compare.json, with the spread over every stored run that has it. */
  const figure = (path: string, format: Format): Part[] => {
    const value = valueAt(runs.latest, path);
    if (typeof value !== "number" || !Number.isFinite(value)) return [];
    const values = runs.all
      .map((run) => valueAt(run, path))
      .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    const spread: [number, number] | undefined =
      values.length > 1
        ? [Math.min(...values), Math.max(...values)]
        : undefined;
    return [
      {
        kind: "figure",
        source: `compare:${path}`,
        value,
        format,
        ...(spread ? { spread } : {}),
      },
    ];
  };
  const counted = (path: string): Part => ({
    kind: "figure",
    source: `loc:${path}`,
    value: valueAt(loc, path) as number,
    format: "lines",
  });
  /**
   * What a ratio's stored runs say, in words: a direction ("higher in
   * every stored run") only when every run falls on the same side of 1.0x;
   * with one run, or runs on both sides, the cell says it draws none.
   */
  const direction = (path: string): Part[] => {
    const ratios = runs.all
      .map((run) => valueAt(run, path))
      .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    if (ratios.length === 0) return [];
    const key: Key =
      ratios.length < 2
        ? "cpuOneRun"
        : ratios.every((ratio) => ratio > 1)
          ? "higherEveryRun"
          : ratios.every((ratio) => ratio < 1)
            ? "lowerEveryRun"
            : "runsDisagree";
    return [text("("), w(key), close];
  };
  return { w, text, link, close, figure, counted, direction };
}
