// What the compare tool and its client processes (client-worker.ts) say
// to each other over IPC: the commands, and the reports that answer them.
// Types only, so that each side reads the same words.
/** "sse": an event stream for pushes, a fetch POST per reply (the SSE baseline). */
export type WorkerTransport =
  "ws" | "socket.io" | "socket.io-websocket" | "sse";

/** Which block and client process a client's source address belongs to. */
export interface SourceBlock {
  /** One block per server measured, 1 to 250 (source-addresses.ts, nextAddressBlock). */
  readonly block: number;
  /** The client process, from 0. */
  readonly worker: number;
}

export interface WorkerConfig {
  readonly transport: WorkerTransport;
  readonly port: number;
  readonly count: number;
  readonly concurrency: number;
  /**
   * The block of source addresses this process's clients connect from
   * (see sourceAddress); null: all from 127.0.0.1, where no other
   * loopback address works (macOS).
   */
  readonly source: SourceBlock | null;
  /** Socket.IO: the msgpack parser instead of the default JSON one (a tuning row). */
  readonly parser?: "msgpack";
}

export type WorkerCommand =
  | { readonly type: "connect"; readonly config: WorkerConfig }
  /** Waits until every Socket.IO client that started on polling has upgraded. */
  | { readonly type: "settle" }
  | { readonly type: "window-start" }
  /**
   * Stops replying. Pushes the server stamped up to `to` still count as
   * they arrive: they are in the server's byte window.
   */
  | { readonly type: "window-end"; readonly to: number }
  /** What was recorded so far; byte sums cover the pushes stamped within [from, to]. */
  | {
      readonly type: "window-report";
      readonly from: number;
      readonly to: number;
    }
  | { readonly type: "close" };

export interface ConnectReport {
  readonly type: "connected";
  readonly connectMs: number[];
  readonly failures: string[];
  /** Pushes this process's clients have received so far, all told. */
  readonly newsReceived: number;
}

export interface SettleReport {
  readonly type: "settled";
  readonly newsReceived: number;
}

export interface WindowReport {
  readonly type: "window";
  /**
   * Time between a client's consecutive pushes, ms, as it received them;
   * |gap - interval| is computed by the caller.
   */
  readonly gapsMs: number[];
  /** The same gaps by the server's own timestamps: its timer, without the trip. */
  readonly sentGapsMs: number[];
  /** Server send -> client receive, ms (same machine, high-resolution wall clock). */
  readonly latencyMs: number[];
  readonly pushes: number;
  readonly lost: number;
  /** Pushes whose server timestamp falls in the server's window. */
  readonly pushesInServerWindow: number;
  /** What those pushes should cost on the wire, by protocol arithmetic. */
  readonly expectedPushBytes: number;
  /** Replies sent while recording (the only client-to-server traffic then). */
  readonly replies: number;
  readonly expectedReplyBytes: number;
  /**
   * This client process's own event-loop delay in the window, ms: a push
   * that arrives while the clients are busy is timed late by them.
   */
  readonly eventLoopDelayP99Ms: number;
  readonly eventLoopDelayMaxMs: number;
}
