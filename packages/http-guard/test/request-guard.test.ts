import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "@repo/lifecycle";
import {
  pageScheme,
  parseAllowedHosts,
  refuseHandshake,
  refuseHost,
  type GuardRules,
} from "../src/index.js";

const rules: GuardRules = {
  allowedHosts: parseAllowedHosts(undefined, "127.0.0.1"),
  allowedOrigins: [],
  trustProxy: parseTrustProxy("127.0.0.2"),
};

function request(
  headers: Record<string, string>,
  remoteAddress = "127.0.0.1",
  encrypted = false,
) {
  return { headers, socket: { remoteAddress, encrypted } };
}

describe("refuseHost", () => {
  it("serves a request for localhost", () => {
    expect(
      refuseHost(request({ host: "localhost:8001" }), rules),
    ).toBeUndefined();
  });
  it("answers 400 to a request without Host", () => {
    expect(refuseHost(request({}), rules)?.status).toBe(400);
  });
  it("answers 400 to two Host headers (Node would keep only the first)", () => {
    const twoHosts = {
      ...request({ host: "localhost:8001" }),
      rawHeaders: ["Host", "localhost:8001", "host", "evil.example:8001"],
    };
    expect(refuseHost(twoHosts, rules)?.status).toBe(400);
  });
  it("answers 403 to a rebound name, and says which setting to change", () => {
    const refusal = refuseHost(request({ host: "evil.example:8001" }), rules);
    expect(refusal?.status).toBe(403);
    expect(refusal?.log).toBe(
      'refused a request for host "evil.example:8001": not an allowed host (to allow it, add its name to ALLOWED_HOSTS)',
    );
  });
  it("for an address, points at LAN mode first", () => {
    const refusal = refuseHost(request({ host: "192.168.1.20:8001" }), rules);
    expect(refusal?.status).toBe(403);
    expect(refusal?.log).toBe(
      'refused a request for host "192.168.1.20:8001": not an allowed host (to serve any address, listen on every interface (HOST=0.0.0.0), or add it to ALLOWED_HOSTS)',
    );
  });
  it("keeps the log line short whatever the Host holds", () => {
    const refusal = refuseHost(request({ host: "x".repeat(16_000) }), rules);
    expect(refusal?.log.length).toBeLessThan(250);
  });
});

describe("refuseHandshake", () => {
  const own = { host: "127.0.0.1:8001" };
  it.each([
    ["no Origin (not a browser)", {}, undefined],
    ["the page's own origin", { origin: "http://127.0.0.1:8001" }, undefined],
    [
      "https for a page served over http",
      { origin: "https://127.0.0.1:8001" },
      403,
    ],
    ["another site", { origin: "https://evil.example" }, 403],
    [
      "a duplicated Origin header, as Node joins it",
      { origin: "http://127.0.0.1:8001, https://evil.example" },
      403,
    ],
    ["Origin: null", { origin: "null" }, 403],
    ["an origin with a path", { origin: "http://127.0.0.1:8001/" }, 403],
  ] as const)("%s", (_name, extra, status) => {
    expect(refuseHandshake(request({ ...own, ...extra }), rules)?.status).toBe(
      status,
    );
  });

  it("refuses a rebound page by its Host before looking at the Origin", () => {
    const refusal = refuseHandshake(
      request({
        host: "evil.example:8001",
        origin: "http://evil.example:8001",
      }),
      rules,
    );
    expect(refusal?.status).toBe(403);
    expect(refusal?.log).toContain("ALLOWED_HOSTS");
  });

  it("accepts https behind a trusted proxy that says so", () => {
    const behindProxy = request(
      {
        ...own,
        origin: "https://127.0.0.1:8001",
        "x-forwarded-proto": "https",
      },
      "127.0.0.2",
    );
    expect(refuseHandshake(behindProxy, rules)).toBeUndefined();
  });
});

describe("pageScheme", () => {
  it.each([
    ["plain http", {}, "127.0.0.1", false, "http:"],
    ["a TLS socket", {}, "127.0.0.1", true, "https:"],
    [
      "X-Forwarded-Proto from a trusted proxy",
      { "x-forwarded-proto": "https" },
      "127.0.0.2",
      false,
      "https:",
    ],
    [
      "its first value, as Express reads it",
      { "x-forwarded-proto": "https, http" },
      "127.0.0.2",
      false,
      "https:",
    ],
    [
      "X-Forwarded-Proto from anyone else",
      { "x-forwarded-proto": "https" },
      "127.0.0.3",
      false,
      "http:",
    ],
  ] as const)("%s", (_name, headers, peer, encrypted, expected) => {
    expect(
      pageScheme(request(headers, peer, encrypted), rules.trustProxy),
    ).toBe(expected);
  });
});
