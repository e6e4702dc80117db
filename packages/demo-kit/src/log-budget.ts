import type { Log } from "./log.js";

export interface LogBudgetOptions {
  /** Lines written per window; the rest are only counted. */
  readonly linesPerWindow?: number;
  readonly windowMs?: number;
  /** Who the lines are about, to start the summary line: "conn-7". */
  readonly subject: string;
  /** What was held back, plural: "messages". */
  readonly noun: string;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/**
 * A log that one client cannot flood. A client that sends a message a
 * millisecond would write a line a millisecond, fill the disk and bury
 * every other line; past its budget, its lines are counted instead, and
 * one summary line says how many were held back. Takes no timer: the
 * summary is written with the next line after the window, or by flush()
 * when the connection ends.
 */
export class LogBudget {
  private readonly linesPerWindow: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private windowStart = Number.NEGATIVE_INFINITY;
  private written = 0;
  private heldBack = 0;

  constructor(
    private readonly log: Log,
    private readonly options: LogBudgetOptions,
  ) {
    this.linesPerWindow = options.linesPerWindow ?? 20;
    this.windowMs = options.windowMs ?? 10_000;
    this.now = options.now ?? monotonicNow; // shared: no closure per client
  }

  /** Writes the line if the budget allows, else counts it. */
  line(text: string): void {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.flush();
      this.windowStart = now;
      this.written = 0;
    }
    if (this.written < this.linesPerWindow) {
      this.written += 1;
      this.log(text);
    } else {
      this.heldBack += 1;
    }
  }

  /** Writes the summary of the lines held back, if any. */
  flush(): void {
    if (this.heldBack === 0) return;
    const count = this.heldBack.toLocaleString("en-US");
    this.heldBack = 0;
    const { subject, noun } = this.options;
    const seconds = Math.round(this.windowMs / 1000);
    this.log(
      `${subject}: ${count} more ${noun} not logged (at most ${this.linesPerWindow} lines per ${seconds} s)`,
    );
  }
}

function monotonicNow(): number {
  return performance.now();
}
