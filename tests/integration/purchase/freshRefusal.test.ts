import { strict as assert } from "node:assert";
import { ALONGSIDE } from "../../../provider/host/alongside";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { TransferProvider } from "../../../provider/transfer/provider";
import { ACCOUNT, Harness, startSim } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

/**
 * The listing of the account's registrations is taken once per process. A domain that entered the account
 * after it (bought in the dashboard, by another stack, or missing from a lagging list) must not be refused
 * as unavailable or as already on Cloudflare: the refusal rests on a fresh Get Registration.
 */
describe("a refusal rests on a fresh look, not on the listing", () => {
  let h: Harness;
  let logs: string[];
  const settings = () => ({
    client: h.clientOptions(),
    poll: { initialIntervalMs: 20, maxIntervalMs: 100, blockedIntervalMs: 100, deadlineMs: 5_000 },
    transferWaitMs: 300,
    log: (m: string) => logs.push(m),
  });
  const reasons = (failures: Array<{ reason: string }>) => failures.map((f) => f.reason).join("\n");
  afterEach(() => h.stop());

  describe("DomainRegistration", () => {
    let p: RegistrationProvider;
    const start = async (opts: SimulatorOptions = {}) => {
      h = await startSim({ registrations: [{ domain_name: "listed.com", auto_renew: false }], ...opts });
      logs = [];
      p = new RegistrationProvider(settings());
      // The listing (and the extension's rules) are fetched now, before anything below enters the account.
      assert.deepEqual((await p.check(undefined, { domainName: "first.com" })).failures, []);
      h.sim.clearRequests();
    };
    afterEach(() => p.close());

    it("invariant: a domain the account bought after the listing is adopted by check, never refused as unavailable", async () => {
      await start();
      h.sim.registry.seed(ACCOUNT, { domain_name: "late.com", auto_renew: false });
      const { inputs, failures } = await p.check(undefined, { domainName: "late.com" });
      assert.deepEqual(failures, [], reasons(failures));
      assert.equal(inputs.quote, undefined, "an adopted domain is not priced: nothing is bought");
      assert.match(logs.join("\n"), /late\.com: already owned by the account; adopted with no purchase/);
      assert.deepEqual(h.sim.counts(), { "domain-check": 1, "get-registration": 1 }, "one fresh look, on the refusal path only");

      h.sim.clearRequests();
      const { outs } = await p.create(inputs);
      assert.equal(outs.status, "active");
      assert.deepEqual(h.sim.counts(), {}, "create adopts what check saw, with no request and no POST");
      assert.deepEqual(h.sim.charges(), []);
    });

    it("invariant: a domain found by the fresh look warns of a create-only input it will not apply, as the listing's adoption does, and only then", async () => {
      await start();
      const warnings = () => logs.filter((l) => l.startsWith("cloudflare-registrar: warning: "));
      h.sim.registry.seed(ACCOUNT, { domain_name: "late.com", auto_renew: false });
      const { failures } = await p.check(undefined, { domainName: "late.com", privacyMode: "off" });
      assert.deepEqual(failures, [], reasons(failures));
      assert.deepEqual(h.sim.counts(), { "domain-check": 1, "get-registration": 1 }, "found by the fresh look");
      assert.equal(warnings().length, 1, logs.join("\n"));
      assert.match(
        warnings()[0]!,
        /late\.com is already in the account and is adopted, not bought, so privacyMode "off" \(the registration's is "redaction"\) is not applied: it is used only when a domain is bought\./,
      );
      h.sim.registry.seed(ACCOUNT, { domain_name: "late-too.com", auto_renew: false });
      assert.deepEqual((await p.check(undefined, { domainName: "late-too.com", privacyMode: "redaction" })).failures, []);
      assert.equal(warnings().length, 1, `nothing to warn of when the program asks for what the registration has:\n${logs.join("\n")}`);
    });

    it("invariant: an 'unavailable' that an earlier check's batch brought is asked again, alone, before it refuses", async () => {
      await start();
      const other = "fedcba9876543210fedcba9876543210";
      h.sim.registry.seed(other, { domain_name: "dropped.com", auto_renew: false });
      const declared = ["batch-a.com", "dropped.com"];
      // batch-a.com's check prices both names in one request; dropped.com is someone else's then.
      assert.deepEqual((await p.check(undefined, { domainName: "batch-a.com", [ALONGSIDE]: declared })).failures, []);
      // The name lapses and is deleted before dropped.com's own check, which the batch would answer "unavailable".
      assert.equal(h.sim.registry.release(other, "dropped.com"), true);
      h.sim.clearRequests();
      const { inputs, failures } = await p.check(undefined, { domainName: "dropped.com", [ALONGSIDE]: declared });
      assert.deepEqual(failures, [], reasons(failures));
      assert.ok(inputs.quote, "priced from the fresh answer");
      assert.deepEqual(h.sim.counts(), { "get-registration": 1, "domain-check": 1 }, "on the refusal path only: the fresh look and the fresh check");
      assert.deepEqual(h.sim.requests({ endpoint: "domain-check" })[0]!.domains, ["dropped.com"], "asked alone");
    });

    it("a refusal that rests on this check's own request is not asked again", async () => {
      await start();
      h.sim.registry.seed("fedcba9876543210fedcba9876543210", { domain_name: "held.com", auto_renew: false });
      const { failures } = await p.check(undefined, { domainName: "held.com", [ALONGSIDE]: ["held.com", "other-b.com"] });
      assert.match(reasons(failures), /not available/);
      assert.deepEqual(h.sim.counts(), { "domain-check": 1, "get-registration": 1 });
    });

    it("invariant: a registration in flight that the listing missed is resumed, not refused and not bought again", async () => {
      await start({ registrationMs: 1_000, waitWindowMs: 20 });
      await h.client().createRegistration({ domain_name: "elsewhere.com", years: 1 }, { accountId: ACCOUNT });
      h.sim.clearRequests();
      const { inputs, failures } = await p.check(undefined, { domainName: "elsewhere.com" });
      assert.deepEqual(failures, [], reasons(failures));
      assert.match(logs.join("\n"), /elsewhere\.com: the account is already registering this domain; it will be adopted and its registration resumed/);
      const { outs } = await p.create(inputs);
      assert.equal(outs.status, "active");
      assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 0);
      assert.equal(h.sim.charges().length, 1, "one charge in all: the purchase made elsewhere");
    });

    it("invariant: a domain taken by someone else is still refused, after exactly one fresh look", async () => {
      await start();
      const { failures } = await p.check(undefined, { domainName: "taken-other.com" });
      assert.match(reasons(failures), /not available/);
      assert.deepEqual(h.sim.counts(), { "domain-check": 1, "get-registration": 1 });
    });

    it("invariant: an available domain costs no fresh look (the listing answers the ownership question)", async () => {
      await start();
      const { failures, inputs } = await p.check(undefined, { domainName: "free-name.com" });
      assert.deepEqual(failures, []);
      assert.ok(inputs.quote);
      assert.deepEqual(h.sim.counts(), { "domain-check": 1 });
    });

    it("invariant: an owned domain priced above maxPrice is adopted, not refused: owning it buys nothing", async () => {
      await start();
      h.sim.registry.seed(ACCOUNT, { domain_name: "dear.com", auto_renew: false });
      const { failures } = await p.check(undefined, { domainName: "dear.com", maxPrice: 0.01 });
      assert.deepEqual(failures, [], reasons(failures));
    });
  });

  describe("DomainTransfer", () => {
    let p: TransferProvider;
    const start = async (opts: SimulatorOptions = {}) => {
      h = await startSim({ transferMs: 1_500, registrations: [{ domain_name: "listed.com", auto_renew: false }], ...opts });
      logs = [];
      p = new TransferProvider(settings());
      assert.deepEqual((await p.check(undefined, { domainName: "listed.com" })).failures, []);
      h.sim.clearRequests();
    };
    afterEach(() => p.close());

    it("invariant: a transfer that landed after the listing is adopted by check, never refused as 'already on Cloudflare'", async () => {
      await start();
      h.sim.registry.seed(ACCOUNT, { domain_name: "landed.com", auto_renew: false });
      const { inputs, failures } = await p.check(undefined, { domainName: "landed.com", authCode: "Zq7#pL!x9$Wm" });
      assert.deepEqual(failures, [], reasons(failures));
      assert.equal(inputs.quote, undefined);
      assert.deepEqual(h.sim.counts(), { "get-extension": 1, "transfer-check": 1, "get-registration": 1 });
      h.sim.clearRequests();
      const { outs } = await p.create(inputs);
      assert.equal(outs.status, "active");
      assert.equal(h.sim.requests({ endpoint: "transfer-in" }).length, 0);
    });

    it("invariant: a transfer in flight that the listing missed is adopted as it is (transfer_pending), with no second transfer", async () => {
      await start();
      h.sim.registry.seed(ACCOUNT, { domain_name: "moving.com", status: "transfer_pending", auto_renew: false, expires_at: null });
      const { inputs, failures } = await p.check(undefined, { domainName: "moving.com", authCode: "Zq7#pL!x9$Wm" });
      assert.deepEqual(failures, [], reasons(failures));
      assert.match(logs.join("\n"), /moving\.com: the domain is transferring into the account \(transfer_pending\)/);
      const { outs } = await p.create(inputs);
      assert.equal(outs.status, "transfer_pending");
      assert.equal(h.sim.requests({ endpoint: "transfer-in" }).length, 0);
    });

    it("invariant: a domain held by another account is still refused, after exactly one fresh look", async () => {
      await start();
      h.sim.registry.seed("fedcba9876543210fedcba9876543210", { domain_name: "theirs.com", auto_renew: false });
      const { failures } = await p.check(undefined, { domainName: "theirs.com", authCode: "Zq7#pL!x9$Wm" });
      assert.match(reasons(failures), /already registered at Cloudflare/);
      assert.equal(h.sim.requests({ endpoint: "get-registration" }).length, 1);
    });
  });
});
