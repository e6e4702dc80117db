// How each demo recovers, as each transport does it: the time to notice a
// dead peer (ws-demo's heartbeat, Socket.IO's ping/pong), and the time
// for a client to be back after the server restarts (ws-demo's page logic
// redone in Node; socket.io-client's built-in reconnection).
import { io } from "socket.io-client";
import { WebSocket } from "ws";
import {
  socketIoDriver,
  spawnApp,
  wsDriver,
  type RunningApp,
} from "@repo/contract";
import { serverEntries, type TransportRow } from "./servers.js";

export interface RecoveryFigures {
  /** HEARTBEAT_MS the dead-peer run used. */
  readonly heartbeatMs: number;
  /** From the handshake to the server dropping a peer that never answers. */
  readonly deadPeerDetectedMs: number;
  /** From the server's restart being ready to the client's next welcome. */
  readonly resumeAfterRestartMs: number;
}

/** A demo started for the recovery runs, with the heartbeat they use. */
export interface RecoveryApp {
  readonly app: RunningApp;
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Starts the demo of `row` with a heartbeat of `heartbeatMs`. Started
 * apart from the measuring, so that the compare tool can start it early:
 * an idle demo costs the machine nothing while others are measured.
 */
export async function startRecoveryApp(
  row: TransportRow,
  heartbeatMs: number,
): Promise<RecoveryApp> {
  const env = { HEARTBEAT_MS: String(heartbeatMs) };
  return { app: await spawnApp(row.demo, serverEntries[row.demo], env), env };
}

/** Measures both on a started demo (the dead peer first, then the restart), and stops it. */
export async function measureRecovery(
  row: TransportRow,
  { app, env }: RecoveryApp,
): Promise<RecoveryFigures> {
  let handedOver = false;
  try {
    const deadPeerDetectedMs = await deadPeer(row, app);
    handedOver = true; // resume() stops it
    const resumeAfterRestartMs = await resume(row, app, env);
    return {
      heartbeatMs: Number(env.HEARTBEAT_MS),
      deadPeerDetectedMs,
      resumeAfterRestartMs,
    };
  } finally {
    if (!handedOver) await app.stop();
  }
}

async function deadPeer(row: TransportRow, app: RunningApp): Promise<number> {
  const driver = row.id === "ws" ? wsDriver : socketIoDriver(["websocket"]);
  const silent = await driver.connect(app, { silent: true });
  await within(silent.closed, 10_000, `${row.demo} kept a dead peer for 10 s`);
  return performance.now() - silent.connectedAt;
}

/** A client that comes back by itself; resolves on each welcome. */
interface ComingBack {
  nextWelcome(): Promise<void>;
  stop(): void;
}

function wsComingBack(port: number): ComingBack {
  // The page's policy: 0.5 s doubling to 10 s, each shortened at random.
  let attempt = 0;
  let stopped = false;
  let onWelcome: () => void = () => {};
  let current: WebSocket | undefined;
  const open = () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    current = ws;
    ws.on("error", () => {});
    ws.on("message", (data: Buffer) => {
      if (data.toString("utf8").startsWith('{"event":"welcome"')) {
        attempt = 0;
        onWelcome();
      }
    });
    ws.on("close", () => {
      if (stopped) return;
      attempt += 1;
      const ceiling = Math.min(10_000, 500 * 2 ** (attempt - 1));
      setTimeout(open, ceiling / 2 + Math.random() * (ceiling / 2));
    });
  };
  open();
  return {
    nextWelcome: () => new Promise((resolve) => (onWelcome = resolve)),
    stop: () => {
      stopped = true;
      current?.terminate();
    },
  };
}

function socketIoComingBack(port: number, websocketOnly: boolean): ComingBack {
  const socket = io(`http://127.0.0.1:${port}`, {
    path: "/socket.io",
    transports: websocketOnly ? ["websocket"] : ["polling", "websocket"],
    forceNew: true,
  });
  let onWelcome: () => void = () => {};
  socket.on("welcome", () => onWelcome());
  return {
    nextWelcome: () => new Promise((resolve) => (onWelcome = resolve)),
    stop: () => void socket.close(),
  };
}

/** Stops `first`, starts the app again on its port, and times the client's return. */
async function resume(
  row: TransportRow,
  first: RunningApp,
  env: Readonly<Record<string, string>>,
): Promise<number> {
  const client =
    row.id === "ws"
      ? wsComingBack(first.port)
      : socketIoComingBack(first.port, row.id === "socket.io-websocket");
  try {
    await client.nextWelcome();
    const back = client.nextWelcome();
    await first.stop();
    const second = await spawnApp(row.demo, serverEntries[row.demo], {
      ...env,
      PORT: String(first.port),
    });
    const ready = performance.now();
    try {
      await within(back, 15_000, `${row.label} did not come back in 15 s`);
      return performance.now() - ready;
    } finally {
      await second.stop();
    }
  } finally {
    client.stop();
  }
}

/** `promise`, or an error after `ms`; the timer never outlives the race. */
async function within<T>(
  promise: Promise<T>,
  ms: number,
  message: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
