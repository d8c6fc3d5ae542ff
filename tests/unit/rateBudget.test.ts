import { strict as assert } from "node:assert";
import { settingsFromConfig } from "../../provider/host/stackConfig";
import { BUDGET_WINDOW_MS, RateBudget } from "../../provider/api/rateBudget";
import { VirtualClock } from "../support/clock";

describe("the client's rate budget (a token bucket on an injected clock)", () => {
  /** When each of `n` requests was let through, in order. */
  async function spend(budget: RateBudget, clock: VirtualClock, n: number): Promise<number[]> {
    const at: number[] = [];
    for (let i = 0; i < n; i++) {
      await budget.take();
      at.push(clock.now());
    }
    return at;
  }
  const mostInAnyWindow = (at: number[], windowMs: number) => {
    let most = 0;
    for (let i = 0, j = 0; i < at.length; i++) {
      while (at[i]! - at[j]! >= windowMs) j++;
      most = Math.max(most, i - j + 1);
    }
    return most;
  };

  it("lets a twentieth of the budget go at once, then spends evenly", async () => {
    const clock = new VirtualClock();
    const t0 = clock.now();
    const at = await spend(new RateBudget(1200, clock), clock, 62);
    assert.ok(
      at.slice(0, 60).every((t) => t === t0),
      "the first 60 go without waiting",
    );
    const gap = 300_000 / 1140;
    assert.ok(Math.abs(at[60]! - t0 - gap) <= 1, `the 61st waits one refill (${gap} ms), waited ${at[60]! - t0}`);
    assert.ok(Math.abs(at[61]! - at[60]! - gap) <= 1);
  });

  it("never puts more than the budget into any five-minute window, however long it runs", async () => {
    const clock = new VirtualClock();
    const at = await spend(new RateBudget(1200, clock), clock, 4000);
    const most = mostInAnyWindow(at, BUDGET_WINDOW_MS);
    assert.ok(most <= 1200 && most >= 1190, `${most} in the busiest window: at most the budget, and not far below it`);
    const budget600 = new RateBudget(600, clock);
    assert.ok(mostInAnyWindow(await spend(budget600, clock, 2000), BUDGET_WINDOW_MS) <= 600);
  });

  it("after a 429, nothing goes until its Retry-After has passed, and then no burst", async () => {
    const clock = new VirtualClock();
    const budget = new RateBudget(1200, clock);
    await spend(budget, clock, 5);
    const t429 = clock.now();
    budget.pause(30_000);
    const at = await spend(budget, clock, 2);
    assert.ok(at[0]! >= t429 + 30_000, `the next request waited ${at[0]! - t429} ms`);
    assert.ok(at[1]! - at[0]! >= 250, "the bucket starts empty after the pause");
  });

  it("serves concurrent callers in the order they asked", async () => {
    const clock = new VirtualClock();
    const budget = new RateBudget(40, clock); // a burst of 2
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => budget.take().then(() => order.push(i))));
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
  });

  it("is configured by cloudflare-registrar:requestsPerFiveMinutes, naming the key, the value and the fix when it is bad", () => {
    const from = (v?: string) =>
      settingsFromConfig((k) => (k === "cloudflare-registrar:requestsPerFiveMinutes" ? v : undefined), {}).client.requestsPerFiveMinutes;
    assert.equal(from(undefined), undefined);
    assert.equal(from("600"), 600);
    assert.throws(
      () => from("lots"),
      /cloudflare-registrar:requestsPerFiveMinutes is 'lots', not a whole number.*`pulumi config set cloudflare-registrar:requestsPerFiveMinutes 1200`/,
    );
    assert.throws(() => from("5"), /is '5', not a whole number of requests of at least 20/);
  });
});
