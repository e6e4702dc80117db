import type { IncomingHttpHeaders } from "node:http";
import type { TrustProxy } from "@repo/lifecycle";
import { quoteText } from "./describe.js";
import {
  hostName,
  isAllowedHost,
  isIpAddress,
  type AllowedHosts,
} from "./host.js";
import { isAllowedOrigin } from "./origin.js";

/** What the guard reads of a request: the same for plain HTTP and upgrades. */
export interface GuardedRequest {
  readonly headers: IncomingHttpHeaders;
  /**
   * Every header line as received, names and values in turn, as Node's
   * IncomingMessage has them. Read instead of `headersDistinct`, which
   * Node builds on first access and caches on the request: engine.io
   * keeps a WebSocket's upgrade request for the connection's life, and
   * that cache cost Socket.IO 2 KB per connection.
   */
  readonly rawHeaders?: readonly string[];
  readonly socket: {
    readonly remoteAddress?: string | undefined;
    /** Set on TLS sockets (`tls.TLSSocket`). */
    readonly encrypted?: boolean;
  };
}

/** The rules a server applies to every request it serves. */
export interface GuardRules {
  readonly allowedHosts: AllowedHosts;
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: TrustProxy;
}

/** Why a request is refused: what the client is told, and one bounded log line. */
export interface Refusal {
  readonly status: 400 | 403;
  /** The response body: short, and tells a developer what is wrong. */
  readonly message: string;
  /** For the server's log; client text in it is quoted and cut. */
  readonly log: string;
}

/**
 * The Host rule, for every request: a request without Host is malformed
 * (400); one for a name the server does not answer to is refused (403),
 * which stops DNS rebinding. Returns undefined when the request may go on.
 */
export function refuseHost(
  request: GuardedRequest,
  rules: GuardRules,
): Refusal | undefined {
  const host = request.headers.host;
  if (host === undefined || host === "") {
    return {
      status: 400,
      message: "A Host header is required.",
      log: "refused a request without a Host header",
    };
  }
  // Node keeps the first of two Host lines and drops the other: a proxy
  // that reads the last one would see another request than we do (RFC
  // 9112 says 400).
  if (hostLines(request.rawHeaders) > 1) {
    return {
      status: 400,
      message: "One Host header, please.",
      log: "refused a request with more than one Host header",
    };
  }
  if (isAllowedHost(host, rules.allowedHosts)) return undefined;
  // An address here means another machine opened a server that listens
  // on one interface only: LAN mode is the usual answer, not a list.
  const name = hostName(host);
  const toAllow =
    name !== undefined && isIpAddress(name)
      ? "to serve any address, listen on every interface (HOST=0.0.0.0), or add it to ALLOWED_HOSTS"
      : "to allow it, add its name to ALLOWED_HOSTS";
  return {
    status: 403,
    message: "This server does not answer to that host name.",
    log: `refused a request for host ${quoteText(host, 100)}: not an allowed host (${toAllow})`,
  };
}

/**
 * The Host rule, then the Origin rule: for WebSocket handshakes and every
 * Socket.IO request, which a page on another site could otherwise make
 * with its visitor's cookies.
 */
// #region guard
export function refuseHandshake(
  request: GuardedRequest,
  rules: GuardRules,
): Refusal | undefined {
  const byHost = refuseHost(request, rules);
  if (byHost) return byHost;
  const origin = request.headers.origin;
  const scheme = pageScheme(request, rules.trustProxy);
  if (
    isAllowedOrigin(origin, request.headers.host, rules.allowedOrigins, scheme)
  ) {
    return undefined;
  }
  return {
    status: 403,
    message: "Origin not allowed.",
    log:
      `refused a request from origin ${quoteText(origin ?? "", 100)}: ` +
      `not the origin of this server's page, ${quoteText(`${scheme}//${request.headers.host ?? ""}`, 120)} ` +
      "(to allow another page, add its origin to ALLOWED_ORIGINS)",
  };
}
// #endregion guard

/**
 * The scheme the page was served over: https on a TLS socket; behind a
 * trusted proxy, what its `X-Forwarded-Proto` says (its first value, as
 * Express reads it); http otherwise.
 */
export function pageScheme(
  request: GuardedRequest,
  trustProxy: TrustProxy,
): "http:" | "https:" {
  if (request.socket.encrypted) return "https:";
  const peer = request.socket.remoteAddress;
  const forwarded = request.headers["x-forwarded-proto"];
  if (peer === undefined || typeof forwarded !== "string") return "http:";
  if (!trustProxy(peer, 0)) return "http:";
  const first = forwarded.split(",", 1)[0]?.trim().toLowerCase();
  return first === "https" ? "https:" : "http:";
}

/** How many Host lines a request carried (1 when the raw lines are not known). */
function hostLines(rawHeaders: readonly string[] | undefined): number {
  if (!rawHeaders) return 1;
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === "host") count += 1;
  }
  return count;
}
