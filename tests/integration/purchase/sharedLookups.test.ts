import { strict as assert } from "node:assert";
import * as registrationShim from "../../../provider/host/registration";
import * as transferShim from "../../../provider/host/transfer";
import type { ProviderSettings } from "../../../provider/host/stackConfig";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { TransferProvider } from "../../../provider/transfer/provider";
import { ACCOUNT, Harness, startSim, TOKEN, VirtualClock } from "../../support/sim";
import { ANSWER_TTL_MS } from "../../../provider/purchase/lookups/domainChecks";
import { unconfigureShims } from "../../support/shims";

const CODE = "Zq7#pL!x9$Wm";

/**
 * The engine runs DomainRegistration and DomainTransfer in one dynamic-provider process: they share the
 * process's lookups (one client, one listing, one extension catalogue, one domain-check batch).
 */
describe("one set of lookups per provider process, shared by both resources", () => {
  let h: Harness;
  let closers: Array<{ close(): Promise<void> }>;
  beforeEach(async () => {
    h = await startSim({ transferMs: 100, domains: { "taken-move.com": { authCode: CODE } } });
    closers = [];
  });
  afterEach(async () => {
    await Promise.all(closers.map((c) => c.close()));
    await h.stop();
  });
  const both = (a: ProviderSettings, b: ProviderSettings = a) => {
    const providers = [new RegistrationProvider(a), new TransferProvider(b)] as const;
    closers.push(...providers);
    return providers;
  };

  it("invariant: a registration and a transfer with the same settings list the account once and fetch '.com' rules once", async () => {
    const [registration, transfer] = both({ client: h.clientOptions(), log: () => undefined });
    assert.deepEqual((await registration.check(undefined, { domainName: "fresh-one.com" })).failures, []);
    assert.deepEqual((await transfer.check(undefined, { domainName: "taken-move.com", authCode: CODE })).failures, []);
    assert.deepEqual(h.sim.counts(), { "list-registrations": 1, "get-extension": 1, "domain-check": 1, "transfer-check": 1 });
  });

  it("invariant: a domain the transfer bought is known to the registration's listing (one index, recorded once)", async () => {
    const [registration, transfer] = both({
      client: h.clientOptions(),
      poll: { initialIntervalMs: 20, maxIntervalMs: 50 },
      transferWaitMs: 300,
      log: () => undefined,
    });
    await registration.check(undefined, { domainName: "fresh-one.com" });
    const { inputs } = await transfer.check(undefined, { domainName: "taken-move.com", authCode: CODE });
    assert.equal((await transfer.create(inputs)).outs.status, "active");
    h.sim.clearRequests();
    // Adopted from the shared listing: no fresh look, no purchase.
    const { outs } = await registration.create({ domainName: "taken-move.com", accountId: ACCOUNT });
    assert.equal(outs.domainName, "taken-move.com");
    assert.equal(h.sim.requests({ endpoint: "get-registration" }).length, 0);
    assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 0);
  });

  it("settings objects that say the same share, as the two shims' do; another clock or token is another client, with its own listing", async () => {
    const client = h.clientOptions();
    const [registration, transfer] = both({ client, log: () => undefined }, { client: { ...client }, log: () => undefined });
    await registration.check(undefined, { domainName: "fresh-one.com" });
    await transfer.check(undefined, { domainName: "taken-move.com", authCode: CODE });
    assert.equal(h.sim.requests({ endpoint: "list-registrations" }).length, 1, "the same values and objects: one process's lookups");
    const [other] = both({ client: { ...client, clock: new VirtualClock() }, log: () => undefined });
    await other.check(undefined, { domainName: "fresh-two.com" });
    assert.equal(h.sim.requests({ endpoint: "list-registrations" }).length, 2, "another clock is another client: its own listing");
    const [stranger] = both({ client: { ...client, apiToken: "another-token" }, log: () => undefined });
    await assert.rejects(stranger.check(undefined, { domainName: "fresh-three.com" }), /401|[Aa]uthenticat/);
    assert.equal(h.sim.requests({ endpoint: "list-registrations" }).length, 3, "another token: its own listing, refused");
  });

  it("keys in another order, or an option given as undefined, are the same settings", async () => {
    const { baseUrl, ...rest } = h.clientOptions();
    const [registration, transfer] = both(
      { client: { baseUrl, ...rest }, log: () => undefined },
      { client: { ...rest, userAgent: undefined, baseUrl }, log: () => undefined },
    );
    await registration.check(undefined, { domainName: "fresh-one.com" });
    await transfer.check(undefined, { domainName: "taken-move.com", authCode: CODE });
    assert.equal(h.sim.requests({ endpoint: "list-registrations" }).length, 1);
  });

  it("the preview's batched answers expire on the client's clock", async () => {
    const clock = new VirtualClock();
    const [registration] = both({ client: h.clientOptions({ clock }), log: () => undefined });
    await registration.check(undefined, { domainName: "fresh-one.com" });
    await registration.check(undefined, { domainName: "fresh-one.com" });
    assert.equal(h.sim.requests({ endpoint: "domain-check" }).length, 1, "the second check is answered from the batch");
    clock.t += ANSWER_TTL_MS;
    await registration.check(undefined, { domainName: "fresh-one.com" });
    assert.equal(h.sim.requests({ endpoint: "domain-check" }).length, 2);
  });

  it("close() ends the process's client: the next resource with those settings lists afresh", async () => {
    const settings = { client: h.clientOptions(), log: () => undefined };
    const [registration] = both(settings);
    await registration.check(undefined, { domainName: "fresh-one.com" });
    await registration.close();
    await registration.check(undefined, { domainName: "fresh-two.com" });
    assert.equal(h.sim.requests({ endpoint: "list-registrations" }).length, 2);
  });

  describe("through the two shims, each configured by the engine with the stack's config", () => {
    after(unconfigureShims);
    it("invariant: the registration shim and the transfer shim share one listing and one extension catalogue", async () => {
      const config = {
        get: (key: string) =>
          ({ "cloudflare-registrar:apiToken": TOKEN, "cloudflare-registrar:accountId": ACCOUNT, "cloudflare-registrar:baseUrl": h.sim.baseUrl })[key],
      };
      await registrationShim.configure({ config: { ...config, require: (k: string) => config.get(k)! } });
      await transferShim.configure({ config: { ...config, require: (k: string) => config.get(k)! } });
      assert.deepEqual((await registrationShim.check({}, { domainName: "fresh-one.com" })).failures, []);
      assert.deepEqual((await transferShim.check({}, { domainName: "taken-move.com", authCode: CODE })).failures, []);
      assert.equal(h.sim.requests({ endpoint: "list-registrations" }).length, 1);
      assert.equal(h.sim.requests({ endpoint: "get-extension" }).length, 1);
    });
  });
});
