import type { TrackedConnection } from "./track.js";

/**
 * The part of a `ws` WebSocket the heartbeat uses (pinned to the real type
 * by a type test). Socket.IO needs none of this: it pings on its own.
 */
export interface PingableLike {
  ping(): void;
  terminate(): void;
  on(event: "pong" | "close", listener: (this: PingableLike) => void): unknown;
}

/** One ping/pong sweep over every watched peer of a server. */
export interface Heartbeat {
  /** Watches a peer until its tracked connection ends. */
  watch(tracked: TrackedConnection, peer: PingableLike): void;
  /** How many peers are watched now. */
  readonly watching: number;
  /** Stops the sweep and forgets every peer (for server shutdown). */
  stop(): void;
}

/**
 * The ws README's heartbeat: every `intervalMs`, one sweep terminates each
 * peer that has not answered the previous ping and pings the others; the
 * normal close path then clears the peer's timers. A dead peer is gone
 * within two intervals. One timer per server, not per connection, and
 * only while there is a peer to watch, so an idle server holds no timer.
 */
export function createHeartbeat(intervalMs: number): Heartbeat {
  if (
    !Number.isFinite(intervalMs) ||
    intervalMs < 1 ||
    intervalMs > 2 ** 31 - 1
  ) {
    throw new RangeError(
      `heartbeat interval must be 1 to 2147483647 ms, got ${intervalMs}`,
    );
  }
  // Each watched peer, and whether it answered since the last ping.
  const answered = new Map<PingableLike, boolean>();
  let sweeper: NodeJS.Timeout | undefined;

  // Shared listeners that read the peer from `this`, not closures: one
  // less object per connection, which adds up at thousands of peers.
  function onPong(this: PingableLike): void {
    if (answered.has(this)) answered.set(this, true);
  }

  function onClose(this: PingableLike): void {
    answered.delete(this);
    if (answered.size === 0) stop();
  }

  // #region sweep
  function sweep(): void {
    for (const [peer, alive] of answered) {
      if (!alive) {
        // No pong since the last ping: the peer or the path to it is gone.
        // terminate() skips the closing handshake a dead peer cannot answer.
        peer.terminate();
        continue;
      }
      answered.set(peer, false);
      try {
        peer.ping();
      } catch {
        answered.set(peer, true); // ping() throws only while CONNECTING
      }
    }
  }
  // #endregion sweep

  function stop(): void {
    clearInterval(sweeper);
    sweeper = undefined;
    answered.clear();
  }

  return {
    watch(tracked, peer) {
      if (tracked.closed) return;
      answered.set(peer, true);
      peer.on("pong", onPong);
      peer.on("close", onClose);
      sweeper ??= setInterval(sweep, intervalMs);
    },
    get watching() {
      return answered.size;
    },
    stop,
  };
}
