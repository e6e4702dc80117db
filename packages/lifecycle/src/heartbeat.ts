import type { TrackedConnection } from "./track.js";

/**
 * The part of a `ws` WebSocket the heartbeat uses (pinned to the real type
 * by a type test). Socket.IO needs none of this: it pings on its own.
 */
export interface PingableLike {
  ping(): void;
  terminate(): void;
  on(event: "pong", listener: () => void): unknown;
}

/**
 * Pings the peer every `intervalMs`; a peer that has not answered the
 * previous ping by the next tick is terminated, and the normal close path
 * clears its timers. A dead peer is gone within two intervals.
 */
export function keepAlive(
  tracked: TrackedConnection,
  peer: PingableLike,
  intervalMs: number,
): void {
  let answered = true;
  peer.on("pong", () => {
    answered = true;
  });
  tracked.every(intervalMs, () => {
    if (!answered) {
      // No pong since the last ping: the peer or the path to it is gone.
      // terminate() skips the closing handshake a dead peer cannot answer.
      peer.terminate();
      return;
    }
    answered = false;
    try {
      peer.ping();
    } catch {
      // ping() throws only while CONNECTING; the next tick retries.
      answered = true;
    }
  });
}
