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
  /**
   * Ties a timer the caller started to this connection: counted at /stats
   * (liveTimers) while the connection lives, and cleared when it ends if
   * the caller has not cleared it already. Returns a Cancel that clears it.
   */
  own(timer: NodeJS.Timeout): Cancel;
  /** setInterval(task, ms), owned: it stops when the connection ends. */
  every(ms: number, task: () => void): Cancel;
  /** setTimeout(task, ms), owned: it never fires after the connection ended. */
  after(ms: number, task: () => void): Cancel;
  /**
   * Sends one named event if the connection is open and its peer is
   * reading. Returns whether it was handed to the transport; never throws,
   * so a timer that calls it cannot crash the server.
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

// One object per connected client, kept for the connection's whole life:
// a class, so that its methods live once on the prototype and each client
// pays only for its fields. At thousands of clients, that is the memory.
class Tracked implements TrackedConnection {
  readonly id: string;
  readonly ip: string;
  #closeInfo: CloseInfo | undefined;
  // The timers this connection owns, and who wants to hear of its end.
  // Usually one of each (the push, the lesson's cleanup): a field holds
  // the first, and a collection is made only for more, since whatever is
  // here is paid once per connected client.
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
    // The transport says once when the connection ends, however it ends
    // (close frame, error, disconnect, heartbeat): everything hangs on that.
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
  // A timer is not tied to anything: setInterval keeps calling its task,
  // and keeps the socket its closure holds, until someone clears it. Owned
  // by the connection, it is cleared when the connection ends.
  own(timer: NodeJS.Timeout): Cancel {
    if (this.closed) {
      clearTimeout(timer); // too late to own: the connection is gone
      return noop;
    }
    return this.#own(timer);
  }

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
  // A send can fail three ways, and a push on a timer meets all three: the
  // connection is no longer open (the peer left between two ticks), the
  // peer stopped reading (each push would wait in this process's memory),
  // or the payload cannot be sent. Each is a `false`, never a throw.
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
