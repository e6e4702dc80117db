// The transport contract's clauses: what a user of either demo can observe,
// written once. The Vitest suite (suite.ts) registers each as a test; verify
// runs the ones an exercise covers against an attendee's server. Nothing
// here imports Vitest's runner: `expect` works on its own, and `waitFor`
// stands in for `vi.waitFor`.
import { expect } from "vitest";
import type { Clause } from "../clause.js";
import {
  CONTRACT_PUSH_INTERVAL_MS,
  TRUSTED_PROXY,
  UNTRUSTED_PEER,
} from "../contract-settings.js";
import { BUSY_MACHINE_WAIT_MS, waitFor } from "../wait-for.js";
import type {
  ClientClose,
  ConnectOptions,
  ContractClient,
  ExpectedClose,
  TransportDriver,
} from "./driver.js";
import { frozenPeer } from "./frozen-peer.js";
import type { RunningApp } from "@repo/demo-kit/spawn-app";

const CONNECT_CYCLES = 200;

/** What every transport clause gets: the driver, the shared app, a client maker. */
export interface TransportContext {
  readonly driver: TransportDriver;
  /** The app all clauses share, started with `transportEnv(driver)`. */
  readonly app: RunningApp;
  /** Connects through the driver; the client is closed when the run ends. */
  readonly connect: (options?: ConnectOptions) => Promise<ContractClient>;
}

/** The settings the shared app starts with. */
export function transportEnv(driver: TransportDriver): Record<string, string> {
  return {
    PUSH_INTERVAL_MS: String(CONTRACT_PUSH_INTERVAL_MS),
    TRUST_PROXY: TRUSTED_PROXY,
    ...driver.capabilities.heartbeatEnv,
  };
}

type TransportClause = Clause<TransportContext>;

/** Every clause of the transport contract, in the suite's order. */
export const transportClauses: readonly TransportClause[] = [
  {
    id: "page",
    name: "serves the page",
    expected: "GET / answers 200 with the HTML page that lists the messages.",
    async run({ app }) {
      const response = await fetch(`${app.origin}/`);
      expect(response.status, "the status of GET /").toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain('id="messages"');
    },
  },
  {
    id: "welcome",
    name: "connects and says who the client is",
    expected:
      "A client that connects gets a `welcome` with a non-empty id and its IP (127.0.0.1 here), and /stats counts one open connection.",
    async run({ app, connect }) {
      const client = await connect();
      expect(client.welcome.id, "the id in the welcome").not.toBe("");
      expect(client.welcome.ip, "the IP in the welcome").toBe("127.0.0.1");
      await waitFor(
        async () =>
          expect(
            (await app.stats()).openConnections,
            "openConnections at /stats",
          ).toBe(1),
        { timeout: BUSY_MACHINE_WAIT_MS },
      );
      await client.close();
    },
  },
  // How soon the first push comes is a timing: compare measures it. On a
  // busy machine it can come late, so the contract only waits for it.
  {
    id: "first-push",
    name: "pushes the first message, seq 1",
    expected: "After the welcome, the server pushes a `news` whose seq is 1.",
    async run({ connect }) {
      const client = await connect();
      await waitFor(
        () => expect(client.news.length, "news received").toBeGreaterThan(0),
        { timeout: BUSY_MACHINE_WAIT_MS, interval: 5 },
      );
      expect(client.news[0]!.seq, "the seq of the first news").toBe(1);
      await client.close();
    },
  },
  {
    id: "cadence",
    name: "keeps the cadence: one push per interval, in order",
    expected:
      "One `news` per PUSH_INTERVAL_MS, numbered 1, 2, 3… in order, never faster.",
    async run({ connect }) {
      const asked = performance.now();
      const client = await connect();
      await waitFor(
        () =>
          expect(client.news.length, "news received").toBeGreaterThanOrEqual(6),
        { timeout: BUSY_MACHINE_WAIT_MS },
      );
      const six = client.news.slice(0, 6);
      expect(
        six.map((n) => n.seq),
        "the seqs of the first six news",
      ).toEqual([1, 2, 3, 4, 5, 6]);
      // Not faster than one per interval: the sixth push cannot arrive
      // before six intervals from asking to connect (five here: timers may
      // fire a little early). Load only delays pushes, and a stalled client
      // receives them bunched, so gaps between arrivals are not judged;
      // lateness is a timing, which compare measures.
      expect(
        six[5]!.at - asked,
        "ms from connecting to the sixth news",
      ).toBeGreaterThanOrEqual(CONTRACT_PUSH_INTERVAL_MS * 5);
      await client.close();
    },
  },
  {
    id: "replies",
    name: "delivers replies to the server",
    expected:
      "Each `reply` a client sends reaches the server: /stats counts it in `received`.",
    async run({ app, connect }) {
      const before = (await app.stats()).received;
      const client = await connect();
      // Two pushes to answer: when they come is a timing (see first-push),
      // so a busy machine gets the long wait; the replies are the clause.
      await waitFor(
        () =>
          expect(client.news.length, "news received").toBeGreaterThanOrEqual(2),
        { timeout: BUSY_MACHINE_WAIT_MS },
      );
      client.reply(client.news[0]!.seq);
      client.reply(client.news[1]!.seq);
      await waitFor(
        async () =>
          expect(
            (await app.stats()).received,
            "`received` at /stats after two replies",
          ).toBe(before + 2),
        { timeout: BUSY_MACHINE_WAIT_MS },
      );
      await client.close();
    },
  },
  {
    id: "ip-direct",
    group: "client IP",
    name: "is the TCP peer for a direct client",
    expected:
      "A client that connects directly is known by its TCP peer address.",
    async run({ connect }) {
      const client = await connect({ localAddress: UNTRUSTED_PEER });
      expect(client.welcome.ip, "the IP in the welcome").toBe(UNTRUSTED_PEER);
      await client.close();
    },
  },
  {
    id: "ip-spoofed",
    group: "client IP",
    name: "ignores X-Forwarded-For from a peer that is not a trusted proxy",
    expected: `A client that is not a trusted proxy cannot choose its IP by sending X-Forwarded-For: a client at ${UNTRUSTED_PEER} sending "X-Forwarded-For: 203.0.113.66" is still ${UNTRUSTED_PEER}.`,
    async run({ connect }) {
      const client = await connect({
        localAddress: UNTRUSTED_PEER,
        headers: { "X-Forwarded-For": "203.0.113.66" },
      });
      expect(client.welcome.ip, "the IP in the welcome").toBe(UNTRUSTED_PEER);
      await client.close();
    },
  },
  {
    id: "ip-proxy",
    group: "client IP",
    name: "takes the right-most untrusted address behind a trusted proxy",
    expected: `Behind the trusted proxy (${TRUSTED_PROXY}), the IP is the right-most X-Forwarded-For address that is not a trusted proxy: "203.0.113.66, 198.51.100.7" gives 198.51.100.7.`,
    async run({ connect }) {
      const client = await connect({
        localAddress: TRUSTED_PROXY,
        headers: { "X-Forwarded-For": "203.0.113.66, 198.51.100.7" },
      });
      expect(client.welcome.ip, "the IP in the welcome").toBe("198.51.100.7");
      await client.close();
    },
  },
  {
    id: "timers-baseline",
    name: `leaves connections and timers at baseline after ${CONNECT_CYCLES} connect/disconnect cycles`,
    expected: `After ${CONNECT_CYCLES} clients connected and left, no connection is open and Node's own timer count (processTimers at /stats) is back where it was: every timer a connection started was cleared when it closed.`,
    // 200 handshakes (slow over polling on a busy machine), then up to lingeringTimersMs
    timeoutMs: 90_000,
    async run({ app, driver }) {
      await waitFor(
        async () =>
          expect(
            (await app.stats()).openConnections,
            "openConnections at /stats",
          ).toBe(0),
        { timeout: BUSY_MACHINE_WAIT_MS },
      );
      const baseline = await app.stats();
      for (let round = 0; round < CONNECT_CYCLES / 20; round++) {
        const batch = await Promise.all(
          Array.from({ length: 20 }, () => driver.connect(app)),
        );
        await Promise.all(batch.map((client) => client.close()));
      }
      await waitFor(
        async () => {
          const after = await app.stats();
          expect(after.openConnections, "openConnections at /stats").toBe(0);
          expect(after.liveTimers, "liveTimers at /stats").toBe(0);
          expect(
            after.processTimers,
            `processTimers at /stats (it was ${baseline.processTimers} before the ${CONNECT_CYCLES} clients)`,
          ).toBeLessThanOrEqual(baseline.processTimers);
        },
        { timeout: 5000 + driver.capabilities.lingeringTimersMs },
      );
    },
  },
  {
    id: "dead-peer",
    name: "drops a dead peer within two heartbeat intervals",
    expected:
      "A client that stops answering pings (its machine froze) is dropped by the heartbeat.",
    async run({ app, connect, driver }) {
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
      expect(outcome, "the silent client").toBe("dropped");
      await waitFor(
        async () =>
          expect(
            (await app.stats()).openConnections,
            "openConnections at /stats",
          ).toBe(0),
        { timeout: BUSY_MACHINE_WAIT_MS },
      );
    },
  },
  {
    id: "oversize",
    name: "closes an oversize message and still serves the next client",
    expected:
      "A message bigger than the limit closes that connection, and the next client is served as usual.",
    async run({ connect, driver }) {
      const client = await connect();
      client.sendOversize(70 * 1024);
      expectClose(await client.closed, driver.capabilities.oversizeClose);
      const next = await connect();
      await waitFor(() =>
        expect(next.news.length, "news received").toBeGreaterThan(0),
      );
      await next.close();
    },
  },
  {
    id: "origin",
    name: "refuses a foreign Origin and accepts its own",
    expected:
      "A handshake from another site's page (Origin: https://evil.example) is refused; one from the app's own origin is accepted.",
    async run({ app, connect, driver }) {
      const status = await driver.refusedStatus(app, {
        origin: "https://evil.example",
      });
      expect(status, "the HTTP status for a foreign Origin").toBe(
        driver.capabilities.foreignOriginRefusal.status,
      );
      const own = await connect({ origin: app.origin });
      expect(own.welcome.ip, "the IP in the welcome").toBe("127.0.0.1");
      await own.close();
    },
  },
  {
    id: "shutdown",
    name: "shuts down gracefully: clients told, exit code 0 within 2 s",
    expected:
      "On SIGTERM the server tells its clients it is going away and exits with code 0 within 2 s.",
    async run({ driver }) {
      const doomed = await driver.start({});
      const client = await driver.connect(doomed);
      const { code, ms } = await doomed.stop("SIGTERM");
      expectClose(await client.closed, driver.capabilities.shutdownClose);
      expect(code, "the exit code").toBe(0);
      expect(ms, "ms from SIGTERM to exit").toBeLessThan(2000);
    },
  },
  {
    id: "shutdown-frozen",
    name: "shuts down within 3 s even when a client's machine froze",
    expected:
      "On SIGTERM the server exits with code 0 within 3 s, even when a client never answers the close.",
    async run({ driver }) {
      // No close frame ever comes back: ws alone would wait 30 s for one.
      const doomed = await driver.start({});
      const frozen = await frozenPeer(
        doomed.port,
        driver.capabilities.webSocketPath,
      );
      try {
        const { code, ms } = await doomed.stop("SIGTERM", 10_000);
        expect(code, "the exit code").toBe(0);
        expect(ms, "ms from SIGTERM to exit").toBeLessThan(3000);
      } finally {
        frozen.destroy();
      }
    },
  },
];

function expectClose(actual: ClientClose, expected: ExpectedClose): void {
  if (expected.code !== undefined)
    expect(actual.code, "the close code").toBe(expected.code);
  if (expected.reason !== undefined)
    expect(actual.reason, "the close reason").toMatch(expected.reason);
}
