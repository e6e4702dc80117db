import { randomUUID } from "node:crypto";
import { clientIp, trustNoProxy, type TrustProxy } from "./client-ip.js";
import type { CloseInfo, Connection, Transport } from "./connection.js";

/** Cancels one timer. Calling it again, or after close, does nothing. */
export type Cancel = () => void;

/** One connection under the tracker's care. */
export interface TrackedConnection {
  /** The transport's id where it has one (Socket.IO), else a fresh UUID. */
  readonly id: string;
  /** The client IP, by the tracker's trusted-proxy rule. */
  readonly ip: string;
  readonly transport: Transport;
  readonly connection: Connection;
  /** True once the connection has ended; its timers are gone by then. */
  readonly closed: boolean;
  /** How it ended, once it has. */
  readonly closeInfo: CloseInfo | undefined;
  /** Runs `task` every `ms` until cancelled or until the connection ends. */
  every(ms: number, task: () => void): Cancel;
  /** Runs `task` once after `ms`, unless cancelled or the connection ends first. */
  after(ms: number, task: () => void): Cancel;
  /**
   * Sends one named event if the connection is open and not backed up.
   * Returns whether it was handed to the transport. Never throws.
   */
  send(event: string, payload: unknown): boolean;
  /** Runs `listener` after the connection ends and its timers are cleared. */
  onClose(listener: (info: CloseInfo) => void): void;
}

/** Live counts: what `GET /stats` shows and what leak tests watch. */
export interface TrackerStats {
  /** Connections tracked and not yet closed. */
  readonly openConnections: number;
  /** Timers owned by open connections and not yet fired or cancelled. */
  readonly liveTimers: number;
  /** Events handed to a transport by `send`. */
  readonly sent: number;
  /** Events `send` refused: connection not open, backed up, or failing. */
  readonly notSent: number;
}

export interface TrackerOptions {
  /** Which peers may speak for the client through X-Forwarded-For. Default: none. */
  readonly trustProxy?: TrustProxy;
  /**
   * A slow consumer: skip a send while more than this many bytes wait for
   * the peer, instead of queueing without bound. Default: no limit.
   */
  readonly maxBufferedBytes?: number;
  /** Id for connections whose transport has none. Default: `randomUUID`. */
  readonly createId?: () => string;
}

export interface Tracker {
  /** Takes a connection into care; its timers end when it does. */
  track(connection: Connection): TrackedConnection;
  stats(): TrackerStats;
}

/** Creates a tracker: one per server, shared by all its connections. */
export function createTracker(options: TrackerOptions = {}): Tracker {
  const trust = options.trustProxy ?? trustNoProxy;
  const maxBufferedBytes = options.maxBufferedBytes ?? Infinity;
  const createId = options.createId ?? randomUUID;
  let openConnections = 0;
  let liveTimers = 0;
  let sent = 0;
  let notSent = 0;

  function track(connection: Connection): TrackedConnection {
    // Every timer of this connection, each with the function that clears it.
    const timers = new Set<Cancel>();
    const closeListeners: Array<(info: CloseInfo) => void> = [];
    let closeInfo: CloseInfo | undefined;
    openConnections += 1;

    function own(
      start: () => NodeJS.Timeout,
      clear: (t: NodeJS.Timeout) => void,
    ): Cancel {
      if (closeInfo !== undefined) return () => {};
      let handle: NodeJS.Timeout | undefined = undefined;
      const cancel: Cancel = () => {
        if (!timers.delete(cancel)) return;
        liveTimers -= 1;
        clear(handle!);
      };
      handle = start();
      timers.add(cancel);
      liveTimers += 1;
      return cancel;
    }

    const tracked: TrackedConnection = {
      id: connection.transportId ?? createId(),
      ip: clientIp(connection, trust),
      transport: connection.transport,
      connection,
      get closed() {
        return closeInfo !== undefined;
      },
      get closeInfo() {
        return closeInfo;
      },
      every(ms, task) {
        assertDelay(ms);
        return own(() => setInterval(task, ms), clearInterval);
      },
      after(ms, task) {
        assertDelay(ms);
        const cancel: Cancel = own(
          () =>
            setTimeout(() => {
              cancel(); // a fired one-shot is no longer live
              task();
            }, ms),
          clearTimeout,
        );
        return cancel;
      },
      send(event, payload) {
        if (
          connection.state() !== "open" ||
          connection.bufferedBytes() > maxBufferedBytes
        ) {
          notSent += 1;
          return false;
        }
        try {
          connection.send(event, payload);
        } catch {
          // e.g. a payload JSON cannot encode, or a socket failing mid-write:
          // the caller learns it from the return value.
          notSent += 1;
          return false;
        }
        sent += 1;
        return true;
      },
      onClose(listener) {
        if (closeInfo !== undefined) listener(closeInfo);
        else closeListeners.push(listener);
      },
    };

    connection.onClose((info) => {
      if (closeInfo !== undefined) return; // closing twice is harmless
      closeInfo = info;
      openConnections -= 1;
      for (const cancel of [...timers]) cancel();
      for (const listener of closeListeners.splice(0)) listener(info);
    });
    return tracked;
  }

  return {
    track,
    stats: () => ({ openConnections, liveTimers, sent, notSent }),
  };
}

function assertDelay(ms: number): void {
  // Node turns a bad delay into 1 ms with only a warning: a push every
  // millisecond. Refuse it instead.
  if (!Number.isFinite(ms) || ms < 1 || ms > 2 ** 31 - 1) {
    throw new RangeError(`timer delay must be 1 to 2147483647 ms, got ${ms}`);
  }
}
