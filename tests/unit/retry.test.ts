import { strict as assert } from "node:assert";
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, retryAfterMs, retryDecision, RetryContext, RetryPolicy } from "../../provider/api/retry";

const policy: RetryPolicy = { maxRetries: 3, initialDelayMs: 100, maxDelayMs: 1_000, maxElapsedMs: 10_000 };
const decide = (over: Partial<RetryContext>) =>
  retryDecision({ request: "idempotent", attempt: 0, outcome: { kind: "status", status: 503 }, elapsedMs: 0, policy, random: () => 0, ...over });

describe("retry: the pure decision", () => {
  it("keeps the documented defaults", () => {
    assert.deepEqual(DEFAULT_RETRY_POLICY, { maxRetries: 4, initialDelayMs: 500, maxDelayMs: 8_000, maxElapsedMs: 60_000 });
  });

  it("retries 408, 429 and every 5xx of an idempotent request; nothing else", () => {
    for (const s of [408, 429, 500, 502, 503, 504, 599]) assert.equal(isRetryableStatus(s), true, String(s));
    for (const s of [200, 201, 400, 401, 403, 404, 409, 422, 499]) assert.equal(isRetryableStatus(s), false, String(s));
    assert.deepEqual(decide({ outcome: { kind: "status", status: 500 } }), { retry: true, delayMs: 50, why: "backoff after attempt 1" });
    assert.deepEqual(decide({ outcome: { kind: "status", status: 404 } }), { retry: false, outcomeUnknown: false, why: "HTTP 404 is final" });
  });

  it("invariant: a 5xx or 408 answer to the registration POST is 'outcome unknown', never a retry", () => {
    for (const status of [500, 502, 503, 408]) {
      const d = decide({ request: "registration", outcome: { kind: "status", status } });
      assert.deepEqual(d, { retry: false, outcomeUnknown: true, why: `HTTP ${status} to a registration: it may have been processed` });
    }
  });

  it("invariant: a 429 to the registration POST was not processed, so it is retried after Retry-After", () => {
    assert.deepEqual(decide({ request: "registration", outcome: { kind: "status", status: 429, retryAfterMs: 1_500 } }), {
      retry: true,
      delayMs: 1_500,
      why: "the server asked for 1500 ms",
    });
  });

  it("invariant: any other refusal of the registration POST is final, not unknown", () => {
    for (const status of [400, 401, 403, 404, 409]) {
      assert.deepEqual(decide({ request: "registration", outcome: { kind: "status", status } }), {
        retry: false,
        outcomeUnknown: false,
        why: `HTTP ${status} is final`,
      });
    }
  });

  it("invariant: a registration POST that failed in the connection is retried only when it provably never left", () => {
    assert.deepEqual(decide({ request: "registration", outcome: { kind: "network", neverLeft: false } }), {
      retry: false,
      outcomeUnknown: true,
      why: "the connection failed after the registration may have been sent",
    });
    assert.equal(decide({ request: "registration", outcome: { kind: "network", neverLeft: true } }).retry, true);
  });

  it("invariant: a request of unknown kind is treated as the registration (fail safe)", () => {
    const unknownKind = "other" as never;
    assert.equal(decide({ request: unknownKind, outcome: { kind: "network", neverLeft: false } }).retry, false);
    assert.deepEqual(decide({ request: unknownKind, outcome: { kind: "status", status: 503 } }), {
      retry: false,
      outcomeUnknown: true,
      why: "HTTP 503 to a registration: it may have been processed",
    });
  });

  it("retries an idempotent request after any connection failure", () => {
    assert.equal(decide({ outcome: { kind: "network", neverLeft: false } }).retry, true);
    assert.equal(decide({ outcome: { kind: "network", neverLeft: true } }).retry, true);
  });

  it("honours Retry-After over the backoff, and uses the backoff when there is none", () => {
    assert.deepEqual(decide({ outcome: { kind: "status", status: 503, retryAfterMs: 0 } }), { retry: true, delayMs: 0, why: "the server asked for 0 ms" });
    assert.deepEqual(decide({ attempt: 2, outcome: { kind: "network", neverLeft: false }, random: () => 1 }), {
      retry: true,
      delayMs: 400,
      why: "backoff after attempt 3",
    });
  });

  it("stops after maxRetries retries: attempt maxRetries is the last", () => {
    assert.equal(decide({ attempt: policy.maxRetries - 1 }).retry, true);
    assert.deepEqual(decide({ attempt: policy.maxRetries }), { retry: false, outcomeUnknown: false, why: "no retries left after 4 attempts" });
  });

  it("stops when the wait would pass the total time bound; a wait ending exactly on it is allowed", () => {
    const at = (elapsedMs: number) => decide({ elapsedMs, outcome: { kind: "status", status: 429, retryAfterMs: 2_000 } });
    assert.equal(at(8_000).retry, true);
    assert.deepEqual(at(8_001), { retry: false, outcomeUnknown: false, why: "waiting 2000 ms more would pass the 10000 ms bound" });
  });
});

describe("retry: backoff and Retry-After", () => {
  it("backs off exponentially with equal jitter, capped at maxDelayMs", () => {
    assert.equal(
      backoffDelay(0, policy, () => 0),
      50,
    );
    assert.equal(
      backoffDelay(0, policy, () => 1),
      100,
    );
    assert.equal(
      backoffDelay(1, policy, () => 0.5),
      150,
    );
    assert.equal(
      backoffDelay(3, policy, () => 1),
      800,
    );
    assert.equal(
      backoffDelay(4, policy, () => 1),
      1_000,
    );
    assert.equal(
      backoffDelay(10, policy, () => 0),
      500,
    );
    const d = backoffDelay(2, policy);
    assert.ok(d >= 200 && d <= 400, `default jitter stays in [200, 400]: ${d}`);
  });

  it("reads retry-after-ms, then retry-after in seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    assert.equal(retryAfterMs({ "retry-after-ms": "250" }, now), 250);
    assert.equal(retryAfterMs({ "retry-after-ms": ["0", "9"] }, now), 0);
    assert.equal(retryAfterMs({ "retry-after-ms": "250", "retry-after": "9" }, now), 250);
    assert.equal(retryAfterMs({ "retry-after-ms": "-1", "retry-after": "2" }, now), 2_000, "a negative retry-after-ms is ignored");
    assert.equal(retryAfterMs({ "retry-after-ms": "soon", "retry-after": "2" }, now), 2_000);
    assert.equal(retryAfterMs({ "retry-after": "1.5" }, now), 1_500);
    assert.equal(retryAfterMs({ "retry-after": ["3"] }, now), 3_000);
    assert.equal(retryAfterMs({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }, now), 5_000);
    assert.equal(retryAfterMs({ "retry-after": "Wed, 31 Dec 2025 23:59:00 GMT" }, now), 0, "a date in the past means now");
    assert.equal(retryAfterMs({ "retry-after": "  " }, now), undefined);
    assert.equal(retryAfterMs({ "retry-after-ms": "Infinity", "retry-after": "2" }, now), 2_000, "an endless retry-after-ms is ignored");
    assert.equal(retryAfterMs({ "retry-after": "Infinity" }, now), undefined, "an endless wait is no answer");
    assert.equal(retryAfterMs({ "retry-after": "-5" }, now), 0, "a negative number of seconds is never a negative wait");
    assert.equal(retryAfterMs({ "retry-after": "later" }, now), undefined);
    assert.equal(retryAfterMs({}, now), undefined);
    const sooner = retryAfterMs({ "retry-after": new Date(Date.now() + 60_000).toUTCString() });
    assert.ok(sooner! > 55_000 && sooner! <= 60_000, `default now is the current time: ${sooner}`);
  });
});
