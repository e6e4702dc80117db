// What a hostile case expects, and what it saw, in the same words.
import type { HostileCapabilities, RefusalReason } from "./targets.js";

/** What the suite observed after a case sent its input. */
export type Outcome =
  /** An HTTP status (a refused handshake, a 413, a 431...). */
  | { readonly status: number }
  /** The TCP connection ended without any HTTP answer. */
  | { readonly noAnswer: "closed" | "reset" | "timeout" }
  /** The WebSocket's TCP connection ended without a close frame. */
  | "cut"
  /** A WebSocket close frame with this code (1005: an empty one). */
  | { readonly close: number }
  /** The app ended the session (Socket.IO: close packet, or an empty close frame). */
  | "closed"
  /** An answer on the same connection, which stays open (e.g. CONNECT_ERROR). */
  | { readonly answer: string }
  /** The connection stays open and still works; nothing was answered. */
  | "ignored"
  /** The welcome arrived, saying this client IP. */
  | { readonly welcomeIp: string }
  /** A load case: the server went on serving throughout. */
  | "served"
  /** A shutdown case: how the process ended. */
  | { readonly exit: number | null; readonly ms: number };

/** What a case expects: an outcome, or a refusal whose status the target declares. */
export type Expected =
  | Exclude<Outcome, { readonly answer: string } | { readonly exit: unknown }>
  | { readonly answer: RegExp }
  | { readonly refused: RefusalReason }
  /** Any of these HTTP statuses: where Node versions answer differently, each cleanly. */
  | { readonly statusIn: readonly number[] }
  /** Exit code 0 within `withinMs` of the signal (the promise: 2 s). */
  | { readonly exit: 0; readonly withinMs: number };

/** The expectation in concrete terms for one target. */
export function resolveExpected(
  expected: Expected,
  capabilities: HostileCapabilities,
): Expected {
  if (typeof expected === "object" && "refused" in expected)
    return { status: capabilities.refusedUpgrade[expected.refused] };
  return expected;
}

/** One line for a test name: "HTTP 403", "close 1002", "ignored"... */
export function describeExpected(expected: Expected): string {
  if (typeof expected === "string") return expected;
  if ("status" in expected) return `HTTP ${expected.status}`;
  if ("statusIn" in expected) return `HTTP ${expected.statusIn.join(" or ")}`;
  if ("refused" in expected) return `refused (${expected.refused})`;
  if ("close" in expected) return `close ${expected.close}`;
  if ("answer" in expected) return `answer ${String(expected.answer)}`;
  if ("welcomeIp" in expected) return `welcome.ip ${expected.welcomeIp}`;
  if ("noAnswer" in expected) return `no answer (${expected.noAnswer})`;
  return `exit 0 within ${expected.withinMs} ms`;
}

/** Whether what was seen is what was expected (after resolveExpected). */
export function matches(expected: Expected, seen: Outcome): boolean {
  if (typeof expected === "string") return seen === expected;
  if (typeof seen === "string") return false;
  if ("answer" in expected)
    return "answer" in seen && expected.answer.test(seen.answer);
  if ("statusIn" in expected)
    return "status" in seen && expected.statusIn.includes(seen.status);
  if ("exit" in expected)
    return (
      "exit" in seen &&
      seen.exit === expected.exit &&
      seen.ms < expected.withinMs
    );
  return JSON.stringify(expected) === JSON.stringify(seen);
}
