import { describe, expect, it } from "vitest";
import {
  clientIp,
  fromWs,
  normalizeIp,
  parseTrustProxy,
  trustNoProxy,
} from "../src/index.js";
import { FakeWs } from "./fakes.js";

type Case = {
  name: string;
  peer: string | undefined;
  forwardedFor?: string | string[];
  trust: string;
  expected: string;
};

const cases: Case[] = [
  {
    name: "direct peer, no header",
    peer: "203.0.113.7",
    trust: "",
    expected: "203.0.113.7",
  },
  {
    name: "spoofed header from an untrusted peer is ignored",
    peer: "203.0.113.7",
    forwardedFor: "1.2.3.4",
    trust: "",
    expected: "203.0.113.7",
  },
  {
    name: "spoofed header is ignored even when some other proxy is trusted",
    peer: "203.0.113.7",
    forwardedFor: "1.2.3.4",
    trust: "10.0.0.1",
    expected: "203.0.113.7",
  },
  {
    name: "one trusted proxy: its right-most entry is the client",
    peer: "127.0.0.1",
    forwardedFor: "198.51.100.9",
    trust: "loopback",
    expected: "198.51.100.9",
  },
  {
    name: "one trusted proxy: a client-written left entry does not win",
    peer: "127.0.0.1",
    forwardedFor: "6.6.6.6, 198.51.100.9",
    trust: "loopback",
    expected: "198.51.100.9",
  },
  {
    name: "two trusted proxies: walk past both",
    peer: "10.0.0.1",
    forwardedFor: "6.6.6.6, 198.51.100.9, 10.0.0.2",
    trust: "10.0.0.0/8",
    expected: "198.51.100.9",
  },
  {
    name: "a list of proxies, by address",
    peer: "127.0.0.2",
    forwardedFor: "198.51.100.9, 127.0.0.3",
    trust: "127.0.0.2, 127.0.0.3",
    expected: "198.51.100.9",
  },
  {
    name: "every entry trusted: the left-most is the client",
    peer: "10.0.0.1",
    forwardedFor: "10.0.0.3, 10.0.0.2",
    trust: "10.0.0.0/8",
    expected: "10.0.0.3",
  },
  {
    name: "hop count: trust one hop only",
    peer: "10.0.0.1",
    forwardedFor: "6.6.6.6, 198.51.100.9",
    trust: "1",
    expected: "198.51.100.9",
  },
  {
    name: "IPv6 peer",
    peer: "2001:db8::1",
    trust: "",
    expected: "2001:db8::1",
  },
  {
    name: "IPv4-mapped peer reads as IPv4",
    peer: "::ffff:127.0.0.1",
    trust: "",
    expected: "127.0.0.1",
  },
  {
    name: "IPv4-mapped peer matches an IPv4 trust rule",
    peer: "::ffff:127.0.0.1",
    forwardedFor: "198.51.100.9",
    trust: "127.0.0.1",
    expected: "198.51.100.9",
  },
  {
    name: "IPv6 proxy and IPv6 client",
    peer: "::1",
    forwardedFor: "2001:db8::7",
    trust: "loopback",
    expected: "2001:db8::7",
  },
  {
    name: "IPv4-mapped client in the header reads as IPv4",
    peer: "127.0.0.1",
    forwardedFor: "::ffff:198.51.100.9",
    trust: "loopback",
    expected: "198.51.100.9",
  },
  {
    name: "empty header",
    peer: "127.0.0.1",
    forwardedFor: "",
    trust: "loopback",
    expected: "127.0.0.1",
  },
  {
    name: "garbage header from a trusted proxy falls back to the proxy",
    peer: "127.0.0.1",
    forwardedFor: "not-an-ip",
    trust: "loopback",
    expected: "127.0.0.1",
  },
  {
    name: "commas and spaces only",
    peer: "127.0.0.1",
    forwardedFor: " , ,, ",
    trust: "loopback",
    expected: "127.0.0.1",
  },
  {
    name: "repeated header lines are read as one list",
    peer: "127.0.0.1",
    forwardedFor: ["6.6.6.6", "198.51.100.9"],
    trust: "loopback",
    expected: "198.51.100.9",
  },
  {
    name: "a 10 000-entry header does not throw",
    peer: "127.0.0.1",
    forwardedFor: Array.from({ length: 10_000 }, () => "127.0.0.1").join(","),
    trust: "loopback",
    expected: "127.0.0.1",
  },
  {
    name: "socket already gone",
    peer: undefined,
    trust: "",
    expected: "unknown",
  },
];

describe("clientIp", () => {
  it.each(cases)("$name", ({ peer, forwardedFor, trust, expected }) => {
    // Through the ws adapter, as a server sees it: headers as Node parsed them.
    const headers =
      forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor };
    const connection = fromWs(new FakeWs(), {
      headers,
      socket: { remoteAddress: peer },
    });
    const ip = clientIp(connection, parseTrustProxy(trust));
    expect(ip).toBe(expected);
  });
});

describe("parseTrustProxy", () => {
  it.each([undefined, "", "  ", "false", "none", "0"])(
    "trusts nobody for %j",
    (setting) => {
      const trust = parseTrustProxy(setting);
      expect(trust("127.0.0.1", 0)).toBe(false);
    },
  );

  it("refuses `true` and says what to write instead", () => {
    expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY=loopback/);
  });

  it("names the bad entry and the accepted forms", () => {
    expect(() => parseTrustProxy("loopback, banana")).toThrow(
      /TRUST_PROXY="loopback, banana" is not valid.*banana.*loopback, linklocal, uniquelocal/,
    );
  });

  it("accepts presets, addresses and CIDR ranges together", () => {
    const trust = parseTrustProxy("loopback, 10.0.0.0/8, 192.0.2.5");
    expect(trust("127.0.0.1", 0)).toBe(true);
    expect(trust("10.9.9.9", 0)).toBe(true);
    expect(trust("192.0.2.5", 0)).toBe(true);
    expect(trust("192.0.2.6", 0)).toBe(false);
  });

  it("trustNoProxy trusts nobody", () => {
    expect(trustNoProxy("127.0.0.1", 0)).toBe(false);
  });
});

describe("normalizeIp", () => {
  it.each([
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    ["1.2.3.4", "1.2.3.4"],
    ["::1", "::1"],
    ["::ffff:abcd", "::ffff:abcd"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeIp(input)).toBe(expected);
  });
});
