// A rooms client process (rooms-worker.ts, forked), driven one command at
// a time over IPC.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { RoomsCommand, RoomsReport } from "./rooms-worker.js";

const workerEntry = fileURLToPath(
  new URL("./rooms-worker.js", import.meta.url),
);

export class RoomsWorker {
  // One listener for the process's life: a run adds none that outlive it.
  private readonly exited: Promise<never>;
  private constructor(private readonly child: ChildProcess) {
    this.exited = once(child, "exit").then(([code]) => {
      throw new Error(
        `a rooms client process exited with code ${String(code)}`,
      );
    });
    this.exited.catch(() => {});
  }
  static start(): RoomsWorker {
    return new RoomsWorker(
      fork(workerEntry, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] }),
    );
  }
  /** One command at a time per process: the answer is the next message. */
  async run(command: RoomsCommand): Promise<RoomsReport> {
    const answer = once(this.child, "message") as Promise<[RoomsReport]>;
    this.child.send(command);
    const [report] = await Promise.race([answer, this.exited]);
    return report;
  }
  stop(): void {
    this.child.kill();
  }
}
