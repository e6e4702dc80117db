import type { IncomingMessage, ServerResponse } from "node:http";
import {
  refuseHandshake,
  refuseHost,
  type GuardedRequest,
  type Refusal,
} from "@repo/lifecycle";
import { LogBudget } from "./log-budget.js";
import type { Log } from "./log.js";
import type { Settings } from "./settings.js";

/** The request rules of one server, with a log a flood of refusals cannot fill. */
export interface Guard {
  /**
   * The Host rule for a plain HTTP request: answers a refused one itself
   * and returns false; returns true when the request may be served.
   */
  serveHttp(request: IncomingMessage, response: ServerResponse): boolean;
  /** The Host and Origin rules for a handshake: the refusal (logged), or undefined. */
  handshake(request: GuardedRequest): Refusal | undefined;
  /** Logs another refusal (a wrong path...) within the same budget. */
  logRefusal(line: string): void;
}

/** Applies the settings' ALLOWED_HOSTS, ALLOWED_ORIGINS and TRUST_PROXY. */
export function createGuard(settings: Settings, log: Log): Guard {
  const refusals = new LogBudget(log, {
    subject: "refusals",
    noun: "refused requests",
  });
  function logged(refusal: Refusal | undefined): Refusal | undefined {
    if (refusal) refusals.line(refusal.log);
    return refusal;
  }
  return {
    serveHttp(request, response) {
      const refusal = logged(refuseHost(request, settings));
      if (!refusal) return true;
      response.writeHead(refusal.status, {
        "Content-Type": "text/plain; charset=utf-8",
        Connection: "close",
      });
      response.end(refusal.message);
      return false;
    },
    handshake: (request) => logged(refuseHandshake(request, settings)),
    logRefusal: (line) => refusals.line(line),
  };
}
