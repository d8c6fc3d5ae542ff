import { strict as assert } from "node:assert";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "./program";
import { e2eSuite } from "./suite";

/**
 * The quote is a checked input, so Pulumi's update plans hold it: an update constrained to its preview's
 * plan refuses to buy at a price the preview did not show. These run the engine's own plan checks.
 */
describe("@e2e update plans lock the previewed price", function () {
  this.timeout(600_000);
  const e2e = e2eSuite({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "plan" });
  const stack = (name: string, domain: string) => e2e.stack({ name, config: { "e2e:domainName": domain } });

  it("pulumi up --strict buys at the price its preview showed, and refuses when the price moved in between", async () => {
    const steady = await stack("strict1", "steady.com");
    await steady.ok("up", "--yes", "--strict");
    assert.equal(e2e.sim.charges().length, 1);
    await e2e.h.stop();

    const moving = await stack("strict2", "moving.com");
    // The price rises once up's preview has priced the domain, before its update runs the program again.
    const watch = setInterval(() => {
      if (e2e.sim.requests({ endpoint: "domain-check" }).length > 0) {
        e2e.sim.setDomain("moving.com", { price: { registration: "99.00" } });
        clearInterval(watch);
      }
    }, 5);
    const up = await moving.run("up", "--yes", "--strict").finally(() => clearInterval(watch));
    assert.notEqual(up.code, 0, up.output);
    assert.match(up.output, /violates plan: properties changed: .*quote.*10\.44.*99\.00/);
    assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 0);
    assert.deepEqual(e2e.sim.charges(), []);
  });

  it("GitOps: the pull request's pulumi preview --save-plan, then pulumi up --plan on merge, refuses a price rise in between", async () => {
    const s = await stack("plan1", "merged.com");
    const plan = path.join(mkdtempSync(path.join(tmpdir(), "cfr-plan-")), "plan.json");
    const preview = await s.ok("preview", "--save-plan", plan);
    assert.match(preview.output, /merged\.com: available; registering it will cost USD 10\.44 for 1 year/);
    e2e.sim.setDomain("merged.com", { price: { registration: "12.00" } });
    const up = await s.run("up", "--yes", "--plan", plan);
    assert.notEqual(up.code, 0, up.output);
    assert.match(up.output, /violates plan/);
    assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 0);
    assert.deepEqual(e2e.sim.charges(), []);
    // Back at the previewed price, the same plan goes through: one purchase at 10.44.
    e2e.sim.setDomain("merged.com", undefined);
    await s.ok("up", "--yes", "--plan", plan);
    assert.deepEqual(
      e2e.sim.charges().map((c) => [c.domain, c.amount]),
      [["merged.com", "10.44"]],
    );
  });
});
