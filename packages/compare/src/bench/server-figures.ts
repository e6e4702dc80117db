// What the measuring of one server takes and gives: its options, and its
// figures, per client or per message. Types only.
import type { ServerName } from "./servers.js";

export interface MeasureOptions {
  readonly clients: number;
  readonly intervalMs: number;
  readonly windowMs: number;
  /** Clients connecting at once, across all worker processes. */
  readonly concurrency: number;
  readonly progress: (text: string) => void;
}

/** Everything measured of one server, per client or per message. */
export interface ServerFigures {
  readonly server: ServerName;
  readonly clients: number;
  readonly connectFailures: number;
  readonly connectAllMs: number;
  readonly connectP50Ms: number;
  readonly connectP99Ms: number;
  /** The few clients the handshake figures come from (see the handshake region). */
  readonly handshakeClients: number;
  /** Pushes those clients received before the handshake snapshot: should be 0. */
  readonly pushesInHandshake: number;
  readonly httpRequestsPerClient: number;
  readonly upgradesPerClient: number;
  readonly tcpConnectionsPerClient: number;
  /** Server bytes written / read per client until connected, welcome included. */
  readonly handshakeBytesWritten: number;
  readonly handshakeBytesRead: number;
  /** After GC; the slope from N/2 to N clients, so one-time costs do not count. */
  readonly heapPerConnection: number;
  readonly rssPerConnection: number;
  readonly pushes: number;
  /**
   * The byte check's integers: what the server's socket counters say it
   * wrote in the window, the pushes stamped in that window that the
   * clients received, and what the protocol arithmetic says those pushes
   * cost. The same for replies, read by the server.
   */
  readonly pushBytesWritten: number;
  readonly pushesInWindow: number;
  readonly expectedPushBytes: number;
  readonly replyBytesRead: number;
  readonly replies: number;
  readonly expectedReplyBytes: number;
  /** The same, per message, for the table: rounding hides a few bytes here. */
  readonly bytesPerPush: number;
  readonly expectedBytesPerPush: number;
  readonly bytesPerReply: number;
  readonly expectedBytesPerReply: number;
  /**
   * Server-Sent Events only: the bytes of the HTTP answer to each reply's
   * POST (a reply over WebSocket gets none). null for the others.
   */
  readonly bytesPerReplyAnswer: number | null;
  readonly cadenceP50Ms: number;
  readonly cadenceP99Ms: number;
  readonly cadenceMaxMs: number;
  /** The same, by the server's timestamps: its timer alone, without the trip. */
  readonly sentCadenceP50Ms: number;
  readonly sentCadenceP99Ms: number;
  readonly sentCadenceMaxMs: number;
  readonly pushesLost: number;
  /** One way: the server's timestamp in the push to its arrival at the client. */
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** The same at DISTRIBUTION_PERCENTILES, for the docs' charts. */
  readonly latencyDistributionMs: readonly number[];
  /** Push written by the server to the client's reply read by it (see instrument.ts). */
  readonly roundTrips: number;
  readonly roundTripP50Ms: number;
  readonly roundTripP99Ms: number;
  readonly eventLoopDelayP99Ms: number;
  /** The client processes' event-loop delay in the window (the worst process). */
  readonly clientEventLoopDelayP99Ms: number;
  readonly clientEventLoopDelayMaxMs: number;
  /** Live connections left on the server once every client closed (demos only). */
  readonly connectionsLeft: number | null;
  readonly timersLeft: number | null;
}
