// What the charts read of the compare tool's JSON: only the figures they
// draw, so that older files (without the SSE or download figures) still
// render.
import type { ClientDownloadData, SseData } from "../measured-tables.js";

/** What the charts read of the compare tool's JSON (docs/data/compare.json). */
export interface ComparisonData {
  readonly transports: ReadonlyArray<{
    readonly label: string;
    readonly demo: { readonly latencyDistributionMs?: readonly number[] };
    readonly bare: { readonly latencyDistributionMs?: readonly number[] };
    readonly ratios: {
      readonly heapPerConnection: number;
      readonly rssPerConnection: number;
      readonly bytesPerPush: number;
    };
  }>;
  readonly across?: ReadonlyArray<{
    readonly label: string;
    readonly ratios: Ratios;
  }>;
  readonly knobs?: ReadonlyArray<{
    readonly label: string;
    readonly ratios: Ratios;
  }>;
  readonly sweep?: ReadonlyArray<{
    readonly clients: number;
    readonly servers: ReadonlyArray<{
      readonly label: string;
      readonly heapPerConnection: number;
      readonly connectAllMs: number;
      readonly latencyP50Ms: number;
    }>;
  }>;
  readonly rooms?: {
    readonly transports: ReadonlyArray<{
      readonly label: string;
      readonly latencyDistributionMs: readonly number[];
    }>;
    readonly twoProcesses: ReadonlyArray<{
      readonly label: string;
      readonly latencyDistributionMs: readonly number[];
    }>;
  } | null;
  /** compare's `clientDownload` (absent in files written before it). */
  readonly clientDownload?: ClientDownloadData | null;
  /** compare's `sse` (absent in files written before it). */
  readonly sse?: SseData | null;
}

interface Ratios {
  readonly heapPerConnection: number;
  readonly bytesPerPush: number;
  readonly handshakeBytesWritten: number;
  readonly latencyP50: number;
}

/** The percentiles the compare tool keeps a distribution at (its DISTRIBUTION_PERCENTILES). */
export const PERCENTILES = [1, 5, 10, 25, 50, 75, 90, 95, 99, 100] as const;
