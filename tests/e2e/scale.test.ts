import { strict as assert } from "node:assert";
import type { Stack } from "../support/pulumi";
import type { SimulatorOptions } from "../../simulator/server";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "./program";
import { e2eSuite } from "./suite";

/**
 * Request ceilings for a portfolio of 100 in one stack, under Cloudflare's rate limit. Ceilings, not timings:
 * the wall times are in `npm run bench:scale`.
 */
describe("@e2e a portfolio of 100 domains in one stack: API requests per command", function () {
  this.timeout(1_200_000);
  const N = 100;
  const e2e = e2eSuite({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "scale" });
  const stack = (base: string, sim: SimulatorOptions) =>
    e2e.stack({ config: { "e2e:domainName": base, "e2e:count": String(N) }, sim: { rateLimit: { requests: 1200, windowMs: 300_000 }, ...sim } });
  /** Run a command and return the API requests it made, by endpoint. */
  async function requests(s: Stack, ...args: string[]): Promise<{ total: number; by: Record<string, number> }> {
    e2e.sim.clearRequests();
    await s.ok(...args);
    assert.equal(e2e.sim.requests().filter((e) => e.rateLimited).length, 0, "no 429");
    return { total: e2e.sim.requests().length, by: e2e.sim.counts() };
  }

  it("adopting 100 owned domains: at most 0.1 requests per domain for preview + up, 0.05 for refresh", async () => {
    const owned = Array.from({ length: N }, (_, i) => ({ domain_name: `n${i}-owned.com`, auto_renew: false }));
    const s = await stack("owned.com", { registrations: owned });
    const preview = await requests(s, "preview");
    const up = await requests(s, "up", "--yes");
    assert.ok(preview.total + up.total <= 0.1 * N, `preview ${JSON.stringify(preview.by)}, up ${JSON.stringify(up.by)}`);
    assert.equal(up.by["get-registration"], undefined, "no per-domain look: adoption buys nothing");
    const refresh = await requests(s, "refresh", "--yes");
    assert.ok(refresh.total <= 0.05 * N, `refresh ${JSON.stringify(refresh.by)}`);
    assert.match(s.stateFile(), /n99-owned\.com/);
  });

  it("registering 100 new domains: a fresh GET and one-name domain-check right before each POST, the Checks batched, at most 5 per domain", async () => {
    const s = await stack("fresh.com", {});
    const preview = await requests(s, "preview");
    const previewChecks = e2e.sim.requests({ endpoint: "domain-check" }).map((e) => e.domains?.length);
    const up = await requests(s, "up", "--yes");
    const upChecks = e2e.sim.requests({ endpoint: "domain-check" }).map((e) => e.domains?.length);
    assert.equal(up.by["create-registration"], N);
    // The look before buying stays per domain and fresh: one GET per domain in create, nowhere else.
    assert.equal(up.by["get-registration"], N);
    // The engine calls Check one resource at a time, so the program's declarations batch it: each of the
    // three Checks (preview; up's preview and its update) asks domain-check about 20 names at a time...
    assert.deepEqual(previewChecks, Array(N / 20).fill(20));
    // ...and each create asks about its own domain alone, right before its POST.
    assert.equal(upChecks.filter((n) => n === 20).length, 2 * (N / 20));
    assert.equal(upChecks.filter((n) => n === 1).length, N);
    assert.equal(upChecks.length, 2 * (N / 20) + N);
    assert.ok(preview.total + up.total <= 5 * N, `preview ${JSON.stringify(preview.by)}, up ${JSON.stringify(up.by)}`);
    const refresh = await requests(s, "refresh", "--yes");
    assert.ok(refresh.total <= 0.05 * N, `refresh ${JSON.stringify(refresh.by)}`);
  });
});
