// A demo's terminal as the pages show it: what changes every run (the
// time of day, the port the test got, Socket.IO's ids) put back to what
// a reader sees with the defaults.

/** Drops the time of day, names Socket.IO ids `<id>`, and restores the default port. */
export function asThePageShows(
  lines: readonly string[],
  port: number,
  defaultPort: number,
): string[] {
  const ids = [...lines.join("\n").matchAll(/connect ([\w-]{20}) from/g)].map(
    (match) => match[1]!,
  );
  return lines.map((line) => {
    let text = line
      .replace(/^\d\d:\d\d:\d\d\.\d{3} /, "")
      .replace(`localhost:${port}`, `localhost:${defaultPort}`);
    for (const id of ids) text = text.replaceAll(id, "<id>");
    return text;
  });
}
