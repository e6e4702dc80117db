// The transport contract: what a user of either demo can observe, written
// once and run against each app through its driver. Differences between
// transports live in the driver's capabilities, never in `if`s here.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type {
  ClientClose,
  ContractClient,
  ExpectedClose,
  TransportDriver,
} from "./driver.js";
import { frozenPeer } from "./frozen-peer.js";
import type { RunningApp } from "./spawn-app.js";

export const CONTRACT_PUSH_INTERVAL_MS = 200;
/** The loopback address that plays a trusted reverse proxy. */
export const TRUSTED_PROXY = "127.0.0.2";
/** A loopback address that is not trusted. */
export const UNTRUSTED_PEER = "127.0.0.3";
const CONNECT_CYCLES = 200;
/**
 * How long a clause waits for something that must happen, where the time
 * it takes is a timing (measured by the compare tool, never judged here):
 * generous for a busy 2-core machine, finite so that a failure is quick.
 */
const BUSY_MACHINE_WAIT_MS = 10_000;

/** Registers the whole contract as a Vitest suite for one driver. */
export function describeTransportContract(driver: TransportDriver): void {
  describe(`transport contract: ${driver.name}`, () => {
    let app: RunningApp;
    const clients: ContractClient[] = [];
    async function connect(
      options?: Parameters<TransportDriver["connect"]>[1],
    ) {
      const client = await driver.connect(app, options);
      clients.push(client);
      return client;
    }

    beforeAll(async () => {
      app = await driver.start({
        PUSH_INTERVAL_MS: String(CONTRACT_PUSH_INTERVAL_MS),
        TRUST_PROXY: TRUSTED_PROXY,
        ...driver.capabilities.heartbeatEnv,
      });
    });
    afterAll(async () => {
      await Promise.all(clients.map((client) => client.close()));
      await app?.stop();
    });

    it("serves the page", async () => {
      const response = await fetch(`${app.origin}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain('id="messages"');
    });

    it("connects and says who the client is", async () => {
      const client = await connect();
      expect(client.welcome.id).not.toBe("");
      expect(client.welcome.ip).toBe("127.0.0.1");
      await vi.waitFor(async () =>
        expect((await app.stats()).openConnections).toBe(1),
      );
      await client.close();
    });

    // How soon the first push comes is a timing: compare measures it. On a
    // busy machine it can come late, so the contract only waits for it.
    it("pushes the first message, seq 1", async () => {
      const client = await connect();
      await vi.waitFor(() => expect(client.news.length).toBeGreaterThan(0), {
        timeout: BUSY_MACHINE_WAIT_MS,
        interval: 5,
      });
      expect(client.news[0]!.seq).toBe(1);
      await client.close();
    });

    it("keeps the cadence: one push per interval, in order", async () => {
      const asked = performance.now();
      const client = await connect();
      await vi.waitFor(
        () => expect(client.news.length).toBeGreaterThanOrEqual(6),
        { timeout: BUSY_MACHINE_WAIT_MS },
      );
      const six = client.news.slice(0, 6);
      expect(six.map((n) => n.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      // Not faster than one per interval: the sixth push cannot arrive
      // before six intervals from asking to connect (five here: timers may
      // fire a little early). Load only delays pushes, and a stalled client
      // receives them bunched, so gaps between arrivals are not judged;
      // lateness is a timing, which compare measures.
      expect(six[5]!.at - asked).toBeGreaterThanOrEqual(
        CONTRACT_PUSH_INTERVAL_MS * 5,
      );
      await client.close();
    });

    it("delivers replies to the server", async () => {
      const before = (await app.stats()).received;
      const client = await connect();
      await vi.waitFor(() =>
        expect(client.news.length).toBeGreaterThanOrEqual(2),
      );
      client.reply(client.news[0]!.seq);
      client.reply(client.news[1]!.seq);
      await vi.waitFor(async () =>
        expect((await app.stats()).received).toBe(before + 2),
      );
      await client.close();
    });

    describe("client IP", () => {
      it("is the TCP peer for a direct client", async () => {
        const client = await connect({ localAddress: UNTRUSTED_PEER });
        expect(client.welcome.ip).toBe(UNTRUSTED_PEER);
        await client.close();
      });

      it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
        const client = await connect({
          localAddress: UNTRUSTED_PEER,
          headers: { "X-Forwarded-For": "203.0.113.66" },
        });
        expect(client.welcome.ip).toBe(UNTRUSTED_PEER);
        await client.close();
      });

      it("takes the right-most untrusted address behind a trusted proxy", async () => {
        const client = await connect({
          localAddress: TRUSTED_PROXY,
          headers: { "X-Forwarded-For": "203.0.113.66, 198.51.100.7" },
        });
        expect(client.welcome.ip).toBe("198.51.100.7");
        await client.close();
      });
    });

    it(`leaves connections and timers at baseline after ${CONNECT_CYCLES} connect/disconnect cycles`, async () => {
      await vi.waitFor(async () =>
        expect((await app.stats()).openConnections).toBe(0),
      );
      const baseline = await app.stats();
      for (let round = 0; round < CONNECT_CYCLES / 20; round++) {
        const batch = await Promise.all(
          Array.from({ length: 20 }, () => driver.connect(app)),
        );
        await Promise.all(batch.map((client) => client.close()));
      }
      await vi.waitFor(
        async () => {
          const after = await app.stats();
          expect(after.openConnections).toBe(0);
          expect(after.liveTimers).toBe(0);
          expect(after.processTimers).toBeLessThanOrEqual(
            baseline.processTimers,
          );
        },
        { timeout: 5000 + driver.capabilities.lingeringTimersMs },
      );
    }, 90_000); // 200 handshakes (slow over polling on a busy machine), then up to lingeringTimersMs

    it("drops a dead peer within two heartbeat intervals", async () => {
      const silent = await connect({ silent: true });
      const outcome = await Promise.race([
        silent.closed.then(() => "dropped"),
        new Promise<string>((resolve) =>
          setTimeout(
            () => resolve("still connected"),
            // How fast is a timing (compare measures it: "dead peer dropped
            // after"); on a busy machine heartbeat timers run late. Far
            // below the transports' defaults (ws: never; Socket.IO: 45 s).
            driver.capabilities.deadPeerWithinMs + BUSY_MACHINE_WAIT_MS,
          ),
        ),
      ]);
      expect(outcome).toBe("dropped");
      await vi.waitFor(async () =>
        expect((await app.stats()).openConnections).toBe(0),
      );
    });

    it("closes an oversize message and still serves the next client", async () => {
      const client = await connect();
      client.sendOversize(70 * 1024);
      expectClose(await client.closed, driver.capabilities.oversizeClose);
      const next = await connect();
      await vi.waitFor(() => expect(next.news.length).toBeGreaterThan(0));
      await next.close();
    });

    const refusal = driver.capabilities.foreignOriginRefusal;
    it("refuses a foreign Origin and accepts its own", async () => {
      const status = await driver.refusedStatus(app, {
        origin: "https://evil.example",
      });
      expect(status).toBe(refusal.status);
      const own = await connect({ origin: app.origin });
      expect(own.welcome.ip).toBe("127.0.0.1");
      await own.close();
    });

    it("shuts down gracefully: clients told, exit code 0 within 2 s", async () => {
      const doomed = await driver.start({});
      const client = await driver.connect(doomed);
      const { code, ms } = await doomed.stop("SIGTERM");
      expectClose(await client.closed, driver.capabilities.shutdownClose);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(2000);
    });

    it("shuts down within 3 s even when a client's machine froze", async () => {
      // No close frame ever comes back: ws alone would wait 30 s for one.
      const doomed = await driver.start({});
      const frozen = await frozenPeer(
        doomed.port,
        driver.capabilities.webSocketPath,
      );
      try {
        const { code, ms } = await doomed.stop("SIGTERM", 10_000);
        expect(code).toBe(0);
        expect(ms).toBeLessThan(3000);
      } finally {
        frozen.destroy();
      }
    });
  });
}

function expectClose(actual: ClientClose, expected: ExpectedClose): void {
  if (expected.code !== undefined) expect(actual.code).toBe(expected.code);
  if (expected.reason !== undefined)
    expect(actual.reason).toMatch(expected.reason);
}
