// The relay that plays a network with distance: what a client sends and
// gets back through it is late by the delay each way, in order, and an
// outage cuts and refuses, then lets clients in again.
import { once } from "node:events";
import {
  connect,
  createServer,
  type AddressInfo,
  type Server,
  type Socket,
} from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startDelayRelay, type DelayRelay } from "../src/bench/delay-relay.js";

let echo: Server;
let echoConnections: Set<Socket>;
let relay: DelayRelay | undefined;

beforeEach(async () => {
  echoConnections = new Set();
  echo = createServer((socket) => {
    echoConnections.add(socket);
    socket.on("close", () => echoConnections.delete(socket));
    socket.on("error", () => {});
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
});

afterEach(async () => {
  await relay?.close();
  relay = undefined;
  await new Promise((resolve) => echo.close(resolve));
});

const echoPort = () => (echo.address() as AddressInfo).port;

async function connected(port: number): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  return socket;
}

/** Sends `text`, resolves with the time until all of it came back. */
async function roundTrip(socket: Socket, text: string): Promise<number> {
  const started = performance.now();
  let received = "";
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      received += chunk.toString();
      if (received.length >= text.length) {
        socket.off("data", onData);
        resolve();
      }
    };
    socket.on("data", onData);
    socket.write(text);
  });
  expect(received).toBe(text);
  return performance.now() - started;
}

describe("the delaying relay", () => {
  it("adds the delay each way, and a round trip for a new connection's handshake", async () => {
    relay = await startDelayRelay({ targetPort: echoPort(), delayMs: 50 });
    // The first bytes wait for the simulated handshake: they come back 4
    // one-way trips after the relay took the connection, which is after
    // this moment (the client's own "connect" can come before it).
    const connecting = performance.now();
    const socket = await connected(relay.port);
    await roundTrip(socket, "first");
    expect(performance.now() - connecting).toBeGreaterThanOrEqual(200);
    const later = await roundTrip(socket, "second");
    expect(later).toBeGreaterThanOrEqual(100);
    expect(later).toBeLessThan(190);
    socket.destroy();
  });

  it("keeps the order of many small writes", async () => {
    relay = await startDelayRelay({ targetPort: echoPort(), delayMs: 20 });
    const socket = await connected(relay.port);
    const parts = Array.from({ length: 500 }, (_, i) => `${i};`);
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
    for (const part of parts) {
      socket.write(part);
      // Spread over time, so that the chunks are many and due at different times.
      if (Number(part.slice(0, -1)) % 50 === 0)
        await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const whole = parts.join("");
    const deadline = performance.now() + 5000;
    while (received.length < whole.length && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toBe(whole);
    socket.destroy();
  });

  it("cuts every connection in an outage, resets new ones, then accepts again", async () => {
    relay = await startDelayRelay({ targetPort: echoPort(), delayMs: 0 });
    const before = await connected(relay.port);
    await roundTrip(before, "hello");
    before.on("error", () => {});
    const cut = new Promise((resolve) => before.on("close", resolve));
    const outage = relay.outage(300);
    await cut;
    expect(relay.down).toBe(true);

    // During the outage: the connection is reset before any byte comes back.
    const refused = connect(relay.port, "127.0.0.1");
    refused.on("error", () => {});
    refused.write("anyone?");
    let answered = false;
    refused.on("data", () => (answered = true));
    // (events.once would reject on the reset's error event.)
    await new Promise((resolve) => refused.on("close", resolve));
    expect(answered).toBe(false);

    await outage;
    expect(relay.down).toBe(false);
    const after = await connected(relay.port);
    expect(await roundTrip(after, "back")).toBeLessThan(100);
    after.destroy();
  });

  it("leaves nothing open once the clients are gone and it is closed", async () => {
    relay = await startDelayRelay({ targetPort: echoPort(), delayMs: 10 });
    const sockets = await Promise.all(
      Array.from({ length: 5 }, () => connected(relay!.port)),
    );
    await Promise.all(sockets.map((socket) => roundTrip(socket, "x")));
    expect(relay.open).toBe(10);
    expect(echoConnections.size).toBe(5);
    // Ended by the clients: the ends travel through, both sides close.
    for (const socket of sockets) socket.end();
    const deadline = performance.now() + 2000;
    while (
      (relay.open > 0 || echoConnections.size > 0) &&
      performance.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(relay.open).toBe(0);
    expect(echoConnections.size).toBe(0);

    // And the ones still open when it closes are cut.
    const left = await connected(relay.port);
    await roundTrip(left, "y");
    const gone = once(left, "close");
    await relay.close();
    relay = undefined;
    await gone;
    const deadlineAfter = performance.now() + 2000;
    while (echoConnections.size > 0 && performance.now() < deadlineAfter)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(echoConnections.size).toBe(0);
  });
});
