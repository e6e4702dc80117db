import { describe, expect, it } from "vitest";
import { describeValue, quoteText } from "../src/index.js";

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("describeValue", () => {
  it.each([
    ["a string", "hi", '"hi"'],
    ["a number", 3, "3"],
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
    ["a flat object", { seq: 1, text: "x" }, '{"seq": 1, "text": "x"}'],
    ["an array", [1, "a", true], '[1, "a", true]'],
    ["bytes", Buffer.from([1, 2, 3]), "<3 bytes>"],
    ["an ArrayBuffer", new ArrayBuffer(8), "<8 bytes>"],
    ["a function", () => 1, "[function]"],
    [
      "depth past the limit",
      { a: { b: { c: { d: 1 } } } },
      '{"a": {"b": {"c": {…}}}}',
    ],
    [
      "many entries",
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      "[1, 2, 3, 4, 5, 6, 7, 8, …2 more]",
    ],
  ])("%s", (_name, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it("shows a __proto__ key as data, without touching the prototype", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    expect(describeValue(value)).toBe('{"__proto__": {"polluted": true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("describes 100 000 levels of nesting without overflowing the stack", () => {
    expect(describeValue(nested(100_000))).toBe("[[[[…]]]]");
  });

  it("never calls a getter, toString or toJSON", () => {
    const trap = {
      get secret(): string {
        throw new Error("getter called");
      },
      toString: () => {
        throw new Error("toString called");
      },
      toJSON: () => {
        throw new Error("toJSON called");
      },
    };
    expect(describeValue(trap)).toBe(
      '{"secret": [accessor], "toString": [function], "toJSON": [function]}',
    );
  });

  it("stops at maxLength with an ellipsis", () => {
    const line = describeValue({ text: "x".repeat(1000) }, { maxLength: 40 });
    expect(line).toHaveLength(40);
    expect(line.endsWith("…")).toBe(true);
  });

  it("lists only the first keys of an object with 100 000 of them", () => {
    const huge = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]),
    );
    expect(describeValue(huge)).toBe(
      '{"k0": 0, "k1": 1, "k2": 2, "k3": 3, "k4": 4, "k5": 5, "k6": 6, "k7": 7, …}',
    );
  });
});

describe("quoteText", () => {
  it("quotes and escapes, so a client cannot write a second log line", () => {
    expect(quoteText("a\nb\r\u001b[31m")).toBe('"a\\nb\\r\\u001b[31m"');
  });

  it("escapes what a terminal would act on but JSON leaves alone", () => {
    expect(quoteText("\u009b2J \u2028 \u202e")).toBe(
      '"\\u009b2J \\u2028 \\u202e"',
    );
  });

  it("cuts 64 KB to the limit", () => {
    expect(quoteText("q".repeat(65_536), 50)).toHaveLength(50);
  });
});
