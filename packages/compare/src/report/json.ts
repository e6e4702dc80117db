// The comparison as JSON (`--format json`, `--json FILE`): the file the
// docs site reads, laid out so that it passes the format check as written.
/**
 * The comparison as JSON, laid out as Prettier lays out JSON, so that the
 * file the docs site reads passes the repository's format check as the
 * tool writes it: JSON.stringify with two spaces, except that an array of
 * numbers goes on one line when it fits in 80 columns, and otherwise fills
 * its lines, as Prettier does with number arrays.
 */
export function comparisonJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  const number = String.raw`-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|null`;
  const array = new RegExp(
    String.raw`\[\n( +)(?:${number})(?:,\n\1(?:${number}))*\n *\]`,
    "g",
  );
  return `${text.replace(array, (match: string, _: string, at: number) => {
    const items = match
      .slice(1, -1)
      .split(",")
      .map((item) => item.trim());
    const lineStart = text.lastIndexOf("\n", at) + 1;
    const head = text.slice(lineStart, at);
    const after = text[at + match.length] === "," ? 1 : 0;
    const flat = `[${items.join(", ")}]`;
    if (head.length + flat.length + after <= 80) return flat;
    // Prettier fills only arrays of numbers; with a null in it, one a line.
    if (items.includes("null")) return match;
    const base = head.length - head.trimStart().length;
    const inner = base + 2;
    const lines: string[] = [];
    let line = "";
    items.forEach((item, i) => {
      const piece = i < items.length - 1 ? `${item},` : item;
      if (line === "") line = piece;
      else if (inner + line.length + 1 + piece.length <= 80)
        line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    });
    lines.push(line);
    return `[\n${lines.map((l) => " ".repeat(inner) + l).join("\n")}\n${" ".repeat(base)}]`;
  })}\n`;
}
