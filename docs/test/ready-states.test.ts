// The readyState example on the ws page, run against a real ws server:
// what the page says the states are is what ws reports.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { watchStates } from "../examples/ready-states.js";

describe("the four readyStates, in ws's constants", () => {
  it("go 0 CONNECTING, 1 OPEN, 2 CLOSING, 3 CLOSED on a normal close", async () => {
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await once(wss, "listening");
    const { port } = wss.address() as AddressInfo;
    try {
      expect(await watchStates(`ws://127.0.0.1:${port}`)).toEqual([
        "0 CONNECTING",
        "1 OPEN",
        "2 CLOSING",
        "3 CLOSED",
      ]);
    } finally {
      wss.close();
    }
  });

  it("go 0 CONNECTING, 2 CLOSING, 3 CLOSED when the handshake fails", async () => {
    // Port 9 (discard): nothing listens, the connection is refused.
    expect(await watchStates("ws://127.0.0.1:9")).toEqual([
      "0 CONNECTING",
      "2 CLOSING",
      "3 CLOSED",
    ]);
  });
});
