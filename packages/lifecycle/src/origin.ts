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
 * own origin (same host and port as the request's `Host`), localhost by
 * another loopback name on the same port, or an allow-listed origin.
 */
// #region origin
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[] = [],
): boolean {
  if (origin === undefined) return true;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) or garbage
  }
  if (allowed.includes(from.origin)) return true;
  if (
    host === undefined ||
    (from.protocol !== "http:" && from.protocol !== "https:")
  ) {
    return false;
  }
  let to: URL;
  try {
    to = new URL(`${from.protocol}//${host}`);
  } catch {
    return false;
  }
  if (from.host === to.host) return true;
  return (
    from.port === to.port &&
    LOOPBACK_NAMES.has(from.hostname) &&
    LOOPBACK_NAMES.has(to.hostname)
  );
}
// #endregion origin
