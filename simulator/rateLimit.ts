/**
 * Cloudflare's per-token rate limit (about 1200 requests per 5 minutes): a fixed window per credential on
 * the simulator's clock. Over the limit the API answers 429 with Retry-After, without processing.
 */
import type { Clock } from "./clock";
import { answer, ApiResponse, failure } from "./envelope";
import { retryAfter, TOO_MANY_REQUESTS } from "./faults";

export interface RateLimitOptions {
  requests: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: RateLimitOptions,
    private readonly clock: Clock,
  ) {}

  /** Count one request; a 429 answer when this credential is over its limit. */
  take(credential: string): ApiResponse | undefined {
    const now = this.clock.now();
    let w = this.windows.get(credential);
    if (!w || now >= w.start + this.limit.windowMs) this.windows.set(credential, (w = { start: now, count: 0 }));
    if (w.count < this.limit.requests) {
      w.count++;
      return undefined;
    }
    const seconds = Math.max(1, Math.ceil((w.start + this.limit.windowMs - now) / 1000));
    return { ...answer(429, failure(971, TOO_MANY_REQUESTS), retryAfter(seconds, false, this.clock)), rateLimited: true };
  }
}
