import { strict as assert } from "node:assert";
import { Harness, startSim, VirtualClock } from "../../support/sim";

describe("the client's rate budget against the simulator's rate limit (one virtual clock for both)", () => {
  let h: Harness;
  afterEach(() => h.stop());
  const limited = () => h.sim.requests().filter((e) => e.rateLimited).length;

  it("1500 requests under Cloudflare's 1200 per 5 minutes: spent evenly, no 429", async () => {
    const clock = new VirtualClock();
    h = await startSim({ clock, rateLimit: { requests: 1200, windowMs: 300_000 }, registrations: [{ domain_name: "steady.com" }] });
    const c = h.client({ clock });
    const t0 = clock.now();
    for (let i = 0; i < 1500; i++) await c.getRegistration("steady.com");
    assert.equal(limited(), 0);
    // 60 at once, then 1140 per 5 minutes: the last of 1500 goes about 6.3 minutes in.
    const minutes = (clock.now() - t0) / 60_000;
    assert.ok(minutes > 6 && minutes < 6.6, `took ${minutes.toFixed(2)} virtual minutes`);
  });

  it("after a 429 nothing is sent until its Retry-After has passed", async () => {
    const clock = new VirtualClock();
    h = await startSim({ clock, rateLimit: { requests: 10, windowMs: 60_000 }, registrations: [{ domain_name: "busy.com" }] });
    const c = h.client({ clock });
    for (let i = 0; i < 10; i++) await c.getRegistration("busy.com");
    const eleventh = await Promise.allSettled([c.getRegistration("busy.com")]);
    await c.getRegistration("busy.com");
    assert.equal(limited(), 1, JSON.stringify(eleventh));
    const log = h.sim.requests();
    const refused = log.findIndex((e) => e.rateLimited);
    const after = log.slice(refused + 1).map((e) => Date.parse(e.startedAt) - Date.parse(log[refused]!.startedAt));
    assert.ok(after.length >= 1 && after.every((ms) => ms >= 60_000), `sent ${after.join(", ")} ms after the 429`);
  });
});
