// One behavioural contract for the Connection port, run against every
// adapter, each with fakes and with the real library (the crossws pattern:
// write the suite once, declare what differs as capabilities).
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createTracker,
  type CloseInfo,
  type Connection,
} from "../src/index.js";

/** One open connection: the server side as a port, and its client. */
export interface ConnectionPair {
  readonly server: Connection;
  /** Events the client has received, decoded, in order. */
  readonly received: ReadonlyArray<{ event: string; payload: unknown }>;
  /** The client ends the connection the polite way. */
  closeFromClient(): void;
  /** Frees anything the pair holds (client sockets, servers). */
  dispose(): Promise<void>;
}

export interface ContractCapabilities {
  /** The peer address the server should report for this pair. */
  readonly expectedPeer: string;
  /** What the server's close info looks like after `closeFromClient`. */
  readonly clientCloseInfo: CloseInfo;
  /** What it looks like after `terminate()` from the server. */
  readonly terminateCloseInfo: CloseInfo;
  /** Whether the transport's own id becomes the tracked id. */
  readonly transportId: boolean;
}

const PUSH_EVERY_MS = 20;

export function describeConnectionContract(
  name: string,
  openPair: () => Promise<ConnectionPair>,
  capabilities: ContractCapabilities,
): void {
  describe(`Connection contract: ${name}`, () => {
    let pair: ConnectionPair | undefined;
    afterEach(async () => {
      await pair?.dispose();
      pair = undefined;
    });

    async function trackedPair() {
      pair = await openPair();
      const tracker = createTracker();
      const tracked = tracker.track(pair.server);
      return { pair, tracker, tracked };
    }

    it("starts open and reports the peer", async () => {
      const { pair, tracked } = await trackedPair();
      expect(pair.server.state()).toBe("open");
      expect(tracked.ip).toBe(capabilities.expectedPeer);
      expect(pair.server.forwardedFor).toBeUndefined();
      expect(tracked.closed).toBe(false);
      if (capabilities.transportId)
        expect(tracked.id).toBe(pair.server.transportId);
      else expect(pair.server.transportId).toBeUndefined();
    });

    it("delivers a named event with its payload", async () => {
      const { pair, tracked } = await trackedPair();
      expect(tracked.send("news", { text: "hello", n: 1 })).toBe(true);
      await vi.waitFor(() =>
        expect(pair.received).toEqual([
          { event: "news", payload: { text: "hello", n: 1 } },
        ]),
      );
    });

    it("pushes on a schedule while open", async () => {
      const { pair, tracked } = await trackedPair();
      let n = 0;
      tracked.every(PUSH_EVERY_MS, () => tracked.send("news", ++n));
      await vi.waitFor(() =>
        expect(pair.received.length).toBeGreaterThanOrEqual(3),
      );
      expect(pair.received.slice(0, 3).map((m) => m.payload)).toEqual([
        1, 2, 3,
      ]);
    });

    it("on client close: timers cleared, sends refused, listeners told", async () => {
      const { pair, tracker, tracked } = await trackedPair();
      tracked.every(PUSH_EVERY_MS, () => tracked.send("news", "tick"));
      tracked.after(60_000, () => tracked.send("news", "never"));
      expect(tracker.stats()).toMatchObject({
        openConnections: 1,
        liveTimers: 2,
      });
      const onClose = vi.fn();
      tracked.onClose(onClose);

      pair.closeFromClient();

      await vi.waitFor(() => expect(tracked.closed).toBe(true));
      expect(tracker.stats()).toMatchObject({
        openConnections: 0,
        liveTimers: 0,
      });
      expect(onClose).toHaveBeenCalledExactlyOnceWith(
        capabilities.clientCloseInfo,
        tracked,
      );
      expect(tracked.closeInfo).toEqual(capabilities.clientCloseInfo);
      expect(pair.server.state()).toBe("closed");
      expect(tracked.send("news", "late")).toBe(false);
      tracked.every(PUSH_EVERY_MS, () => tracked.send("news", "late"));
      expect(tracker.stats().liveTimers).toBe(0);
    });

    it("on server terminate: the same clean end", async () => {
      const { pair, tracker, tracked } = await trackedPair();
      tracked.every(PUSH_EVERY_MS, () => tracked.send("news", "tick"));
      pair.server.terminate();
      await vi.waitFor(() => expect(tracked.closed).toBe(true));
      expect(tracked.closeInfo).toEqual(capabilities.terminateCloseInfo);
      expect(tracker.stats()).toMatchObject({
        openConnections: 0,
        liveTimers: 0,
      });
      const countAtClose = pair.received.length;
      await new Promise((resolve) => setTimeout(resolve, PUSH_EVERY_MS * 3));
      expect(pair.received.length).toBe(countAtClose);
    });
  });
}
