/**
 * The client's share of Cloudflare's rate limit (about 1200 requests per 5 minutes per user), spent evenly
 * by every request of the process: a token bucket whose burst plus its refill over five minutes never
 * exceeds the budget, so no five-minute window, sliding or fixed, holds more than the budget. A 429 that
 * comes anyway (another process, another tool) stops every request here until its Retry-After has passed.
 */
import type { Clock } from "./clock";

export const DEFAULT_REQUESTS_PER_FIVE_MINUTES = 1200;
export const BUDGET_WINDOW_MS = 300_000;

export class RateBudget {
  /** Requests that may go at once after a quiet spell: a twentieth of the budget. */
  readonly burst: number;
  private readonly perMs: number;
  private tokens: number;
  private last: number;
  private resumeAt = 0;
  /** Callers take their turn in order, so a steady stream is never starved by a later one. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    requestsPerWindow: number,
    private readonly clock: Clock,
    windowMs = BUDGET_WINDOW_MS,
  ) {
    this.burst = Math.max(1, Math.floor(requestsPerWindow / 20));
    this.perMs = Math.max(1, requestsPerWindow - this.burst) / windowMs;
    this.tokens = this.burst;
    this.last = clock.now();
  }

  /** Wait until one more request fits the budget, and spend it. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.next());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The API answered 429: send nothing more until `retryAfterMs` has passed, then start from an empty bucket. */
  pause(retryAfterMs: number | undefined): void {
    const until = this.clock.now() + (retryAfterMs ?? 1 / this.perMs);
    this.resumeAt = Math.max(this.resumeAt, until);
    this.tokens = 0;
    this.last = Math.max(this.last, this.resumeAt);
  }

  private async next(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.resumeAt) {
        await this.clock.sleep(this.resumeAt - now);
        continue;
      }
      if (now > this.last) {
        this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.perMs);
        this.last = now;
      }
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.ceil((1 - this.tokens) / this.perMs));
    }
  }
}
