import type { RunningApp } from "@repo/demo-kit/spawn-app";

/** How a test client reaches the server, as the contract varies it. */
export interface ConnectOptions {
  /** Bind the client to this loopback address (127.0.0.2 plays a proxy). */
  readonly localAddress?: string;
  /** Extra handshake headers, e.g. a spoofed X-Forwarded-For. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The handshake's Origin header, as a browser page would send it. */
  readonly origin?: string;
  /** Stop answering heartbeats: a peer that vanished without a FIN. */
  readonly silent?: boolean;
}

/** How a connection ended, seen from the client. */
export interface ClientClose {
  /** WebSocket close code, where the client sees one. */
  readonly code?: number;
  readonly reason: string;
}

/** What a clause expects of a close: the code, and a reason (exact, or a pattern). */
export interface ExpectedClose {
  readonly code?: number;
  readonly reason?: string | RegExp;
}

/** One client of a demo app, in the contract's own words. */
export interface ContractClient {
  /** The server's `welcome`: the id and the IP it sees for this client. */
  readonly welcome: { readonly id: string; readonly ip: string };
  /** Every `news` received so far, with when it arrived (performance.now()). */
  readonly news: ReadonlyArray<{ readonly seq: number; readonly at: number }>;
  /** When the handshake finished (performance.now()). */
  readonly connectedAt: number;
  /** Sends one `reply` for news `seq`. */
  reply(seq: number): void;
  /** Sends one message of `bytes` bytes, bigger than the server accepts. */
  sendOversize(bytes: number): void;
  /** Resolves when the connection ends, however it ends. */
  readonly closed: Promise<ClientClose>;
  /** Ends the connection politely and waits until it has. */
  close(): Promise<void>;
}

/** What the contract needs from each transport, and what differs. */
export interface TransportDriver {
  /** A row label: "ws", "socket.io", "socket.io (websocket only)"... */
  readonly name: string;
  /** Starts the app under test with these extra settings. */
  start(env: Record<string, string>): Promise<RunningApp>;
  /** Connects, and resolves once the server's `welcome` has arrived. */
  connect(app: RunningApp, options?: ConnectOptions): Promise<ContractClient>;
  /** Tries a handshake that should be refused; resolves with the HTTP status. */
  refusedStatus(app: RunningApp, options: ConnectOptions): Promise<number>;
  readonly capabilities: Capabilities;
}

/** The differences between transports, declared, never hidden in `if`s. */
export interface Capabilities {
  /** Settings that make the app's heartbeat fast enough to test. */
  readonly heartbeatEnv: Readonly<Record<string, string>>;
  /** A silent peer must be dropped within this many ms of connecting. */
  readonly deadPeerWithinMs: number;
  /** How an oversize message ends the connection, seen from the client. */
  readonly oversizeClose: ExpectedClose;
  /**
   * The HTTP status of a WebSocket handshake refused for its Origin, and
   * why it is that one.
   */
  readonly foreignOriginRefusal: {
    readonly status: number;
    readonly why: string;
  };
  /** How a graceful shutdown ends a connection, seen from the client. */
  readonly shutdownClose: ExpectedClose;
  /**
   * How long Node's own timer count may stay above its baseline after
   * clients left: engine.io keeps a 30 s timer for a polling client that
   * left before its upgrade finished (bounded, not a leak).
   */
  readonly lingeringTimersMs: number;
  /** Path and query of a WebSocket handshake, for a client written by hand. */
  readonly webSocketPath: string;
}
