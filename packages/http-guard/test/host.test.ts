import { describe, expect, it } from "vitest";
import {
  hostName,
  isAllowedHost,
  listensEverywhere,
  parseAllowedHosts,
} from "../src/index.js";

describe("isAllowedHost", () => {
  const defaults = parseAllowedHosts(undefined, "127.0.0.1");
  it.each([
    ["localhost on any port", "localhost:8001", true],
    ["127.0.0.1", "127.0.0.1:8002", true],
    ["[::1]", "[::1]:8001", true],
    ["no port", "localhost", true],
    ["upper case", "LOCALHOST:8001", true],
    ["a rebound name", "evil.example:8001", false],
    ["a subdomain of localhost", "evil.localhost:8001", false],
    ["a name ending like an allowed one", "evil127.0.0.1:8001", false],
    ["no Host at all", undefined, false],
    ["an empty Host", "", false],
    ["a user name", "localhost@evil.example", false],
    ["a path", "localhost/x", false],
    ["garbage", "http://[", false],
  ])("%s: %s", (_name, host, expected) => {
    expect(isAllowedHost(host, defaults)).toBe(expected);
  });

  it("adds the listen address, but not a wildcard one", () => {
    expect(
      isAllowedHost("192.168.1.20:8001", parseAllowedHosts("", "192.168.1.20")),
    ).toBe(true);
    expect(
      isAllowedHost("0.0.0.0:8001", parseAllowedHosts("", "0.0.0.0")),
    ).toBe(false);
    expect(
      isAllowedHost("[fe80::1]:8001", parseAllowedHosts("", "fe80::1")),
    ).toBe(true);
  });

  it("on loopback, answers to no other IP address than its own", () => {
    expect(isAllowedHost("192.168.1.20:8001", defaults)).toBe(false);
    expect(isAllowedHost("[fe80::1]:8001", defaults)).toBe(false);
  });

  it("reads ALLOWED_HOSTS: names, .suffixes and *", () => {
    const listed = parseAllowedHosts(" demo.test , .ngrok.app", "127.0.0.1");
    expect(isAllowedHost("demo.test:8001", listed)).toBe(true);
    expect(isAllowedHost("abc.ngrok.app", listed)).toBe(true);
    expect(isAllowedHost("ngrok.app", listed)).toBe(true);
    expect(isAllowedHost("evilngrok.app", listed)).toBe(false);
    expect(isAllowedHost("localhost:8001", listed)).toBe(true);
    expect(
      isAllowedHost("anything:1", parseAllowedHosts("*", "127.0.0.1")),
    ).toBe(true);
  });

  it.each(["http://demo.test", "demo.test:8001", "demo.test/x", "a b"])(
    "explains a bad entry: %s",
    (entry) => {
      expect(() => parseAllowedHosts(entry, "127.0.0.1")).toThrow(
        `ALLOWED_HOSTS: "${entry}" is not a host name`,
      );
    },
  );
});

describe("isAllowedHost in LAN mode (listening on every interface)", () => {
  describe.each(["0.0.0.0", "::"])("HOST=%s", (listenHost) => {
    const lan = parseAllowedHosts(undefined, listenHost);
    it.each([
      ["the laptop's Wi-Fi address", "192.168.1.20:8001", true],
      ["an address without a port", "10.0.0.7", true],
      ["an IPv4 address written as one number", "3232235796:8001", true],
      ["an IPv6 address", "[fe80::1]:8001", true],
      ["localhost still", "localhost:8001", true],
      ["the unspecified IPv4 address", "0.0.0.0:8001", false],
      ["the unspecified IPv6 address", "[::]:8001", false],
      ["a name the attacker controls", "evil.example:8001", false],
      ["a name that looks like an address", "192.168.1.20.evil.example", false],
      ["the laptop's own name, not listed", "my-laptop.local:8001", false],
    ])("%s: %s", (_name, host, expected) => {
      expect(isAllowedHost(host, lan)).toBe(expected);
    });
  });

  it("names other than localhost still need ALLOWED_HOSTS", () => {
    const listed = parseAllowedHosts("my-laptop.local", "0.0.0.0");
    expect(isAllowedHost("my-laptop.local:8001", listed)).toBe(true);
    expect(isAllowedHost("evil.example:8001", listed)).toBe(false);
  });
});

describe("hostName", () => {
  it("drops the port and lower-cases", () => {
    expect(hostName("Demo.Test:8001")).toBe("demo.test");
    expect(hostName("[::1]:8001")).toBe("[::1]");
  });
  it("refuses a Host too long to be a name, before parsing it", () => {
    expect(hostName(`${"a".repeat(10_000)}:1`)).toBeUndefined();
  });
});

describe("listensEverywhere", () => {
  it.each([
    ["0.0.0.0", true],
    ["::", true],
    ["127.0.0.1", false],
  ])("%s", (host, expected) => {
    expect(listensEverywhere(host)).toBe(expected);
  });
});
