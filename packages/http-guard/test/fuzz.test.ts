// Property-based fuzzing of every function that takes what a client
// sends: whatever arrives, it returns (never throws) and its output stays
// bounded. FUZZ_RUNS inputs per property; failures shrink to the smallest
// input that breaks the property and print the seed to replay it.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { clientIp, parseTrustProxy } from "@repo/lifecycle";
import {
  describeValue,
  hostName,
  isAllowedHost,
  isAllowedOrigin,
  pageScheme,
  parseAllowedHosts,
  quoteText,
  refuseHandshake,
} from "../src/index.js";

export const FUZZ_RUNS = 1000;
const runs = { numRuns: FUZZ_RUNS };

/** Any text, lone surrogates and control characters included. */
const anyText = fc.string({ unit: "binary", maxLength: 2000 });
/** Text shaped like what the header may hold, and sometimes nothing like it. */
const headerish = fc.oneof(
  anyText,
  fc.webUrl().map((url) => new URL(url).origin),
  fc.domain().map((name) => `${name}:8001`),
  fc.ipV4().map((ip) => `${ip}:8001`),
  fc.ipV6().map((ip) => `[${ip}]:8001`),
  fc.constantFrom("null", "http://[", "//", "//@", "::::", ""),
);
/** Values as JSON.parse or socket.io-parser hand them over, nested deep. */
const clientValue = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.anything({ maxDepth: 4, withTypedArray: true, withNullPrototype: true }),
  fc
    .integer({ min: 1, max: 50_000 })
    .map(
      (depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown,
    ),
);

const rules = {
  allowedHosts: parseAllowedHosts("demo.test,.example.org", "127.0.0.1"),
  allowedOrigins: ["https://app.example"],
  trustProxy: parseTrustProxy("loopback"),
};

/** No raw newline or control character: one value, one log line. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;

describe("fuzz: describing client data", () => {
  test.prop([clientValue, fc.integer({ min: 1, max: 400 })], runs)(
    "describeValue returns one line of at most maxLength characters",
    (value, maxLength) => {
      const line = describeValue(value, { maxLength });
      expect(line.length).toBeLessThanOrEqual(maxLength);
      expect(line).toMatch(ONE_LINE);
    },
  );

  test.prop([anyText, fc.integer({ min: 1, max: 400 })], runs)(
    "quoteText returns one line of at most maxLength characters",
    (text, maxLength) => {
      const line = quoteText(text, maxLength);
      expect(line.length).toBeLessThanOrEqual(maxLength);
      expect(line).toMatch(ONE_LINE);
    },
  );
});

describe("fuzz: the request rules", () => {
  test.prop(
    [
      fc.option(headerish, { nil: undefined }),
      fc.option(headerish, { nil: undefined }),
    ],
    runs,
  )("isAllowedOrigin and isAllowedHost answer a boolean", (origin, host) => {
    expect(typeof isAllowedOrigin(origin, host, rules.allowedOrigins)).toBe(
      "boolean",
    );
    expect(typeof isAllowedHost(host, rules.allowedHosts)).toBe("boolean");
    const name = host === undefined ? undefined : hostName(host);
    if (name !== undefined) expect(name.length).toBeLessThanOrEqual(300);
  });

  test.prop(
    [
      fc.record(
        {
          host: headerish,
          origin: headerish,
          "x-forwarded-proto": fc.oneof(
            anyText,
            fc.constantFrom("https", "http, https"),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.oneof(fc.ipV4(), fc.ipV6(), fc.constant("127.0.0.1")),
    ],
    runs,
  )(
    "refuseHandshake refuses with 400/403 and a bounded line, or lets through",
    (headers, peer) => {
      const request = { headers, socket: { remoteAddress: peer } };
      const refusal = refuseHandshake(request, rules);
      if (refusal) {
        expect([400, 403]).toContain(refusal.status);
        expect(refusal.log.length).toBeLessThan(400);
        expect(refusal.log).toMatch(ONE_LINE);
      }
      expect(["http:", "https:"]).toContain(
        pageScheme(request, rules.trustProxy),
      );
    },
  );

  test.prop(
    [
      fc.option(fc.oneof(fc.ipV4(), fc.ipV6(), anyText), { nil: undefined }),
      fc.option(
        fc.oneof(
          anyText,
          fc
            .array(fc.oneof(fc.ipV4(), fc.ipV6(), anyText), { maxLength: 50 })
            .map((hops) => hops.join(", ")),
        ),
        { nil: undefined },
      ),
    ],
    runs,
  )(
    "clientIp returns an address or 'unknown', never the header's garbage",
    (peer, forwardedFor) => {
      const ip = clientIp(
        { remoteAddress: peer, forwardedFor },
        rules.trustProxy,
      );
      expect(typeof ip).toBe("string");
      if (peer !== undefined && forwardedFor !== undefined && ip !== peer) {
        expect(forwardedFor).toContain(ip);
      }
    },
  );
});
