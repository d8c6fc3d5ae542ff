import { strict as assert } from "node:assert";
import { assessRenewal, daysUntil } from "../../provider/domain/renewal";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const inDays = (n: number) => new Date(NOW + n * 86_400_000).toISOString();

describe("renewal risk, from the state alone", () => {
  it("counts whole days to expiry, negative once past, null while unknown", () => {
    assert.equal(daysUntil(inDays(30), NOW), 30);
    assert.equal(daysUntil(inDays(29.5), NOW), 29);
    assert.equal(daysUntil(inDays(-2), NOW), -2);
    assert.equal(daysUntil(null, NOW), null);
  });

  it("warns at the threshold edge when autoRenew is off: 30 days warns, 31 does not", () => {
    const at30 = assessRenewal({ domainName: "a.com", status: "active", autoRenew: false, expiresAt: inDays(30) }, NOW, 30);
    assert.equal(at30.risk, "expiring");
    assert.equal(at30.warning, "a.com expires in 30 days and will not renew; set autoRenew: true or renew in the dashboard.");
    const at31 = assessRenewal({ domainName: "a.com", status: "active", autoRenew: false, expiresAt: inDays(31) }, NOW, 30);
    assert.deepEqual(at31, { daysUntilExpiry: 31, risk: "none" });
  });

  it("does not warn when autoRenew is on, however close the expiry", () => {
    assert.equal(assessRenewal({ domainName: "a.com", status: "active", autoRenew: true, expiresAt: inDays(1) }, NOW).warning, undefined);
  });

  it("honours a configured threshold", () => {
    assert.equal(assessRenewal({ domainName: "a.com", status: "active", autoRenew: false, expiresAt: inDays(45) }, NOW, 60).risk, "expiring");
  });

  it("says today, one day and days ago correctly", () => {
    assert.match(assessRenewal({ domainName: "a.com", status: "active", autoRenew: false, expiresAt: inDays(0.2) }, NOW).warning!, /expires today/);
    assert.match(assessRenewal({ domainName: "a.com", status: "active", autoRenew: false, expiresAt: inDays(1) }, NOW).warning!, /expires in 1 day and/);
    assert.match(assessRenewal({ domainName: "a.com", status: "active", autoRenew: false, expiresAt: inDays(-3) }, NOW).warning!, /expired 3 days ago/);
  });

  for (const status of ["expired", "redemption_period", "pending_delete"]) {
    it(`calls ${status} lapsed and says plainly it is the last chance, or past it`, () => {
      const a = assessRenewal({ domainName: "gone.com", status, autoRenew: true, expiresAt: inDays(-10) }, NOW);
      assert.equal(a.risk, "lapsed");
      assert.match(a.warning!, /^gone\.com (is|has) [^.]*[A-Z]{4,}/, "names the domain and states the status plainly");
      assert.match(a.warning!, status === "pending_delete" ? /can no longer be renewed or restored/ : /last chance/);
      assert.match(a.warning!, status === "pending_delete" ? /register it again/ : /Cloudflare dashboard/);
    });
  }

  it("points a suspended domain to where to look, without calling it a renewal risk", () => {
    const a = assessRenewal({ domainName: "s.com", status: "suspended", autoRenew: true, expiresAt: inDays(200) }, NOW);
    assert.equal(a.risk, "none");
    assert.match(a.warning!, /s\.com is SUSPENDED.*dashboard.*email/);
  });

  it("says nothing while a registration or transfer is pending (no expiry yet)", () => {
    for (const status of ["registration_pending", "transfer_pending"]) {
      assert.deepEqual(assessRenewal({ domainName: "p.com", status, autoRenew: false, expiresAt: null }, NOW), { daysUntilExpiry: null, risk: "none" });
    }
  });
});
