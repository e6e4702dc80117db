// Hostile rows, class "x-forwarded-for": the client-IP rule under spoofed,
// long, empty and malformed X-Forwarded-For headers, from the trusted proxy
// and from a peer that is not one. Only the trusted proxy may name another
// address, and only a real one.
import { TRUSTED_PROXY, UNTRUSTED_PEER } from "../../contract-settings.js";
import type { HostileCase } from "./row.js";

const xff = (
  name: string,
  from: string,
  header: string,
  expectedIp: string,
): HostileCase => ({
  name: `X-Forwarded-For ${name}, from ${from === TRUSTED_PROXY ? "the trusted proxy" : "an untrusted peer"}`,
  class: "x-forwarded-for",
  expect: { welcomeIp: expectedIp },
  send: (c) =>
    c.welcome({ localAddress: from, headers: { "X-Forwarded-For": header } }),
});
const LONG_CHAIN = `${"10.9.8.7, ".repeat(1000)}203.0.113.66`; // ~10 KB
export const forwardedFor: HostileCase[] = [
  xff("spoofed", UNTRUSTED_PEER, "203.0.113.66", UNTRUSTED_PEER),
  xff("spoofed", TRUSTED_PROXY, "203.0.113.66", "203.0.113.66"),
  xff(
    "with several hops",
    UNTRUSTED_PEER,
    "198.51.100.1, 203.0.113.66",
    UNTRUSTED_PEER,
  ),
  // Right to left: 127.0.0.2 is trusted, 203.0.113.66 is the first that is not.
  xff(
    "with several hops",
    TRUSTED_PROXY,
    "198.51.100.1, 203.0.113.66, 127.0.0.2",
    "203.0.113.66",
  ),
  // Not an address: the nearest hop that is one, the proxy (client-ip.ts).
  xff(
    "of garbage",
    TRUSTED_PROXY,
    "not-an-ip, <script>alert(1)</script>",
    TRUSTED_PROXY,
  ),
  xff(
    "of garbage",
    UNTRUSTED_PEER,
    "not-an-ip, <script>alert(1)</script>",
    UNTRUSTED_PEER,
  ),
  xff("empty", TRUSTED_PROXY, "", TRUSTED_PROXY),
  xff("IPv6", TRUSTED_PROXY, "2001:db8::1", "2001:db8::1"),
  xff("IPv4-mapped IPv6", TRUSTED_PROXY, "::ffff:203.0.113.9", "203.0.113.9"),
  xff("10 KB long", TRUSTED_PROXY, LONG_CHAIN, "203.0.113.66"),
  xff("10 KB long", UNTRUSTED_PEER, LONG_CHAIN, UNTRUSTED_PEER),
  {
    name: `X-Forwarded-For from ${TRUSTED_PROXY} on an app started without TRUST_PROXY`,
    class: "x-forwarded-for",
    expect: { welcomeIp: TRUSTED_PROXY },
    async send(c) {
      const untrusting = await c.spawn({});
      try {
        const client = await c.target.driver.connect(untrusting, {
          localAddress: TRUSTED_PROXY,
          headers: { "X-Forwarded-For": "203.0.113.66" },
        });
        await client.close();
        return { welcomeIp: client.welcome.ip };
      } finally {
        await untrusting.stop();
      }
    },
  },
];
