// Warnings about style: code that runs, but that a reader should not copy.
// Today one: an event handler that names no parameter and reads `event`,
// which is then the global window.event. Current browsers still set it, so
// the page works; it is deprecated, and the handler's input is implicit.
// verify prints these beside the checks and never fails on them.

import { messages } from "./messages.js";

/** One warning: the line (from 1) and what to do. */
export interface StyleWarning {
  readonly line: number;
  readonly message: string;
}

// `x.onmessage = () => {`, `x.onmessage = function () {`,
// `x.addEventListener("message", () => {`: a handler with no parameter.
const PARAMETERLESS_HANDLER =
  /(?:\.on\w+\s*=\s*|\.addEventListener\(\s*["'`]\w+["'`]\s*,\s*)(?:\(\s*\)\s*=>|function\s*\w*\s*\(\s*\))\s*\{/g;

/** The index of the `}` that closes the block opening at `open`. */
function closeOf(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "{") depth += 1;
    else if (source[i] === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return source.length;
}

/**
 * Handlers that name no parameter and read the global `event`, each with
 * `message` (verify passes the sentence in the run's language).
 */
export function globalEventWarnings(
  source: string,
  message = messages.en.globalEventWarning,
): StyleWarning[] {
  const handlers = [...source.matchAll(PARAMETERLESS_HANDLER)].map((match) => {
    const open = match.index + match[0].length - 1;
    return { start: match.index, open, close: closeOf(source, open) };
  });
  return handlers.flatMap((handler) => {
    // Its own code: the block without the handlers nested in it (those are
    // judged on their own, so window.onload is not blamed for onmessage).
    let own = "";
    let at = handler.open + 1;
    for (const inner of handlers) {
      if (inner.open <= handler.open || inner.close > handler.close) continue;
      if (inner.start < at) continue;
      own += source.slice(at, inner.start);
      at = inner.close + 1;
    }
    own += source.slice(at, handler.close);
    if (!/(?<![.\w])event\b/.test(own)) return [];
    return [
      {
        line: source.slice(0, handler.start).split("\n").length,
        message,
      },
    ];
  });
}
