/**
 * A token bucket: `capacity` requests at once, then one more every
 * `refillMs`. It keeps no timer: the tokens that came back are worked out
 * from the clock when a request asks, so a thousand idle connections cost
 * two numbers each.
 */
// #region token-bucket
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes one token if there is one; false means "too fast, refuse this one". */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens <= 0) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(now: number): void {
    const refilled = Math.floor((now - this.updatedAt) / this.refillMs);
    if (refilled <= 0) return;
    this.tokens = Math.min(this.capacity, this.tokens + refilled);
    // Keep the fraction of a token already earned.
    this.updatedAt =
      this.tokens === this.capacity
        ? now
        : this.updatedAt + refilled * this.refillMs;
  }

  /**
   * Takes `count` tokens whatever is left, down to one bucket's worth of
   * debt: for what already happened and cannot be refused (a closed
   * connection leaves its rooms), but must still be paid for.
   */
  charge(now: number, count: number): void {
    this.refill(now);
    this.tokens = Math.max(-this.capacity, this.tokens - count);
  }

  /** Whether it is full again: forgetting it would change nothing. */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens === this.capacity;
  }
}
// #endregion token-bucket
