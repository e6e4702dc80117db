import { describe, expect, it } from "vitest";
import { isAllowedOrigin, parseAllowedOrigins } from "../src/index.js";

describe("isAllowedOrigin", () => {
  it.each([
    ["no Origin: not a browser", undefined, "127.0.0.1:8001", [], true],
    [
      "the page's own origin",
      "http://127.0.0.1:8001",
      "127.0.0.1:8001",
      [],
      true,
    ],
    ["own origin by name", "http://demo.test:8001", "demo.test:8001", [], true],
    [
      "localhost for 127.0.0.1, same port",
      "http://localhost:8001",
      "127.0.0.1:8001",
      [],
      true,
    ],
    [
      "[::1] for localhost, same port",
      "http://[::1]:8001",
      "localhost:8001",
      [],
      true,
    ],
    [
      "localhost on another port",
      "http://localhost:5173",
      "localhost:8001",
      [],
      false,
    ],
    ["another site", "https://evil.example", "127.0.0.1:8001", [], false],
    [
      "another site posing as a subdomain",
      "http://127.0.0.1.evil.example:8001",
      "127.0.0.1:8001",
      [],
      false,
    ],
    [
      "an allow-listed origin",
      "https://app.example",
      "127.0.0.1:8001",
      ["https://app.example"],
      true,
    ],
    ["the literal null origin", "null", "127.0.0.1:8001", [], false],
    ["garbage", "::::", "127.0.0.1:8001", [], false],
    ["no Host header", "http://127.0.0.1:8001", undefined, [], false],
    ["a file: page", "file://", "127.0.0.1:8001", [], false],
    [
      "https for a page served over http",
      "https://127.0.0.1:8001",
      "127.0.0.1:8001",
      [],
      false,
    ],
    [
      "a path after the origin",
      "http://127.0.0.1:8001/x",
      "127.0.0.1:8001",
      [],
      false,
    ],
    [
      "two origins in one header",
      "http://127.0.0.1:8001, https://evil.example",
      "127.0.0.1:8001",
      [],
      false,
    ],
  ] as const)("%s", (_name, origin, host, allowed, expected) => {
    expect(isAllowedOrigin(origin, host, allowed)).toBe(expected);
  });

  it("compares the scheme with the page's", () => {
    expect(
      isAllowedOrigin("https://demo.test", "demo.test", [], "https:"),
    ).toBe(true);
    expect(isAllowedOrigin("http://demo.test", "demo.test", [], "https:")).toBe(
      false,
    );
  });
});

describe("parseAllowedOrigins", () => {
  it("reads a comma-separated list into origins", () => {
    expect(
      parseAllowedOrigins(" https://a.example/path , http://localhost:5173,"),
    ).toEqual(["https://a.example", "http://localhost:5173"]);
  });
  it("is empty when unset", () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
  });
  it.each(["example.com", "localhost:5173"])(
    "names a bad entry: %s",
    (entry) => {
      expect(() => parseAllowedOrigins(entry)).toThrow(
        `"${entry}" is not an origin`,
      );
    },
  );
});
