/**
 * Browsers send `Origin` on every WebSocket handshake and let any page open
 * a socket to any server: without a check, a page on another site can talk
 * to yours with your user's cookies (cross-site WebSocket hijacking).
 */

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Reads a comma-separated allow-list such as `ALLOWED_ORIGINS`
 * (`https://example.com, http://localhost:5173`). Throws a message that
 * names a bad entry.
 */
export function parseAllowedOrigins(setting: string | undefined): string[] {
  return (setting ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const origin = URL.canParse(entry) ? new URL(entry).origin : "null";
      if (origin === "null") {
        // "localhost:5173" parses as a URL with the scheme "localhost:".
        throw new Error(
          `ALLOWED_ORIGINS: "${entry}" is not an origin; write it as scheme://host[:port], e.g. https://example.com`,
        );
      }
      return origin;
    });
}

/**
 * Whether a handshake may proceed: no `Origin` (not a browser), the page's
 * own origin (same scheme, host and port as the request: `scheme` is what
 * the page was served over, `host` its `Host` header), localhost by
 * another loopback name on the same scheme and port, or an allow-listed
 * origin. An Origin that is not in the exact form browsers send (a
 * duplicated header, a path, `null`) is refused.
 */
// #region origin
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[] = [],
  scheme: "http:" | "https:" = "http:",
): boolean {
  if (origin === undefined) return true;
  // Bounded before parsing: a real origin is well under 300 characters.
  if (origin.length > 300 || !URL.canParse(origin)) return false;
  const from = new URL(origin);
  // "null" (sandboxed frames, file://) and anything not sent by a browser.
  if (from.origin !== origin) return false;
  if (allowed.includes(from.origin)) return true;
  if (host === undefined || from.protocol !== scheme) return false;
  if (host.length > 300 || !URL.canParse(`${scheme}//${host}`)) return false;
  const to = new URL(`${scheme}//${host}`);
  if (from.host === to.host) return true;
  return (
    from.port === to.port &&
    LOOPBACK_NAMES.has(from.hostname) &&
    LOOPBACK_NAMES.has(to.hostname)
  );
}
// #endregion origin
