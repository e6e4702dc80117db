/**
 * Whatever a client sends ends up in a log line sooner or later. Walking
 * it with JSON.stringify is the trap: 10 KB of `[[[[…]]]]` overflows the
 * stack, 64 KB of text makes a 64 KB log line, and a newline in a name
 * forges a second line. These helpers look at a bounded part of the value
 * only, so their time and output are bounded whatever arrives.
 */

/** How much of a client's value a description may show. */
export interface DescribeLimits {
  /** Characters of output at most (a trailing `…` says it was cut). */
  readonly maxLength?: number;
  /** Levels of arrays and objects shown; deeper ones become `[…]` / `{…}`. */
  readonly maxDepth?: number;
  /** Entries shown per array or object. */
  readonly maxEntries?: number;
}

const DEFAULT_MAX_LENGTH = 200;
const DEFAULT_MAX_DEPTH = 3;
const DEFAULT_MAX_ENTRIES = 8;

/**
 * A one-line, JSON-like description of any value a client sent, at most
 * `maxLength` characters. Never throws, never calls the value's own
 * methods (no toString, no toJSON, no getters).
 */
export function describeValue(
  value: unknown,
  limits: DescribeLimits = {},
): string {
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  const out = new BoundedText(maxLength);
  writeValue(
    out,
    value,
    limits.maxDepth ?? DEFAULT_MAX_DEPTH,
    limits.maxEntries ?? DEFAULT_MAX_ENTRIES,
  );
  return out.toString();
}

/**
 * A client's text as one quoted, escaped line of at most `maxLength`
 * characters: newlines and control characters cannot break the log.
 */
export function quoteText(
  text: string,
  maxLength = DEFAULT_MAX_LENGTH,
): string {
  const out = new BoundedText(maxLength);
  writeString(out, text);
  return out.toString();
}

/** Collects output up to a limit, then only remembers that it was cut. */
class BoundedText {
  private text = "";
  private cut = false;

  constructor(readonly maxLength: number) {}

  get full(): boolean {
    return this.cut;
  }

  write(piece: string): void {
    if (this.cut) return;
    const room = this.maxLength - 1 - this.text.length; // 1 for the `…`
    if (piece.length <= room) {
      this.text += piece;
    } else {
      this.text += piece.slice(0, Math.max(0, room));
      this.cut = true;
    }
  }

  toString(): string {
    return this.cut ? `${this.text}…` : this.text;
  }
}

function writeString(out: BoundedText, text: string): void {
  // Only what can still be shown is escaped: a 64 KB string costs what a
  // 200-character one does. A longer text is cut by write() anyway.
  out.write(
    JSON.stringify(text.slice(0, out.maxLength)).replace(
      INVISIBLE_CONTROLS,
      escapeCodeUnit,
    ),
  );
}

/**
 * What JSON.stringify leaves as it is but a terminal may act on: DEL and
 * the C1 controls (U+009B starts an escape sequence in some terminals),
 * line and paragraph separators, and the bidirectional overrides that can
 * make a line read differently from what it holds.
 */
const INVISIBLE_CONTROLS =
  /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeCodeUnit(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

function writeValue(
  out: BoundedText,
  value: unknown,
  depth: number,
  maxEntries: number,
): void {
  if (out.full) return;
  switch (typeof value) {
    case "string":
      writeString(out, value);
      return;
    case "number":
    case "boolean":
    case "bigint":
      out.write(String(value));
      return;
    case "undefined":
      out.write("undefined");
      return;
    case "symbol":
      out.write("[symbol]");
      return;
    case "function":
      out.write("[function]");
      return;
  }
  if (value === null) {
    out.write("null");
    return;
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    out.write(`<${value.byteLength} bytes>`);
    return;
  }
  if (Array.isArray(value)) {
    if (depth === 0) {
      out.write(value.length === 0 ? "[]" : "[…]");
      return;
    }
    out.write("[");
    const shown = Math.min(value.length, maxEntries);
    for (let i = 0; i < shown && !out.full; i++) {
      if (i > 0) out.write(", ");
      writeValue(out, value[i] as unknown, depth - 1, maxEntries);
    }
    if (value.length > shown) out.write(`, …${value.length - shown} more`);
    out.write("]");
    return;
  }
  writeObject(out, value as object, depth, maxEntries);
}

function writeObject(
  out: BoundedText,
  value: object,
  depth: number,
  maxEntries: number,
): void {
  if (depth === 0) {
    out.write("{…}");
    return;
  }
  out.write("{");
  let shown = 0;
  let more = false;
  // for-in stops early; Object.keys would list every key of a huge object.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (shown === maxEntries || out.full) {
      more = true;
      break;
    }
    if (shown > 0) out.write(", ");
    writeString(out, key);
    out.write(": ");
    // A plain data property is read as it is; an accessor is not called.
    const property = Object.getOwnPropertyDescriptor(value, key);
    if (property && "value" in property) {
      writeValue(out, property.value, depth - 1, maxEntries);
    } else {
      out.write("[accessor]");
    }
    shown += 1;
  }
  if (more) out.write(", …");
  out.write("}");
}
