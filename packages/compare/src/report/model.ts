// The comparison's model: what `compare --json` writes and the docs site
// reads, as types only. The figures of one server or one rooms run are
// the measuring code's (bench/); this is how the report puts them
// together: demo against bare, transport against transport, checks.
import type { ClientDownload } from "../bench/client-download.js";
import type {
  PushDistanceFigures,
  RoomsDistanceFigures,
} from "../bench/distance.js";
import type { DistanceTransport } from "../bench/distance-clients.js";
import type { MemberTransport } from "../bench/distance-members.js";
import type { RecoveryFigures } from "../bench/recovery.js";
import type { RoomsFigures, RoomsOptions } from "../bench/rooms-figures.js";
import type { ServerFigures } from "../bench/server-figures.js";
import type { Knob, TransportRow } from "../bench/servers.js";
import type { ResumeFigures } from "../bench/sse-resume.js";

/** demo / bare, measured side by side in the same run. */
export interface DemoOverBare {
  readonly heapPerConnection: number;
  readonly rssPerConnection: number;
  readonly cadenceP99: number;
  readonly sentCadenceP99: number;
  readonly bytesPerPush: number;
}

/** One transport's demo, its bare baseline, and what the abstraction costs. */
export interface TransportResult {
  readonly id: TransportRow["id"];
  readonly label: string;
  readonly demo: ServerFigures;
  readonly bare: ServerFigures;
  readonly recovery: RecoveryFigures | null;
  readonly ratios: DemoOverBare;
}

/** One server's figures divided by another's, measured in the same run. */
export interface FigureRatios {
  readonly heapPerConnection: number;
  readonly rssPerConnection: number;
  readonly handshakeBytesWritten: number;
  readonly connectAll: number;
  readonly bytesPerPush: number;
  readonly bytesPerReply: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
  readonly roundTripP50: number;
}

/** One transport against another: the demos with each other, the baselines with each other. */
export interface AcrossResult {
  readonly label: string;
  readonly ratios: FigureRatios;
}

/** A tuning row: one setting changed on a bare baseline, against that baseline as it is. */
export interface KnobResult {
  readonly id: Knob["id"] | "socketio-websocket-only";
  readonly label: string;
  /** What it is set against, e.g. "ws bare". */
  readonly against: string;
  readonly exactBytes: boolean;
  readonly figures: ServerFigures;
  readonly ratios: FigureRatios;
}

export interface Check {
  readonly subject: string;
  readonly what: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** One client count of a sweep: each server's figures that scale. */
export interface SweepPoint {
  readonly clients: number;
  readonly servers: ReadonlyArray<{
    readonly label: string;
    readonly heapPerConnection: number;
    readonly connectAllMs: number;
    readonly latencyP50Ms: number;
    readonly latencyP99Ms: number;
    readonly eventLoopDelayP99Ms: number;
  }>;
}

/** What `--scenario rooms` adds to the comparison. */
export interface RoomsComparison {
  readonly options: Omit<RoomsOptions, "progress">;
  readonly transports: readonly RoomsFigures[];
  /** The same on two processes sharing rooms through Redis; empty when not run. */
  readonly twoProcesses: readonly RoomsFigures[];
  /** Why the two-process runs are missing, when they are. */
  readonly twoProcessesNote: string | null;
  /** Socket.IO's figures over ws's, on one process and on two. */
  readonly across: readonly RoomsRatios[];
  /** Each demo's bare baseline, on one process (empty with --no-bare-rooms). */
  readonly bare: readonly RoomsFigures[];
  /** Each demo over its bare baseline, measured in the same run. */
  readonly demoOverBare: readonly RoomsDemoOverBare[];
}

/** One demo's rooms over its bare baseline's (see roomsDemoOverBare). */
export interface RoomsDemoOverBare {
  readonly label: string;
  readonly cpuPer1000Deliveries: number;
  readonly heapPerMember: number;
  readonly burstDeliveriesPerSecond: number;
  readonly latencyP99: number;
  /** The figures above the target (within 1.2x of the baseline). */
  readonly overTarget: ReadonlyArray<"cpu" | "heap">;
  /** When over: what the demo's extra code buys, per transport; else null. */
  readonly buys: string | null;
}

export interface RoomsRatios {
  readonly label: string;
  readonly heapPerMember: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
  readonly bytesPerDelivery: number;
  readonly cpuPer1000Deliveries: number;
  readonly burstDeliveriesPerSecond: number;
}

/** What `compare` writes as the top-level `sse` object of its JSON. */
export interface SseResult {
  readonly label: string;
  readonly server: "sse-bare";
  /** The headline figures, also in `figures`, named as the verdict page reads them. */
  readonly heapPerConnection: number;
  readonly bytesPerPush: number;
  readonly expectedBytesPerPush: number;
  /** The POST as the server read it, headers included (measured, not predicted). */
  readonly bytesPerReply: number;
  /** The server's answer to that POST: a reply over WebSocket has none. */
  readonly bytesPerReplyAnswer: number | null;
  readonly connectP50Ms: number;
  readonly connectP99Ms: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Measured: a client back with Last-Event-ID got every push it missed, once, in order. */
  readonly lastEventIdResume: boolean;
  readonly resume: ResumeFigures | null;
  /** Against the ws baseline measured in the same run (null if ws was not). */
  readonly againstWsBare: FigureRatios | null;
  readonly figures: ServerFigures;
}

/** What `compare --json` writes and the docs site reads. */
export interface Comparison {
  readonly measuredAt: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGiB: number;
    readonly node: string;
    readonly platform: string;
  };
  readonly options: {
    readonly clients: number;
    readonly intervalMs: number;
    readonly windowMs: number;
    readonly concurrency: number;
  };
  readonly durationMs: number;
  readonly transports: readonly TransportResult[];
  /** Transport against transport, same push text (see acrossTransports). */
  readonly across: readonly AcrossResult[];
  readonly knobs: readonly KnobResult[];
  /** `--sweep`: the same run at several client counts, for the scaling lines. */
  readonly sweep: readonly SweepPoint[];
  /** `--scenario rooms` (or all): lesson 2. */
  readonly rooms: RoomsComparison | null;
  /** Lesson 1 on a bare Server-Sent Events server (null with --no-sse or --scenario rooms). */
  readonly sse: SseResult | null;
  /** What each demo's pages make the browser download (null with --no-download). */
  readonly clientDownload: ClientDownload | null;
  /** `--network` (or --scenario all): through a relay that adds distance. */
  readonly network: NetworkComparison | null;
  readonly checks: readonly Check[];
}

/** What `compare --network` writes as the top-level `network` object. */
export interface NetworkComparison {
  /** The commit measured (git rev-parse --short HEAD), null outside a checkout. */
  readonly commit: string | null;
  readonly options: {
    /** One-way delays the relay added, 0 (the control) first. */
    readonly delaysMs: readonly number[];
    /** Clients (or room members) at once per transport and delay. */
    readonly clients: number;
    readonly outageMs: number;
    /** PUSH_INTERVAL_MS the servers used. */
    readonly pushIntervalMs: number;
    /** The SSE clients' fixed reconnect delay (Chromium's EventSource). */
    readonly eventSourceRetryMs: number;
  };
  readonly push: readonly NetworkPushRow[];
  readonly rooms: readonly NetworkRoomsRow[];
}

export interface NetworkPushRow {
  readonly id: DistanceTransport;
  readonly label: string;
  readonly byDelay: readonly PushDistanceFigures[];
}

export interface NetworkRoomsRow {
  readonly id: MemberTransport;
  readonly label: string;
  readonly byDelay: readonly RoomsDistanceFigures[];
}
