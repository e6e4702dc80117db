import { clientIp, trustNoProxy, type TrustProxy } from "./client-ip.js";
import type { CloseInfo, Connection, Transport } from "./connection.js";

/** Cancels one timer. Calling it again, or after close, does nothing. */
export type Cancel = () => void;

/** One connection under the tracker's care. */
export interface TrackedConnection {
  /** The transport's id where it has one (Socket.IO), else `conn-1`, `conn-2`... */
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
  /**
   * Runs `listener` after the connection ends and its timers are cleared,
   * with this connection as its second argument (so one shared function
   * can serve every connection), or at once if it has already ended.
   */
  onClose(listener: CloseListener): void;
}

export type CloseListener = (
  info: CloseInfo,
  connection: TrackedConnection,
) => void;

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
  /** Id for connections whose transport has none. Default: `conn-1`, `conn-2`... per tracker. */
  readonly createId?: () => string;
}

export interface Tracker {
  /** Takes a connection into care; its timers end when it does. */
  track(connection: Connection): TrackedConnection;
  /**
   * Runs `listener` whenever any of this tracker's connections ends, after
   * that connection's own close listeners: one listener for the whole
   * server (a heartbeat forgetting a peer), not one per connection.
   */
  onClose(listener: CloseListener): void;
  stats(): TrackerStats;
}

/** Creates a tracker: one per server, shared by all its connections. */
export function createTracker(options: TrackerOptions = {}): Tracker {
  let lastId = 0;
  const shared: Shared = {
    trust: options.trustProxy ?? trustNoProxy,
    maxBufferedBytes: options.maxBufferedBytes ?? Infinity,
    // Short, readable ids for the logs of a demo: ws-1, ws-2, ...
    createId: options.createId ?? (() => `conn-${++lastId}`),
    counts: { openConnections: 0, liveTimers: 0, sent: 0, notSent: 0 },
    closeListeners: [],
  };
  return {
    track: (connection) => new Tracked(connection, shared),
    onClose: (listener) => void shared.closeListeners.push(listener),
    stats: () => ({ ...shared.counts }),
  };
}

/** What every connection of one tracker refers to: one object, one field each. */
interface Shared {
  readonly trust: TrustProxy;
  readonly maxBufferedBytes: number;
  readonly createId: () => string;
  readonly counts: Counts;
  readonly closeListeners: CloseListener[];
}
type Counts = { -readonly [K in keyof TrackerStats]: TrackerStats[K] };

// A class rather than an object of closures: one small object per
// connection, methods shared on the prototype.
class Tracked implements TrackedConnection {
  readonly id: string;
  readonly ip: string;
  #closeInfo: CloseInfo | undefined;
  // A connection usually owns one timer (its push) and one or two close
  // listeners. The first of each lives in a field, and a collection is
  // made only for more: an empty Set or a pushed-to array costs 150-200
  // bytes, and every byte here is paid once per connected client.
  // Node's timer handles; clearTimeout clears intervals too.
  #timer: NodeJS.Timeout | undefined;
  #moreTimers: Set<NodeJS.Timeout> | undefined;
  #closeListener: CloseListener | undefined;
  #moreCloseListeners: CloseListener[] | undefined;

  constructor(
    readonly connection: Connection,
    private readonly shared: Shared,
  ) {
    this.id = connection.transportId ?? shared.createId();
    this.ip = clientIp(connection, shared.trust);
    shared.counts.openConnections += 1;
    // bind, not an arrow: a bound function is smaller than a closure and
    // the context object an arrow would need for `this`.
    connection.onClose(this.#end.bind(this));
  }

  get transport(): Transport {
    return this.connection.transport;
  }

  get closed(): boolean {
    return this.#closeInfo !== undefined;
  }

  get closeInfo(): CloseInfo | undefined {
    return this.#closeInfo;
  }

  // #region timers
  every(ms: number, task: () => void): Cancel {
    assertDelay(ms);
    if (this.closed) return noop;
    return this.#own(setInterval(task, ms));
  }

  after(ms: number, task: () => void): Cancel {
    assertDelay(ms);
    if (this.closed) return noop;
    const handle = setTimeout(() => {
      this.#release(handle); // a fired one-shot is no longer live
      task();
    }, ms);
    return this.#own(handle);
  }
  // #endregion timers

  // #region send
  send(event: string, payload: unknown): boolean {
    const { connection } = this;
    const { counts, maxBufferedBytes } = this.shared;
    if (
      connection.state() !== "open" ||
      connection.bufferedBytes() > maxBufferedBytes
    ) {
      counts.notSent += 1;
      return false;
    }
    try {
      connection.send(event, payload);
    } catch {
      // e.g. a payload JSON cannot encode, or a socket failing mid-write:
      // the caller learns it from the return value.
      counts.notSent += 1;
      return false;
    }
    counts.sent += 1;
    return true;
  }
  // #endregion send

  onClose(listener: CloseListener): void {
    if (this.#closeInfo !== undefined) listener(this.#closeInfo, this);
    else if (this.#closeListener === undefined) this.#closeListener = listener;
    else if (this.#moreCloseListeners === undefined)
      this.#moreCloseListeners = [listener];
    else this.#moreCloseListeners.push(listener);
  }

  #own(handle: NodeJS.Timeout): Cancel {
    if (this.#timer === undefined) this.#timer = handle;
    else (this.#moreTimers ??= new Set()).add(handle);
    this.shared.counts.liveTimers += 1;
    return () => this.#release(handle);
  }

  #release(handle: NodeJS.Timeout): void {
    if (this.#timer === handle) this.#timer = undefined;
    else if (!this.#moreTimers?.delete(handle)) return; // already cancelled, fired or closed
    this.shared.counts.liveTimers -= 1;
    clearTimeout(handle);
  }

  // #region close
  #end(info: CloseInfo): void {
    if (this.#closeInfo !== undefined) return; // closing twice is harmless
    this.#closeInfo = info;
    this.shared.counts.openConnections -= 1;
    // Every timer first, so that no listener sees one still live.
    if (this.#timer !== undefined) this.#release(this.#timer);
    for (const handle of [...(this.#moreTimers ?? [])]) this.#release(handle);
    // Then the listeners: this connection's own, then the tracker's.
    const first = this.#closeListener;
    const more = this.#moreCloseListeners ?? [];
    this.#closeListener = this.#moreCloseListeners = undefined;
    first?.(info, this);
    for (const listener of more) listener(info, this);
    for (const listener of this.shared.closeListeners) listener(info, this);
  }
  // #endregion close
}

const noop: Cancel = () => {};

function assertDelay(ms: number): void {
  // Node turns a bad delay into 1 ms with only a warning: a push every
  // millisecond. Refuse it instead.
  if (!Number.isFinite(ms) || ms < 1 || ms > 2 ** 31 - 1) {
    throw new RangeError(`timer delay must be 1 to 2147483647 ms, got ${ms}`);
  }
}
