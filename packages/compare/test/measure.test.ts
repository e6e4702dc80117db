// The measuring path end to end, small: a real demo and a real baseline,
// the preloaded instrument, a client process. Imports the built tool,
// because it forks its client worker and preloads its instrument from
// dist/ (turbo builds the package before its tests).
import { describe, expect, it } from "vitest";
import type * as MeasureModule from "../src/bench/measure.js";
import type {
  MeasureOptions,
  ServerFigures,
} from "../src/bench/server-figures.js";
import type * as ChecksModule from "../src/report/checks.js";
import type { ServerName } from "../src/bench/servers.js";
import type { WorkerTransport } from "../src/bench/client-protocol.js";

// Types from src (type checking does not wait for the build), code from dist.
const built = (path: string) =>
  new URL(`../dist/${path}`, import.meta.url).href;
const { measureServer, prepareServer } = (await import(
  built("bench/measure.js")
)) as typeof MeasureModule;
const { checksFor } = (await import(
  built("report/checks.js")
)) as typeof ChecksModule;

const options: MeasureOptions = {
  clients: 20,
  intervalMs: 200,
  windowMs: 1000,
  concurrency: 20,
  progress: () => {},
};

async function measure(
  server: ServerName,
  transport: WorkerTransport,
): Promise<ServerFigures> {
  const prepared = await prepareServer(server, options);
  return measureServer(prepared, transport, options);
}

describe("measuring one server", () => {
  it.each([
    ["ws-demo", "ws"],
    ["socketio-demo", "socket.io"],
  ] as const)(
    "%s over %s: exact bytes, every push answered, round trips paired with pushes, back to idle",
    async (server, transport) => {
      const figures = await measure(server, transport);

      // 20 clients x a push every 200 ms for 1 s: about 100 pushes, fewer
      // on a busy machine (timers run late); how many is a timing.
      expect(figures.pushesInWindow).toBeGreaterThan(0);
      expect(figures.pushesLost).toBe(0);
      expect(figures.pushBytesWritten).toBe(figures.expectedPushBytes);
      expect(figures.replyBytesRead).toBe(figures.expectedReplyBytes);
      // The instrument pairs each push written with the reply read next:
      // at most one per push (replies still on their way when recording
      // stops are not paired, so fewer on a busy machine).
      expect(figures.roundTrips).toBeGreaterThan(0);
      expect(figures.roundTrips).toBeLessThanOrEqual(figures.pushes);
      expect(figures.roundTripP50Ms).toBeGreaterThan(0);
      expect(figures.roundTripP99Ms).toBeGreaterThanOrEqual(
        figures.roundTripP50Ms,
      );
      // How close the gaps are to the interval, and how a round trip
      // compares with one way, are timings: compare prints them, a loaded
      // machine changes them. Here they only have to be measured.
      expect(Number.isFinite(figures.sentCadenceP50Ms)).toBe(true);
      expect(Number.isFinite(figures.cadenceP50Ms)).toBe(true);
      expect(figures.connectionsLeft).toBe(0);
      expect(figures.timersLeft).toBe(0);
      const failed = checksFor({
        id: "ws",
        label: server,
        demo: figures,
        bare: figures,
      }).filter((check) => !check.ok);
      expect(failed).toEqual([]);
    },
    30_000,
  );

  it("reports a baseline with no /stats as not checked, not as clean", async () => {
    const figures = await measure("ws-bare", "ws");
    expect(figures.connectionsLeft).toBeNull();
    expect(figures.pushBytesWritten).toBe(figures.expectedPushBytes);
    expect(figures.roundTrips).toBeGreaterThan(0);
  }, 30_000);

  it("fails with the server's name when the server dies, instead of waiting", async () => {
    const prepared = await prepareServer("ws-demo", options);
    await prepared.app.stop("SIGKILL");
    await expect(measureServer(prepared, "ws", options)).rejects.toThrow(
      /ws-demo exited \(SIGKILL\) while being measured/,
    );
  }, 30_000);

  it("says which server a client could not reach", async () => {
    const prepared = await prepareServer("ws-demo", options);
    // Socket.IO clients against the ws demo: nothing answers on /socket.io.
    await expect(
      measureServer(prepared, "socket.io-websocket", options),
    ).rejects.toThrow(/clients failed to connect to ws-demo/);
  }, 30_000);
});
