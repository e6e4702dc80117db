import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { lanAddresses, lanLines } from "../src/network-addresses.js";

const entry = (
  address: string,
  family: "IPv4" | "IPv6",
  internal = false,
): NetworkInterfaceInfo =>
  ({
    address,
    family,
    internal,
    netmask: "",
    mac: "00:00:00:00:00:00",
    cidr: null,
    ...(family === "IPv6" ? { scopeid: 0 } : {}),
  }) as NetworkInterfaceInfo;

describe("lanAddresses", () => {
  it("keeps one address per non-internal IPv4 interface", () => {
    expect(
      lanAddresses({
        lo: [entry("127.0.0.1", "IPv4", true), entry("::1", "IPv6", true)],
        wlan0: [entry("192.168.1.20", "IPv4"), entry("fe80::1", "IPv6")],
        eth0: [entry("10.0.0.7", "IPv4")],
        docker0: undefined,
      }),
    ).toEqual(["192.168.1.20", "10.0.0.7"]);
  });
});

describe("lanLines", () => {
  it("gives each address with lesson 2's room", () => {
    expect(lanLines("ws-demo", 8001, ["192.168.1.20"])).toEqual([
      "ws-demo Network: http://192.168.1.20:8001/ (Lesson 2's room: http://192.168.1.20:8001/rooms)",
    ]);
  });

  it("says what to do when the machine is on no network", () => {
    expect(lanLines("ws-demo", 8001, [])).toEqual([
      expect.stringContaining("join the Wi-Fi"),
    ]);
  });
});
