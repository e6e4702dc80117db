/** What `GET /stats` shows about a demo's realtime side: the same fields for both. */
export interface Stats {
  readonly transport: "ws" | "socket.io";
  readonly openConnections: number;
  readonly liveTimers: number;
  /** Events the server handed to the transport (welcome and news). */
  readonly pushed: number;
  /** Sends refused: connection not open, or a slow consumer. */
  readonly notSent: number;
  /** Messages received from clients. */
  readonly received: number;
  /** Node's own count of live timers in the whole process. */
  readonly processTimers: number;
}

/** Node's count of live `Timeout`s: the leak check that trusts no bookkeeping. */
export function processTimerCount(): number {
  return process.getActiveResourcesInfo().filter((name) => name === "Timeout")
    .length;
}

/** What a demo's `/stats` shows: the tracker's counts, the messages received, Node's timers. */
export function statsOf(
  transport: Stats["transport"],
  counts: {
    openConnections: number;
    liveTimers: number;
    sent: number;
    notSent: number;
  },
  received: number,
): Stats {
  return {
    transport,
    openConnections: counts.openConnections,
    liveTimers: counts.liveTimers,
    pushed: counts.sent,
    notSent: counts.notSent,
    received,
    processTimers: processTimerCount(),
  };
}
