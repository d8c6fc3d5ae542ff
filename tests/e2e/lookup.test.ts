import { strict as assert } from "node:assert";
import { ACCOUNT } from "../support/sim";
import { E2E_PULUMI_YAML } from "./program";
import { e2eSuite } from "./suite";

/** Looks registrations up by id, both ways a Pulumi SDK offers: the static get, and the `id` option. */
const LOOKUP_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { DomainRegistration } = require("pulumi-cloudflare-registrar");
const cfg = new pulumi.Config("e2e");
const viaGet = DomainRegistration.get("existing", cfg.require("lookupId"));
for (const k of ["domainName", "status", "autoRenew", "expiresAt", "accountId", "locked", "renewalRisk"]) exports[k] = viaGet[k];
const other = cfg.get("optionId");
if (other) exports.viaOption = new DomainRegistration("by-option", { domainName: other }, { id: other }).status;
`;

describe("@e2e DomainRegistration.get and the id option through the real engine", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ files: { "index.js": LOOKUP_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "l" });
  const registrations = [
    { domain_name: "held.com", auto_renew: true, expires_at: "2031-05-01T00:00:00Z" },
    { domain_name: "second.net", auto_renew: false, expires_at: "2030-01-01T00:00:00Z" },
  ];
  const stack = (config: Record<string, string>) => e2e.stack({ config, sim: { registrations } });

  it("reads an existing registration by id and exports its outputs; nothing is bought, changed or managed", async () => {
    const s = await stack({ "e2e:lookupId": "held.com", "e2e:optionId": "second.net" });
    const up = await s.ok("up", "--yes");
    const outputs = JSON.parse((await s.ok("stack", "output", "--json", "--show-secrets")).stdout);
    assert.equal(outputs.domainName, "held.com");
    assert.equal(outputs.status, "active");
    assert.equal(outputs.autoRenew, true);
    assert.equal(outputs.expiresAt, "2031-05-01T00:00:00Z");
    assert.equal(outputs.accountId, ACCOUNT);
    assert.equal(outputs.renewalRisk, "none");
    assert.equal(outputs.viaOption, "active");
    assert.match(up.output, /read pulumi-nodejs:dynamic\/cloudflare-registrar:DomainRegistration existing\n/);
    for (const e of ["create-registration", "update-registration", "domain-check"] as const) assert.equal(e2e.sim.requests({ endpoint: e }).length, 0, e);
    // Read, not managed: destroy leaves the registration alone, with no refusal.
    await s.ok("destroy", "--yes");
    assert.equal(e2e.sim.registry.get(ACCOUNT, "held.com")?.status, "active");
  });

  it("an id the account does not hold fails with one clean message naming it", async () => {
    const s = await stack({ "e2e:lookupId": "nowhere.com" });
    const up = await s.run("up", "--yes");
    assert.notEqual(up.code, 0);
    const summary = up.output.slice(up.output.indexOf("\nDiagnostics:\n"));
    assert.equal(summary.match(/No registration of 'nowhere\.com' in account \w+: a lookup by id needs a domain the account holds/g)?.length, 1, up.output);
    assert.doesNotMatch(up.output, /^\s+at .+:\d+:\d+\)?$/m, "no stack");
  });
});
