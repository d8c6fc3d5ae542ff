import { strict as assert } from "node:assert";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { ACCOUNT, Harness, startSim } from "../../support/sim";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const inDays = (n: number) => new Date(NOW + n * 86_400_000).toISOString();

/** Expiry and status warnings: from the state alone in diff (no API request), from the fresh read in refresh. */
describe("RegistrationProvider warns before a domain is lost", () => {
  let h: Harness;
  let logs: string[];
  const provider = (renewal = { warningDays: 30, fail: false }) =>
    new RegistrationProvider({ client: h.clientOptions(), log: (m) => logs.push(m), now: () => NOW, renewal });
  const state = (over: Record<string, unknown>) => ({
    domainName: "keep.com",
    accountId: ACCOUNT,
    autoRenew: false,
    status: "active",
    expiresAt: inDays(10),
    ...over,
  });
  beforeEach(async () => {
    h = await startSim();
    logs = [];
  });
  afterEach(() => h.stop());

  it("warns in every preview's diff of an expiring domain with autoRenew off, with zero API requests", async () => {
    const p = provider();
    const d = await p.diff("keep.com", state({}), { domainName: "keep.com", autoRenew: false });
    assert.equal(d.changes, false);
    assert.deepEqual(logs, ["cloudflare-registrar: warning: keep.com expires in 10 days and will not renew; set autoRenew: true or renew in the dashboard."]);
    assert.equal(h.sim.requests().length, 0);
    await p.close();
  });

  it("honours the threshold at its edges: 30 days warns, 31 does not; a wider threshold from config widens it", async () => {
    const p = provider();
    await p.diff("keep.com", state({ expiresAt: inDays(31) }), { domainName: "keep.com" });
    assert.deepEqual(logs, []);
    await p.diff("keep.com", state({ expiresAt: inDays(30) }), { domainName: "keep.com" });
    assert.equal(logs.length, 1);
    logs.length = 0;
    await provider({ warningDays: 45, fail: false }).diff("keep.com", state({ expiresAt: inDays(40) }), { domainName: "keep.com" });
    assert.match(logs.join(), /expires in 40 days/);
  });

  it("keeps quiet about expiry when the program turns autoRenew on (the diff shows that change), but not about a lapse", async () => {
    const p = provider();
    const d = await p.diff("keep.com", state({}), { domainName: "keep.com", autoRenew: true });
    assert.equal(d.changes, true);
    assert.deepEqual(logs, []);
    await p.diff("keep.com", state({ status: "redemption_period" }), { domainName: "keep.com", autoRenew: true });
    assert.match(logs.join(), /REDEMPTION PERIOD.*last chance/);
  });

  for (const [status, text] of [
    ["expired", /keep\.com has EXPIRED.*last chance/],
    ["redemption_period", /keep\.com is in the REDEMPTION PERIOD.*last chance.*restore it now in the Cloudflare dashboard/],
    ["pending_delete", /keep\.com is PENDING DELETE.*can no longer be renewed or restored/],
    ["suspended", /keep\.com is SUSPENDED.*Look in the Cloudflare dashboard/],
  ] as const) {
    it(`warns of ${status} in the preview, even with autoRenew on`, async () => {
      await provider().diff("keep.com", state({ status, autoRenew: true, expiresAt: inDays(-5) }), { domainName: "keep.com", autoRenew: true });
      assert.equal(logs.length, 1);
      assert.match(logs[0]!, text);
      assert.equal(h.sim.requests().length, 0);
    });
  }

  it("says nothing for a healthy domain or one still pending", async () => {
    const p = provider();
    await p.diff("keep.com", state({ autoRenew: true }), { domainName: "keep.com", autoRenew: true });
    await p.diff("keep.com", state({ status: "registration_pending", expiresAt: null }), { domainName: "keep.com" });
    await p.diff("keep.com", state({ expiresAt: inDays(400) }), { domainName: "keep.com" });
    assert.deepEqual(logs, []);
  });

  it("warns on refresh from the fresh read: a domain that slid into redemption out of band", async () => {
    h.sim.registry.seed(ACCOUNT, { domain_name: "keep.com", status: "redemption_period", auto_renew: false, expires_at: inDays(-40) });
    const r = await provider().read("keep.com", state({}));
    assert.equal((r.props as { status: string }).status, "redemption_period");
    assert.match(logs.join(), /keep\.com is in the REDEMPTION PERIOD/);
  });

  it("fails the preview and the refresh instead, with failOnExpiryWarning", async () => {
    const strict = provider({ warningDays: 30, fail: true });
    await assert.rejects(strict.diff("keep.com", state({}), { domainName: "keep.com" }), /keep\.com expires in 10 days.*failOnExpiryWarning is true/);
    h.sim.registry.seed(ACCOUNT, { domain_name: "keep.com", status: "expired", auto_renew: false, expires_at: inDays(-1) });
    await assert.rejects(strict.read("keep.com", state({})), /keep\.com has EXPIRED.*failOnExpiryWarning/);
  });
});
