import { strict as assert } from "node:assert";
import { homedir, tmpdir } from "node:os";
import { REPO_ROOT } from "../support/packed";
import { ACCOUNT, TOKEN } from "../support/sim";
import type { EndpointName, SimulatorOptions } from "../../simulator/server";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "./program";
import { e2eSuite } from "./suite";

const contacts = JSON.stringify({
  registrant: {
    email: "registrant-e2e@example.com",
    phone: "+1.5555555555",
    postalInfo: { name: "Grace Hopper", address: { street: "1 Navy Way", city: "Arlington", state: "VA", postalCode: "22201", countryCode: "US" } },
  },
});

describe("@e2e the real Pulumi engine against the simulator", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "t" });
  const stack = (config: Record<string, string>, sim: SimulatorOptions = {}) => e2e.stack({ config, sim });
  const count = (endpoint: EndpointName) => e2e.sim.requests({ endpoint }).length;

  it("preview shows the create and its quote, and registers nothing; up buys once; the next preview is silent", async () => {
    const s = await stack({ "e2e:domainName": "launch.dev", "e2e:years": "2" });
    const preview = await s.ok("preview", "--diff");
    assert.match(preview.output, /\+ pulumi-nodejs:dynamic\/cloudflare-registrar:DomainRegistration: \(create\)/);
    assert.match(preview.output, /launch\.dev: available; registering it will cost USD 24\.00 for 2 years/);
    assert.match(preview.output, /firstTermTotal\s*:\s*"24\.00"/);
    assert.equal(count("create-registration"), 0);

    const up = await s.ok("up", "--yes");
    assert.match(up.output, /status\s*:\s*"active"/);
    assert.equal(count("create-registration"), 1);

    e2e.sim.clearRequests();
    const again = await s.ok("preview", "--expect-no-changes");
    assert.match(again.output, /2 unchanged|unchanged/);
    assert.equal(e2e.sim.requests().length, 0, `requests: ${JSON.stringify(e2e.sim.counts())}`);
  });

  it("changing autoRenew previews and applies as an update: one PATCH", async () => {
    const s = await stack({ "e2e:domainName": "renewing.com" });
    await s.ok("up", "--yes");
    await s.ok("config", "set", "e2e:autoRenew", "true");
    const preview = await s.ok("preview", "--diff");
    assert.match(preview.output, /~ pulumi-nodejs:dynamic\/cloudflare-registrar:DomainRegistration: \(update\)/);
    assert.match(preview.output, /\+ autoRenew\s*:\s*true/);
    e2e.sim.clearRequests();
    await s.ok("up", "--yes");
    assert.equal(count("update-registration"), 1);
    assert.equal(count("create-registration"), 0);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "renewing.com")?.auto_renew, true);
  });

  it("changing years or domainName fails the preview with the reason; nothing is bought", async () => {
    const s = await stack({ "e2e:domainName": "fixed.com", "e2e:years": "1" });
    await s.ok("up", "--yes");
    await s.ok("config", "set", "e2e:years", "3");
    const years = await s.run("preview");
    assert.notEqual(years.code, 0);
    assert.match(years.output, /Cannot change years from 1 to 3 of 'fixed\.com'/);
    await s.ok("config", "set", "e2e:years", "1");
    await s.ok("config", "set", "e2e:domainName", "other.com");
    const renamed = await s.run("preview");
    assert.notEqual(renamed.code, 0);
    assert.match(renamed.output, /domainName cannot change from 'fixed\.com' to "other\.com".*second domain/);
    assert.equal(count("create-registration"), 1);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "other.com"), undefined);
  });

  it("an out-of-band auto_renew change shows in refresh, and the next up restores it", async () => {
    const s = await stack({ "e2e:domainName": "drifty.com", "e2e:autoRenew": "true" });
    await s.ok("up", "--yes");
    e2e.sim.registry.patchOutOfBand(ACCOUNT, "drifty.com", { auto_renew: false });
    const drift = await s.run("refresh", "--yes", "--expect-no-changes");
    assert.notEqual(drift.code, 0, "the drift check notices");
    assert.match(drift.output, /DomainRegistration site update \[diff: ~autoRenew\]/);
    await s.ok("up", "--yes");
    assert.equal(e2e.sim.registry.get(ACCOUNT, "drifty.com")?.auto_renew, true);
  });

  it("destroy fails with the non-refundable message; the registration and the state stay", async () => {
    const s = await stack({ "e2e:domainName": "forever.com" });
    await s.ok("up", "--yes");
    const destroy = await s.run("destroy", "--yes");
    assert.notEqual(destroy.code, 0);
    assert.match(destroy.output, /Refusing to delete the registration of forever\.com.*non-refundable/);
    assert.match(destroy.output, /retainOnDelete: true/);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "forever.com")?.status, "active");
    assert.match(s.stateFile(), /forever\.com/);
    assert.match((await s.ok("stack", "--show-urns")).output, /DomainRegistration::site/);
  });

  it("adopts a declared domain the account already owns, with no POST", async () => {
    const s = await stack({ "e2e:domainName": "heritage.com", "e2e:years": "5" }, { registrations: [{ domain_name: "heritage.com" }] });
    const up = await s.ok("up", "--yes");
    assert.match(up.output, /already owned by the account; adopted with no purchase/);
    assert.equal(count("create-registration"), 0);
    assert.equal(count("domain-check"), 0);
  });

  it("action_required fails up with the instructions; after it is resolved the next up completes with no second POST", async () => {
    const s = await stack({ "e2e:domainName": "action-verify.com" });
    const first = await s.run("up", "--yes");
    assert.notEqual(first.code, 0);
    assert.match(first.output, /waiting for you: verify_registrant_email \(a confirmation was sent to registrant@example\.com\)/);
    assert.match(first.output, /resumes this registration without paying again/);
    e2e.sim.registry.resolveAction(ACCOUNT, "action-verify.com");
    await new Promise((r) => setTimeout(r, 200));
    const second = await s.ok("up", "--yes");
    assert.match(second.output, /status\s*:\s*"active"/);
    assert.equal(count("create-registration"), 1);
  });

  it("a lost POST answer: up looks instead of POSTing again, and completes with one POST", async () => {
    const s = await stack({ "e2e:domainName": "lost-answer.com" });
    const up = await s.ok("up", "--yes");
    assert.match(up.output, /status\s*:\s*"active"/);
    assert.equal(count("create-registration"), 1);
  });

  it("the state file holds no token and no absolute path; contacts only as secrets", async () => {
    const s = await stack({ "e2e:domainName": "private.dev" });
    // Contacts kept in stack config belong in a secret too: the default provider records all config.
    await s.ok("config", "set", "--secret", "e2e:contacts", contacts);
    await s.ok("up", "--yes");
    await s.ok("refresh", "--yes");
    const state = s.stateFile();
    assert.match(state, /private\.dev/);
    assert.ok(!state.includes(TOKEN), "token in state");
    for (const p of [e2e.project, REPO_ROOT, homedir(), tmpdir()]) assert.ok(!state.includes(p), `absolute path ${p} in state`);
    assert.ok(!state.includes("registrant-e2e@example.com"), "contact in plain text");
    assert.ok(!state.includes("Grace Hopper"), "contact in plain text");
    // Both the input and the output are Pulumi secrets (the secret signature, then ciphertext).
    const secretContacts = state.match(/"contacts":\{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext"/g) ?? [];
    assert.equal(secretContacts.length, 2);
  });

  // Its preview time against a trivial dynamic resource's is a figure, not an assertion: `npm run bench`.
  it("a stack of 100 registrations previews with zero API requests", async () => {
    const s = await stack({ "e2e:domainName": "bulk.com", "e2e:count": "100" });
    await s.ok("up", "--yes", "--parallel", "16");
    assert.equal(count("create-registration"), 100);
    e2e.sim.clearRequests();
    await s.ok("preview", "--expect-no-changes");
    assert.equal(e2e.sim.requests().length, 0, `requests: ${JSON.stringify(e2e.sim.counts())}`);
  });
});
