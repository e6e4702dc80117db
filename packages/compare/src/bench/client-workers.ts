// The client processes that drive a measured server (client-worker.ts,
// forked), and how clients are spread over them and over source addresses.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { RunningApp } from "@repo/contract";
import type {
  ConnectReport,
  WorkerCommand,
  WorkerConfig,
  WorkerTransport,
} from "./client-protocol.js";
import { sum } from "./percentiles.js";
import type { ServerName } from "./servers.js";
import { canUseSourceAddresses } from "./source-addresses.js";

const workerEntry = fileURLToPath(
  new URL("./client-worker.js", import.meta.url),
);
/** Clients per worker process (each process spreads them over source addresses). */
export const CLIENTS_PER_WORKER = 2500;

/** One client process, driven one command at a time over IPC. */
export class Worker {
  private constructor(private readonly child: ChildProcess) {}

  static start(): Worker {
    const child = fork(workerEntry, [], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return new Worker(child);
  }

  async run<T>(command: WorkerCommand): Promise<T> {
    const answer = once(this.child, "message") as Promise<[T]>;
    const exited = once(this.child, "exit").then(([code]) => {
      throw new Error(`a client process exited with code ${String(code)}`);
    });
    this.child.send(command);
    const [message] = await Promise.race([answer, exited]);
    return message;
  }

  stop(): void {
    this.child.kill();
  }
}

/** A server started for measuring, with the client processes that will drive it. */
export interface PreparedServer {
  readonly server: ServerName;
  /** The x of the 127.x.0.0/16 its clients connect from. */
  readonly addressBlock: number;
  readonly app: RunningApp;
  readonly workers: readonly Worker[];
  /** Stops the clients and the server (measureServer does it when done). */
  stop(): Promise<void>;
}

/** Connects `count` more clients, spread over `workers`, `concurrency` at a time. */
export async function connectClients(
  prepared: PreparedServer,
  transport: WorkerTransport,
  count: number,
  concurrency: number,
  workers: readonly Worker[] = prepared.workers,
  parser?: "msgpack",
): Promise<{ elapsedMs: number; connectMs: number[]; newsReceived: number }> {
  if (count === 0) return { elapsedMs: 0, connectMs: [], newsReceived: 0 };
  const { app, server } = prepared;
  const spread = await canUseSourceAddresses();
  const started = performance.now();
  const reports = await Promise.all(
    workers.map((worker, w) => {
      const share =
        Math.floor(count / workers.length) +
        (w < count % workers.length ? 1 : 0);
      const config: WorkerConfig = {
        transport,
        port: app.port,
        count: share,
        concurrency: Math.max(1, Math.round(concurrency / workers.length)),
        source: spread ? { block: prepared.addressBlock, worker: w } : null,
        ...(parser ? { parser } : {}),
      };
      return worker.run<ConnectReport>({ type: "connect", config });
    }),
  );
  const elapsedMs = performance.now() - started;
  const failures = reports.flatMap((r) => r.failures);
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} of ${count} clients failed to connect to ${server}; first: ${failures[0]}`,
    );
  }
  return {
    elapsedMs,
    connectMs: reports.flatMap((r) => r.connectMs),
    newsReceived: sum(reports.map((r) => r.newsReceived)),
  };
}
