import cluster from "node:cluster";

/** Writes one line to the terminal, prefixed with the time of day. */
export type Log = (line: string) => void;

/**
 * The apps' logger: the package never logs, the apps do. In a worker of
 * WORKERS=N, each line also says which worker wrote it.
 */
export function createLog(write: (text: string) => void = console.log): Log {
  const worker =
    cluster.isWorker && cluster.worker ? `[worker ${cluster.worker.id}] ` : "";
  return (line) =>
    write(`${new Date().toISOString().slice(11, 23)} ${worker}${line}`);
}
