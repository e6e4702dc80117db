// The comparison as Markdown (`--format markdown`, `--markdown FILE`):
// the main table whole, then each further table under its title in bold.
import { type Cell } from "./cells.js";
import { mainTable } from "./main-table.js";
import type { Comparison } from "./model.js";
import { extraTables } from "./more-tables.js";
import { describeRun, renderChecks } from "./summary.js";

function markdownTable(rows: Cell[][]): string {
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  return [
    `| ${rows[0]!.map(escape).join(" | ")} |`,
    `| ${rows[0]!.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.slice(1).map((row) => `| ${row.map(escape).join(" | ")} |`),
  ].join("\n");
}

export function renderMarkdown(comparison: Comparison): string {
  const blocks = [describeRun(comparison)];
  if (comparison.transports.length > 0)
    blocks.push(markdownTable(mainTable(comparison)));
  for (const { title, rows } of extraTables(comparison))
    blocks.push(`**${title}**\n\n${markdownTable(rows)}`);
  blocks.push(renderChecks(comparison));
  return `${blocks.join("\n\n")}\n`;
}
