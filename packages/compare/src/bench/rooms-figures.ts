// What measuring lesson 2's rooms takes and gives: the options of a run,
// and one transport's figures, on one process or two. Types only.
import type { ServerName } from "./servers.js";

export interface RoomsOptions {
  readonly rooms: number;
  readonly members: number;
  /** Each member says once every this many ms (the limit is one a second). */
  readonly sayEveryMs: number;
  /** How many times each member says at that rate. */
  readonly says: number;
  /** Then each member says this many at once (the limit's bucket holds 10). */
  readonly burst: number;
  readonly progress: (text: string) => void;
}

/** One transport's rooms, on one process or two. */
export interface RoomsFigures {
  readonly label: string;
  readonly server: ServerName;
  readonly processes: number;
  readonly members: number;
  readonly heapPerMember: number;
  /** Steady phase: says answered ok, refused, and `message` events received. */
  readonly says: number;
  readonly rateLimited: number;
  readonly deliveries: number;
  readonly expectedDeliveries: number;
  readonly deliveriesPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly latencyDistributionMs: readonly number[];
  /** Byte check: what the servers' sockets say against the clients' frame sums. */
  readonly bytesWritten: number;
  readonly expectedBytesWritten: number;
  readonly bytesRead: number;
  readonly expectedBytesRead: number;
  /** `message` frames only, per delivery (acks are counted apart). */
  readonly bytesPerDelivery: number;
  /** Everything the server wrote in the window (messages and acks), per delivery. */
  readonly bytesWrittenPerDelivery: number;
  /** Server CPU (user + system) during the burst, per 1000 deliveries. */
  readonly cpuMsPer1000Deliveries: number;
  /** Burst: every member says `burst` at once; deliveries over the time until the last one. */
  readonly burstDeliveries: number;
  readonly burstDeliveriesPerSecond: number;
  readonly burstLatencyP99Ms: number;
}
