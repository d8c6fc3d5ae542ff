import { strict as assert } from "node:assert";
import { ACCOUNT } from "../support/sim";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "./program";
import { ConfirmingStack, e2eSuite } from "./suite";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe("@e2e expiry and status warnings through the real engine", function () {
  this.timeout(900_000);
  // Every command here says --yes itself: `refresh --preview-only` refuses PULUMI_SKIP_CONFIRMATIONS.
  const e2e = e2eSuite({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "w", stackClass: ConfirmingStack });

  /** A stack that adopts `domain`, which the account already owns with `reg`'s fields. */
  async function adopted(domain: string, reg: Record<string, unknown>): Promise<ConfirmingStack> {
    const s = await e2e.stack({ config: { "e2e:domainName": domain }, sim: { registrations: [{ domain_name: domain, ...reg }] } });
    await s.ok("up", "--yes");
    return s;
  }

  it("a preview warns of an expiring domain with autoRenew off, naming it and the fix, with 0 API requests", async () => {
    const s = await adopted("lapsing.com", { auto_renew: false, expires_at: inDays(12.5) });
    e2e.sim.clearRequests();
    const preview = await s.ok("preview", "--expect-no-changes");
    // "warning: " before the provider's own prefix: the engine's severity, not text on stderr (counted as a message).
    assert.match(
      preview.output,
      /warning: cloudflare-registrar: lapsing\.com expires in 12 days and will not renew; set autoRenew: true or renew in the dashboard\./,
    );
    assert.equal(e2e.sim.requests().length, 0, JSON.stringify(e2e.sim.counts()));
    console.log(`      preview output (expiring):\n${preview.output.replace(/^/gm, "        ")}`);
  });

  it("a domain that slid into redemption: refresh --preview-only warns from the fresh read, then every preview does, at 0 requests", async () => {
    const s = await adopted("slipping.com", { auto_renew: false, expires_at: inDays(200) });
    e2e.sim.registry.patchOutOfBand(ACCOUNT, "slipping.com", { status: "redemption_period", expires_at: inDays(-35) });
    const refresh = await s.run("refresh", "--preview-only");
    assert.match(refresh.output, /slipping\.com is in the REDEMPTION PERIOD.*last chance/);
    await s.ok("refresh", "--yes");
    e2e.sim.clearRequests();
    const preview = await s.ok("preview");
    assert.match(preview.output, /warning: cloudflare-registrar: slipping\.com is in the REDEMPTION PERIOD/);
    assert.equal(e2e.sim.requests().length, 0, JSON.stringify(e2e.sim.counts()));
    console.log(`      preview output (redemption_period):\n${preview.output.replace(/^/gm, "        ")}`);
  });

  it("failOnExpiryWarning fails the scheduled refresh --preview-only (env) and the preview (config) on the warning", async () => {
    const s = await adopted("strict.com", { auto_renew: false, expires_at: inDays(5) });
    // A refresh configures the provider from the state's recorded config, so the CI job sets the env var.
    s.extraEnv = { CLOUDFLARE_REGISTRAR_FAIL_ON_EXPIRY_WARNING: "true" };
    const refresh = await s.run("refresh", "--preview-only");
    assert.notEqual(refresh.code, 0, refresh.output);
    assert.match(refresh.output, /strict\.com expires in [45] days and will not renew.*failOnExpiryWarning is true/);
    s.extraEnv = {};
    assert.equal((await s.run("refresh", "--preview-only")).code, 0, "without it, the warning alone does not fail the job");
    await s.ok("config", "set", "cloudflare-registrar:failOnExpiryWarning", "true");
    const preview = await s.run("preview");
    assert.notEqual(preview.code, 0);
    assert.match(preview.output, /strict\.com expires in [45] days.*failOnExpiryWarning is true/);
  });
});
