import { isIP } from "node:net";

/**
 * DNS rebinding: a page on `http://evil.example:8001` whose name the
 * attacker then points at 127.0.0.1 is, for the browser, same-origin with
 * itself, so it sends `Host: evil.example:8001` and a matching Origin, and
 * can read every answer. The Origin check cannot see it; only the Host
 * header tells that the page was not loaded by a name of ours. So every
 * request is served only for the names we answer to (the rule the Vite
 * and webpack dev servers adopted after the same class of report).
 *
 * IP addresses are not names: a rebinding attack needs a name the
 * attacker controls, to point it at us after the page has loaded. So a
 * server that listens on every interface (LAN mode, HOST=0.0.0.0) also
 * answers to any IP literal, as Vite's `allowedHosts` does, and an
 * attendee can open `http://192.168.1.20:8001` without listing it.
 */

/** The host names a server answers to, from `ALLOWED_HOSTS` and its address. */
export interface AllowedHosts {
  /** Exact host names, lower case, IPv6 in brackets: `localhost`, `[::1]`. */
  readonly names: ReadonlySet<string>;
  /** `.example.com` entries: that name and every name under it. */
  readonly suffixes: readonly string[];
  /** `ALLOWED_HOSTS=*`: no Host check at all (DNS rebinding is then possible). */
  readonly any: boolean;
  /**
   * LAN mode (listening on 0.0.0.0 or ::): any IP address is served too,
   * except the unspecified 0.0.0.0 and [::], which name no machine.
   */
  readonly ipAddresses: boolean;
}

const ALWAYS = ["localhost", "127.0.0.1", "[::1]"];
const WILDCARD_ADDRESSES = new Set(["0.0.0.0", "::", "[::]"]);

/**
 * Reads `ALLOWED_HOSTS` (`demo.test, .ngrok.app, 192.168.1.20`) on top of
 * the defaults: localhost, 127.0.0.1, [::1] and the address the server
 * listens on. Ports are never part of it. Throws a message that names a
 * bad entry.
 */
export function parseAllowedHosts(
  setting: string | undefined,
  listenHost: string,
): AllowedHosts {
  const entries = (setting ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "");
  if (entries.includes("*")) {
    return { names: new Set(), suffixes: [], any: true, ipAddresses: true };
  }
  const names = new Set(ALWAYS);
  const listening = hostName(
    listenHost.includes(":") && !listenHost.startsWith("[")
      ? `[${listenHost}]`
      : listenHost,
  );
  if (listening !== undefined && !WILDCARD_ADDRESSES.has(listening)) {
    names.add(listening);
  }
  const suffixes: string[] = [];
  for (const entry of entries) {
    if (entry.startsWith(".") && hostName(entry.slice(1)) === entry.slice(1)) {
      suffixes.push(entry);
      continue;
    }
    const name = hostName(entry);
    if (name === undefined || name !== entry) {
      throw new Error(
        `ALLOWED_HOSTS: "${entry}" is not a host name; write names without scheme or port, ` +
          "e.g. ALLOWED_HOSTS=demo.test,192.168.1.20 (a leading dot, .example.com, allows every name under it; * allows any host)",
      );
    }
    names.add(name);
  }
  return {
    names,
    suffixes,
    any: false,
    ipAddresses: listensEverywhere(listenHost),
  };
}

/** Whether the server listens on every interface, where other names must be listed. */
export function listensEverywhere(listenHost: string): boolean {
  return WILDCARD_ADDRESSES.has(listenHost.trim());
}

/**
 * Whether a request's `Host` header names this server. A missing or
 * malformed Host is never allowed (HTTP/1.1 requires one).
 */
// #region allowed-host
export function isAllowedHost(
  host: string | undefined,
  allowed: AllowedHosts,
): boolean {
  if (allowed.any) return true;
  const name = host === undefined ? undefined : hostName(host);
  if (name === undefined) return false;
  return (
    allowed.names.has(name) ||
    (allowed.ipAddresses && isIpAddress(name)) ||
    allowed.suffixes.some(
      (suffix) => name.endsWith(suffix) || name === suffix.slice(1),
    )
  );
}
// #endregion allowed-host

/**
 * Whether a host name (as hostName gives it: IPv6 in brackets) is an IP
 * address of a machine, not a name and not the unspecified address.
 */
export function isIpAddress(name: string): boolean {
  if (WILDCARD_ADDRESSES.has(name)) return false;
  const bare = name.startsWith("[") ? name.slice(1, -1) : name;
  return isIP(bare) !== 0;
}

/**
 * The host name of a `Host` header value (`Evil.Example:8001` ->
 * `evil.example`, `[::1]:8001` -> `[::1]`), or undefined when it is not a
 * host[:port] at all (a path, a user name, a scheme...).
 */
export function hostName(host: string): string | undefined {
  // Bounded before the URL parser sees it: a real name is under 256.
  if (host.length === 0 || host.length > 300 || /[/?#@\\\s]/.test(host)) {
    return undefined;
  }
  try {
    const url = new URL(`http://${host}`);
    return url.hostname === "" ? undefined : url.hostname;
  } catch {
    return undefined;
  }
}
