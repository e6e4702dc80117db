// The two demo apps as the docs' you-should-see tests start them: their
// built entry points, the ports the pages show (each app's DEFAULT_PORT in
// src/server.ts), and a terminal put back as a reader sees it with the
// defaults (the time of day, the port the test got and Socket.IO's ids are
// different on every run).

/** Each demo's default port, as the pages show it. */
export const DEFAULT_PORTS = {
  "ws-demo": 8001,
  "socketio-demo": 8002,
} as const;
export type AppName = keyof typeof DEFAULT_PORTS;

/** The built entry point an attendee's `npm run ws` or `npm run socketio` starts. */
export const builtEntry = (name: AppName): string =>
  new URL(`../../apps/${name}/dist/server.js`, import.meta.url).pathname;

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
