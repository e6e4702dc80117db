import type { TrackedConnection, Tracker } from "./track.js";

/**
 * The part of a `ws` WebSocket the heartbeat uses (pinned to the real type
 * by a type test). Socket.IO needs none of this: it pings on its own.
 */
export interface PingableLike {
  ping(): void;
  terminate(): void;
  on(event: "pong", listener: (this: PingableLike) => void): unknown;
}

/** One ping/pong sweep over every watched peer of a server. */
export interface Heartbeat {
  /** Watches a peer until its connection (tracked by this heartbeat's tracker) ends. */
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
export function createHeartbeat(
  tracker: Pick<Tracker, "onClose">,
  intervalMs: number,
): Heartbeat {
  if (
    !Number.isFinite(intervalMs) ||
    intervalMs < 1 ||
    intervalMs > 2 ** 31 - 1
  ) {
    throw new RangeError(
      `heartbeat interval must be 1 to 2147483647 ms, got ${intervalMs}`,
    );
  }
  // Every watched peer, by its tracked connection.
  const peers = new Map<TrackedConnection, PingableLike>();
  // Peers pinged by the last sweep that have not answered yet. Most
  // answer within milliseconds, so this is nearly always empty.
  const awaitingPong = new Set<PingableLike>();
  let sweeper: NodeJS.Timeout | undefined;

  // One listener for every peer: a pong says "still here", and the
  // emitter passes the peer that answered as `this`.
  function onPong(this: PingableLike): void {
    awaitingPong.delete(this);
  }

  // Told by the tracker, once for the whole server: nothing per peer.
  tracker.onClose((_info, tracked) => {
    const peer = peers.get(tracked);
    if (peer === undefined) return;
    peers.delete(tracked);
    awaitingPong.delete(peer);
    if (peers.size === 0) stop();
  });

  // #region sweep
  function sweep(): void {
    for (const peer of peers.values()) {
      if (awaitingPong.has(peer)) {
        // No pong since the last ping: the peer or the path to it is gone.
        // terminate() skips the closing handshake a dead peer cannot answer;
        // the tracker's close path then clears the peer's timers.
        peer.terminate();
        continue;
      }
      awaitingPong.add(peer);
      try {
        peer.ping();
      } catch {
        awaitingPong.delete(peer); // ping() throws only while CONNECTING
      }
    }
  }
  // #endregion sweep

  function stop(): void {
    clearInterval(sweeper);
    sweeper = undefined;
    peers.clear();
    awaitingPong.clear();
  }

  return {
    watch(tracked, peer) {
      if (tracked.closed) return;
      peers.set(tracked, peer);
      peer.on("pong", onPong);
      sweeper ??= setInterval(sweep, intervalMs);
    },
    get watching() {
      return peers.size;
    },
    stop,
  };
}
