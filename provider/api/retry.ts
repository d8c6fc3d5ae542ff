/** When and how long to wait before trying a request again. */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the first attempt. */
  maxElapsedMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxElapsedMs: 60_000,
};

/**
 * Statuses worth retrying for a request that is safe to repeat. A 409 is final and never retried, unlike
 * Cloudflare's official SDK (`cloudflare` 7.3.0 retries 408, 409, 429 and 5xx twice by default, so a
 * conflicting create is three POSTs there): a conflict is a state (the domain is held, an operation is in
 * flight) that an immediate retry cannot change, and for a registration a second POST is the one thing
 * that must never happen (tests/integration/client/client.test.ts, tests/integration/simulator/officialClient.test.ts).
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients do not retry in step. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * The server's requested wait, from `retry-after-ms` (Cloudflare SDKs honour it) or `retry-after`
 * (seconds or an HTTP date).
 */
export function retryAfterMs(headers: Record<string, string | string[] | undefined>, now: number = Date.now()): number | undefined {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const ms = Number(first(headers["retry-after-ms"]));
  // An absent header is Number(undefined), NaN: not finite.
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = first(headers["retry-after"]);
  if (raw === undefined || raw.trim() === "") return undefined;
  const seconds = Number(raw);
  // Stryker disable next-line EqualityOperator: equivalent; with "> 0", "0" falls through to Date.parse("0"), a date in 2000, which also means 0
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * What a request is, for the retry decision: `idempotent` may be sent again whenever its answer was
 * lost or transient; `registration` (the billable POST) only when it provably was not processed.
 */
export type RequestKind = "idempotent" | "registration";

/** What one attempt ended in, when it did not succeed. */
export type AttemptOutcome = { kind: "status"; status: number; retryAfterMs?: number } | { kind: "network"; neverLeft: boolean };

export type RetryDecision =
  | { retry: true; delayMs: number; why: string }
  /** `outcomeUnknown`: the server may have acted on the request; look before doing anything else. */
  | { retry: false; outcomeUnknown: boolean; why: string };

export interface RetryContext {
  request: RequestKind;
  /** 0 for the first attempt. */
  attempt: number;
  outcome: AttemptOutcome;
  /** Time since the first attempt started. */
  elapsedMs: number;
  policy: RetryPolicy;
  random?: () => number;
}

/** Whether to send a failed request again, after how long, and why (or why not). */
export function retryDecision(ctx: RetryContext): RetryDecision {
  const { outcome, policy } = ctx;
  // Fail safe: a request not known to be idempotent is treated as the registration.
  const unsafe = ctx.request !== "idempotent";
  let retryAfter: number | undefined;
  if (outcome.kind === "status") {
    const { status } = outcome;
    // A 5xx or 408 may come after the server acted on the request; a 429 means it was not processed.
    if (unsafe && (status >= 500 || status === 408)) {
      return { retry: false, outcomeUnknown: true, why: `HTTP ${status} to a registration: it may have been processed` };
    }
    // What is left retryable for a registration is the 429 alone.
    if (!isRetryableStatus(status)) return { retry: false, outcomeUnknown: false, why: `HTTP ${status} is final` };
    retryAfter = outcome.retryAfterMs;
  } else if (unsafe && !outcome.neverLeft) {
    return { retry: false, outcomeUnknown: true, why: "the connection failed after the registration may have been sent" };
  }
  const delayMs = retryAfter ?? backoffDelay(ctx.attempt, policy, ctx.random);
  if (ctx.attempt >= policy.maxRetries) return { retry: false, outcomeUnknown: false, why: `no retries left after ${ctx.attempt + 1} attempts` };
  if (ctx.elapsedMs + delayMs > policy.maxElapsedMs) {
    return { retry: false, outcomeUnknown: false, why: `waiting ${delayMs} ms more would pass the ${policy.maxElapsedMs} ms bound` };
  }
  return { retry: true, delayMs, why: retryAfter === undefined ? `backoff after attempt ${ctx.attempt + 1}` : `the server asked for ${retryAfter} ms` };
}
