// The verdict page's decision table, as data: one row per question a team
// asks, one cell per transport (ws, Socket.IO, Server-Sent Events with fetch
// for the replies). A cell is a list of parts: words, links to the lesson
// that shows a thing, and figures. A figure is never typed: it names where
// it was read (a path into docs/data/compare.json, or into lesson 2's line
// count), so that test/verdict.test.ts can read it there again and fail
// when the page shows a number the data does not hold. This file is the
// model and how a part is written; the rows are in rows.ts, built from
// cells.ts's parts, with words.ts's and links.ts's words.

/** How a figure is written on the page; the test formats with the same rules. */
export type Format =
  "kb" | "bytes" | "bytesPerMessage" | "ms" | "ratio" | "count" | "lines";

export type Part =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "link"; readonly text: string; readonly href: string }
  | {
      readonly kind: "figure";
      /** `compare:` + a dotted path into compare.json, or `loc:` + one into lesson 2's count. */
      readonly source: string;
      readonly value: number;
      readonly format: Format;
      /** Set when several stored runs give this figure: the smallest and largest. */
      readonly spread?: readonly [number, number];
    };

export type Column = "ws" | "socketio" | "sse";
export const COLUMNS: readonly Column[] = ["ws", "socketio", "sse"];

export interface Row {
  readonly id: string;
  readonly question: string;
  readonly cells: Readonly<Record<Column, readonly Part[]>>;
}

export function formatFigure(value: number, format: Format): string {
  switch (format) {
    case "kb":
      return `${(value / 1024).toFixed(1)} KB`;
    case "bytes":
      return `${Math.round(value).toLocaleString("en-US")} B`;
    case "bytesPerMessage":
      return `${value.toFixed(1)} B`;
    case "ms":
      // Enough digits to tell a small figure from zero, no more.
      return `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)} ms`;
    case "ratio":
      return `${value.toFixed(2)}x`;
    case "count":
      return Number(value.toFixed(1)).toString();
    case "lines":
      return `${value}`;
  }
}

/** A figure with its spread when there is one: "3.02x" or "2.60x to 3.02x". */
export function formatPart(part: Part & { kind: "figure" }): string {
  if (!part.spread) return formatFigure(part.value, part.format);
  const [low, high] = part.spread.map((v) => formatFigure(v, part.format));
  // Byte counts come out the same in every run: one figure, not "7,599 B – 7,599 B".
  return low === high ? low! : `${low} – ${high}`;
}

/** Whether a space goes after part i: not after an opening bracket, not before closing punctuation. */
export function spaceAfter(parts: readonly Part[], i: number): boolean {
  const next = parts[i + 1];
  if (!next) return false;
  const part = parts[i]!;
  const ends = part.kind === "figure" ? "" : part.text;
  const starts = next.kind === "figure" ? "" : next.text;
  return !/\($/.test(ends) && !/^[).;:,]/.test(starts);
}
