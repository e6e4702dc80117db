// What to measure, as the command line says it: cli.ts builds a plan,
// run.ts runs it.
import type { RoomsOptions } from "../bench/rooms-figures.js";
import type { MeasureOptions } from "../bench/server-figures.js";
import type { TransportRow } from "../bench/servers.js";
import type { NetworkOptions } from "./network.js";

/** What to measure, as the command line says it. */
export interface Plan {
  readonly measure: MeasureOptions;
  readonly rows: readonly TransportRow[];
  /** Lesson 1 (--scenario push or all). */
  readonly push: boolean;
  /** Lesson 2 (--scenario rooms or all). */
  readonly rooms: boolean;
  readonly roomsOptions: RoomsOptions;
  /** Lesson 2's bare baselines beside the demos (not with --no-bare-rooms). */
  readonly bareRooms: boolean;
  readonly sweepCounts: readonly number[];
  readonly knobs: boolean;
  readonly recovery: boolean;
  readonly sse: boolean;
  readonly download: boolean;
  readonly redis: boolean;
  /** The network with distance (--network, or --scenario all); null: not run. */
  readonly network: NetworkOptions | null;
}
