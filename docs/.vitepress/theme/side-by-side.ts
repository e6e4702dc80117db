// Marks, in each pair of code blocks on the side-by-side page, the lines
// that have no equal in the other block (spaces aside): what differs
// between the ws and the Socket.IO version stands out.
function lineTexts(block: Element): Array<{ line: Element; text: string }> {
  return [...block.querySelectorAll("code .line")].map((line) => ({
    line,
    text: (line.textContent ?? "").replace(/\s+/g, " ").trim(),
  }));
}

export function markDifferences(root: ParentNode = document): void {
  for (const group of root.querySelectorAll(".pair .vp-code-group")) {
    const blocks = [
      ...group.querySelectorAll(".blocks > div[class*='language-']"),
    ];
    if (blocks.length !== 2) continue;
    const [a, b] = blocks.map(lineTexts);
    const inA = new Set(a!.map((entry) => entry.text));
    const inB = new Set(b!.map((entry) => entry.text));
    for (const [lines, other] of [
      [a!, inB],
      [b!, inA],
    ] as const) {
      for (const { line, text } of lines) {
        line.classList.toggle("differs", text !== "" && !other.has(text));
      }
    }
  }
}
