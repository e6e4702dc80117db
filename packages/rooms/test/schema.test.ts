import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { LIMITS, parseRequest, type RequestEvent } from "../src/index.js";

function check(event: RequestEvent, data: unknown) {
  const result = parseRequest(event, data);
  return result.ok ? "ok" : result.answer.message;
}

describe("the request schema, at and just past each edge", () => {
  it.each([
    ["room of 1 character", { room: "a", name: "ann" }, "ok"],
    ["room of 32 characters", { room: "a".repeat(32), name: "ann" }, "ok"],
    [
      "room of 33 characters",
      { room: "a".repeat(33), name: "ann" },
      /^room must be 1 to 32/,
    ],
    ["room starting with -", { room: "-a", name: "ann" }, /^room must be/],
    ["room in upper case", { room: "Lobby", name: "ann" }, /^room must be/],
    ["empty room", { room: "", name: "ann" }, /^room must be/],
    ["name of 24 code points", { room: "a", name: "😀".repeat(24) }, "ok"],
    [
      "name of 25 code points",
      { room: "a", name: "😀".repeat(25) },
      /^name must be 1 to 24/,
    ],
    ["name of spaces", { room: "a", name: "   " }, /^name must be 1 to 24/],
    [
      "name with a control character",
      { room: "a", name: "a\u0007" },
      "name must not contain control characters",
    ],
    ["name as a number", { room: "a", name: 5 }, "name must be a string"],
    ["no name", { room: "a" }, "name is missing"],
    [
      "after of 64 characters",
      { room: "a", name: "ann", after: "9".repeat(64) },
      "ok",
    ],
    [
      "after as a number",
      { room: "a", name: "ann", after: 3 },
      /^after must be a message id/,
    ],
    ["not an object", "lobby", "join needs an object: {room, name, after?}"],
    ["null", null, "join needs an object: {room, name, after?}"],
    ["an array", [], "join needs an object: {room, name, after?}"],
  ])("join: %s", (_name, data, expected) => {
    if (typeof expected === "string")
      expect(check("join", data)).toBe(expected);
    else expect(check("join", data)).toMatch(expected);
  });

  it.each([
    ["500 characters", "x".repeat(500), "ok"],
    ["501 characters", "x".repeat(501), /^text must be 1 to 500/],
    ["500 plus spaces around", `  ${"x".repeat(500)}  `, "ok"],
    ["64 KB", "x".repeat(65_536), /^text must be at most 500/],
  ])("say: text of %s", (_name, text, expected) => {
    if (typeof expected === "string")
      expect(check("say", { room: "a", text })).toBe(expected);
    else expect(check("say", { room: "a", text })).toMatch(expected);
  });

  it("trims names and texts", () => {
    expect(parseRequest("join", { room: "a", name: "  ann " })).toEqual({
      ok: true,
      value: { room: "a", name: "ann" },
    });
  });

  it("keeps only the fields it knows: a __proto__ key reaches nothing", () => {
    const data = JSON.parse(
      '{"room":"a","text":"hi","__proto__":{"admin":true}}',
    ) as unknown;
    const result = parseRequest("say", data);
    expect(result).toEqual({ ok: true, value: { room: "a", text: "hi" } });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("says what the limits are in the same numbers as LIMITS", () => {
    expect(check("say", { room: "a", text: "" })).toContain(
      String(LIMITS.maxTextLength),
    );
  });
});

describe("fuzz: parseRequest", () => {
  const anyData = fc.oneof(
    fc.anything({ maxDepth: 4 }),
    fc.record(
      {
        room: fc.anything(),
        name: fc.anything(),
        text: fc.anything(),
        after: fc.anything(),
      },
      { requiredKeys: [] },
    ),
    fc.integer({ min: 1, max: 20_000 }).map((depth) => ({
      room: JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown,
    })),
  );
  fcTest.prop(
    [fc.constantFrom<RequestEvent>("join", "leave", "say", "typing"), anyData],
    { numRuns: 500 },
  )(
    "answers ok or bad-request with a short sentence, never throws",
    (event, data) => {
      const result = parseRequest(event, data);
      if (!result.ok) {
        expect(result.answer.error).toBe("bad-request");
        expect(result.answer.message.length).toBeLessThan(200);
      }
    },
  );
});
