// Where the compare tool's clients connect from, and the arithmetic that
// refuses a step the ephemeral ports cannot carry, before any server starts.
import { describe, expect, it } from "vitest";
import { CLIENTS_PER_WORKER } from "../src/bench/client-workers.js";
import {
  CLIENTS_PER_ADDRESS,
  connectionsPerClient,
  parsePortRange,
  portShortfall,
  sourceAddress,
} from "../src/bench/source-addresses.js";

const linuxDefault = parsePortRange("32768\t60999\n", "widen it")!;

describe("source addresses", () => {
  it("spreads one process's clients over 127.<block>.<worker>.10 and up, a thousand each", () => {
    const source = { block: 7, worker: 2 };
    // A process's share of 10 000 clients, plus the handshake probe.
    const addresses = Array.from({ length: CLIENTS_PER_WORKER + 5 }, (_, i) =>
      sourceAddress(source, i),
    );
    const perAddress = new Map<string, number>();
    for (const address of addresses)
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    expect([...perAddress.keys()]).toEqual([
      "127.7.2.10",
      "127.7.2.11",
      "127.7.2.12",
    ]);
    expect(Math.max(...perAddress.values())).toBe(CLIENTS_PER_ADDRESS);
  });

  it("gives each client process and each server its own addresses, never the server's 127.0.0.1", () => {
    const seen = new Set<string>();
    for (const block of [1, 2])
      for (const worker of [0, 1, 2, 3])
        for (const index of [0, CLIENTS_PER_ADDRESS]) {
          const address = sourceAddress({ block, worker }, index);
          expect(address).not.toBe("127.0.0.1");
          seen.add(address);
        }
    expect(seen.size).toBe(2 * 4 * 2);
  });

  it("keeps every address on Linux's default range, a Socket.IO client's three connections each", () => {
    const portsPerAddress =
      CLIENTS_PER_ADDRESS * connectionsPerClient["socket.io"];
    expect(portsPerAddress).toBeLessThanOrEqual(
      linuxDefault.high - linuxDefault.low + 1,
    );
  });
});

describe("the ephemeral-port check", () => {
  it("reads the range as Linux's /proc file and macOS's sysctl print it", () => {
    expect(linuxDefault).toMatchObject({ low: 32768, high: 60999 });
    expect(parsePortRange("49152\n65535\n", "")).toMatchObject({
      low: 49152,
      high: 65535,
    });
    expect(parsePortRange("", "")).toBeNull();
  });

  it("lets 10 000 Socket.IO clients through when they spread over addresses", () => {
    expect(
      portShortfall(
        {
          clients: 10_000,
          transports: ["ws", "socket.io", "socket.io-websocket", "sse"],
          spreadOverAddresses: true,
        },
        linuxDefault,
      ),
    ).toBeNull();
  });

  it("refuses 10 000 Socket.IO clients all from 127.0.0.1: 30 000 ports against 28 232", () => {
    const message = portShortfall(
      {
        clients: 10_000,
        transports: ["ws", "socket.io"],
        spreadOverAddresses: false,
      },
      linuxDefault,
    );
    expect(message).toContain(
      "a socket.io client holds up to 3 TCP connections",
    );
    expect(message).toContain("need 30000 ports");
    expect(message).toContain("32768-60999 has 28232");
    expect(message).toContain("widen it");
  });

  it("lets 10 000 ws clients from 127.0.0.1 through: one connection each", () => {
    expect(
      portShortfall(
        { clients: 10_000, transports: ["ws"], spreadOverAddresses: false },
        linuxDefault,
      ),
    ).toBeNull();
  });

  it("refuses a range narrower than one address's clients need", () => {
    const narrow = parsePortRange("60000 61999", "widen it")!;
    const message = portShortfall(
      {
        clients: 10_000,
        transports: ["socket.io"],
        spreadOverAddresses: true,
      },
      narrow,
    );
    expect(message).toContain(
      `${CLIENTS_PER_ADDRESS} clients per source address need ${CLIENTS_PER_ADDRESS * 3} ports`,
    );
    expect(message).toContain("has 2000");
  });
});
