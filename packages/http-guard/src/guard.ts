import type {
  IncomingMessage,
  RequestListener,
  Server,
  ServerResponse,
} from "node:http";
import {
  refuseHandshake,
  refuseHost,
  type GuardedRequest,
  type GuardRules,
  type Refusal,
} from "./request-guard.js";

/** The request rules of one server, and where its refusals are logged. */
export interface Guard {
  /**
   * The Host rule for a plain HTTP request: answers a refused one itself
   * and returns false; returns true when the request may be served.
   */
  serveHttp(request: IncomingMessage, response: ServerResponse): boolean;
  /** The Host and Origin rules for a handshake: the refusal (logged), or undefined. */
  handshake(request: GuardedRequest): Refusal | undefined;
  /** Logs another refusal (a wrong path...) the same way. */
  logRefusal(line: string): void;
}

/**
 * Applies ALLOWED_HOSTS, ALLOWED_ORIGINS and TRUST_PROXY. `logRefusal`
 * gets one line per refusal: give it a log a flood of refusals cannot
 * fill (demo-kit's LogBudget), since anyone can send a bad request.
 */
export function createGuard(
  rules: GuardRules,
  logRefusal: (line: string) => void,
): Guard {
  function logged(refusal: Refusal | undefined): Refusal | undefined {
    if (refusal) logRefusal(refusal.log);
    return refusal;
  }
  return {
    serveHttp(request, response) {
      const refusal = logged(refuseHost(request, rules));
      if (!refusal) return true;
      response.writeHead(refusal.status, {
        "Content-Type": "text/plain; charset=utf-8",
        Connection: "close",
      });
      response.end(refusal.message);
      return false;
    },
    handshake: (request) => logged(refuseHandshake(request, rules)),
    logRefusal,
  };
}

// #region every-request
/**
 * Puts the Host rule in front of every HTTP request, whoever answers it:
 * Express, Socket.IO's client script, or engine.io's polling. Done the
 * way Socket.IO attaches itself: take the request listeners already on
 * the server, put one in their place that calls them once the request
 * passed. So call it last, once every library that answers requests is
 * attached: a listener added after it would run unguarded.
 */
export function guardEveryRequest(server: Server, guard: Guard): void {
  const answer = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (!guard.serveHttp(request, response)) return;
    for (const listener of answer) listener.call(server, request, response);
  });
}
// #endregion every-request
