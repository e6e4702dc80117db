// The comparison for a terminal (`--format table`, the default): the main
// table in one block per transport, then each further table, then the
// checks.
import { type Cell } from "./cells.js";
import { mainTable } from "./main-table.js";
import type { Comparison } from "./model.js";
import { extraTables } from "./more-tables.js";
import { describeRun, renderChecks } from "./summary.js";

function textTable(rows: Cell[][]): string {
  const widths = rows[0]!.map((_, c) =>
    Math.max(...rows.map((row) => (row[c] ?? "").length)),
  );
  const line = (row: Cell[]) =>
    row
      .map((cell, c) =>
        c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
      )
      .join("  ");
  return [
    line(rows[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
  ].join("\n");
}

export function renderTable(comparison: Comparison): string {
  // One block per transport keeps the lines short enough for a terminal.
  const rows = mainTable(comparison);
  const blocks: string[] = [describeRun(comparison)];
  comparison.transports.forEach((_, i) => {
    const columns = [0, 1 + i * 3, 2 + i * 3, 3 + i * 3];
    const picked = rows.map((row) => columns.map((c) => row[c] ?? ""));
    const widths = columns.map((_, c) =>
      Math.max(...picked.map((row) => row[c]!.length)),
    );
    const line = (row: string[]) =>
      row
        .map((cell, c) =>
          c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
        )
        .join("  ");
    blocks.push(
      [
        line(picked[0]!),
        widths.map((w) => "-".repeat(w)).join("  "),
        ...picked.slice(1).map(line),
      ].join("\n"),
    );
  });
  for (const { title, rows } of extraTables(comparison))
    blocks.push(`${title}\n${textTable(rows)}`);
  blocks.push(renderChecks(comparison));
  return blocks.join("\n\n") + "\n";
}
