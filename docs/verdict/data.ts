// The parts of compare.json the verdict reads, the stored runs, and how a
// figure is found in them by its path. The `sse` and `clientDownload`
// objects come from a later version of the compare tool; until a run
// writes them, their cells say what you would build instead.
interface Figures {
  readonly heapPerConnection: number;
  readonly bytesPerPush: number;
  readonly handshakeBytesWritten: number;
  readonly httpRequestsPerClient: number;
  readonly connectP50Ms: number;
  readonly latencyP50Ms: number;
}
interface ClientBytes {
  readonly served: number;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
}
interface RoomsFigures {
  readonly label: string;
  readonly heapPerMember: number;
  readonly cpuMsPer1000Deliveries: number;
  readonly latencyP50Ms: number;
  readonly bytesPerDelivery: number;
}
export interface Comparison {
  readonly measuredAt: string;
  readonly transports: ReadonlyArray<{
    readonly id: string;
    readonly demo: Figures;
    readonly recovery?: { readonly resumeAfterRestartMs: number } | null;
  }>;
  readonly across: ReadonlyArray<{
    readonly label: string;
    readonly ratios: Readonly<Record<string, number>>;
  }>;
  readonly rooms?: {
    readonly transports: readonly RoomsFigures[];
    readonly twoProcesses: readonly RoomsFigures[];
    readonly across: ReadonlyArray<Readonly<Record<string, number | string>>>;
  } | null;
  readonly sse?: {
    readonly heapPerConnection: number;
    readonly bytesPerPush: number;
    readonly connectP50Ms: number;
    readonly lastEventIdResume: boolean;
  } | null;
  readonly clientDownload?: {
    readonly ws: ClientBytes;
    readonly socketio: ClientBytes;
  } | null;
}

/** The value at a dotted path ("rooms.transports.0.heapPerMember"), or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (at, key) =>
        at !== null && typeof at === "object"
          ? (at as Record<string, unknown>)[key]
          : undefined,
      data,
    );
}

/** Stored runs in time order; the first is docs/data/compare.json, the page's own. */
export interface Runs {
  readonly latest: Comparison;
  readonly all: readonly Comparison[];
}
