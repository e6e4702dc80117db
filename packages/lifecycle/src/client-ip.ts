import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/**
 * Decides whether the address at `hop` (0 = the TCP peer, 1 = the
 * right-most X-Forwarded-For entry, ...) is a proxy we trust to have
 * written the header truthfully.
 */
export type TrustProxy = (address: string, hop: number) => boolean;

/** Trust no proxy: the client IP is always the TCP peer. The default. */
export const trustNoProxy: TrustProxy = () => false;

const PRESETS = "loopback, linklocal, uniquelocal";

/**
 * Reads a trust setting such as the `TRUST_PROXY` environment variable:
 * empty or `false` trusts nobody; a whole number trusts that many hops;
 * otherwise a comma-separated list of addresses, CIDR ranges and presets
 * (`loopback`, `linklocal`, `uniquelocal`). Throws a message that says
 * how to fix a bad setting.
 */
export function parseTrustProxy(setting: string | undefined): TrustProxy {
  const value = (setting ?? "").trim();
  if (value === "" || value === "false" || value === "none") {
    return trustNoProxy;
  }
  if (value === "true") {
    throw new Error(
      "TRUST_PROXY=true would trust every peer, so any client could pick its own IP with X-Forwarded-For. " +
        `List your proxies instead, e.g. TRUST_PROXY=loopback or TRUST_PROXY=10.0.0.0/8 (presets: ${PRESETS}).`,
    );
  }
  if (/^\d+$/.test(value)) {
    // Express's hop-count form: trust the first n hops from the server.
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  try {
    return proxyAddr.compile(entries);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `TRUST_PROXY="${value}" is not valid (${why}). ` +
        `Use addresses, CIDR ranges or presets (${PRESETS}), separated by commas.`,
      { cause: error },
    );
  }
}

/** What clientIp needs to know about a connection. */
export interface ClientIpSource {
  readonly remoteAddress: string | undefined;
  /** The X-Forwarded-For header as received, if any. */
  readonly forwardedFor: string | undefined;
}

/** Writes an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) as plain IPv4. */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * The client's IP: the TCP peer, unless the peer is a trusted proxy; then
 * X-Forwarded-For is walked from the right and the first address that is
 * not itself trusted wins (Express's rule, via `proxy-addr`). Never throws.
 */
// #region client-ip
export function clientIp(source: ClientIpSource, trust: TrustProxy): string {
  const peer = source.remoteAddress;
  if (peer === undefined) return "unknown"; // the socket is already gone
  const { forwardedFor } = source;
  const request = {
    headers:
      forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    socket: { remoteAddress: peer },
  } as unknown as IncomingMessage;
  const chain = proxyAddr.all(request, trust);
  // chain = [peer, then header entries right to left], cut after the first
  // untrusted one. A garbage entry is not an address: fall back to the
  // nearest hop that is, which is the proxy that passed the garbage on.
  for (let i = chain.length - 1; i >= 0; i--) {
    const candidate = normalizeIp(chain[i] ?? "");
    if (isIP(candidate) !== 0) return candidate;
  }
  return normalizeIp(peer);
}
// #endregion client-ip
