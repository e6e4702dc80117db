// The one progress line on stderr while a plan runs: rewritten in place on
// a terminal, one timed line each otherwise (a CI log). Steps count the
// servers and phases done, so that a line says how far the run is.
export class Progress {
  /** When the run started: the comparison's durationMs counts from here. */
  readonly started = performance.now();
  private step = 0;

  /** Shows `text` as the current step's line. */
  readonly show = (text: string): void => {
    const line = `[${this.step + 1}] ${text}`;
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
    else
      console.error(
        `${((performance.now() - this.started) / 1000).toFixed(1).padStart(5)} s ${line}`,
      );
  };

  /** One step done: the next line counts on. */
  next(): void {
    this.step += 1;
  }
}
