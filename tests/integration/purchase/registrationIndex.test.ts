import { strict as assert } from "node:assert";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { RegistrationIndex } from "../../../provider/purchase/lookups/registrationIndex";
import { ApiError } from "../../../provider/api/errors";
import { ACCOUNT, Harness, startSim } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

const owned = (n: number, base = "owned.com") => Array.from({ length: n }, (_, i) => ({ domain_name: `n${i}-${base}`, auto_renew: false }));

describe("the account's registrations, listed once per process", () => {
  let h: Harness;
  afterEach(() => h.stop());
  const lists = () => h.sim.requests({ endpoint: "list-registrations" });
  const gets = () => h.sim.requests({ endpoint: "get-registration" }).length;

  describe("RegistrationIndex", () => {
    it("concurrent callers share one listing, in pages of 100", async () => {
      h = await startSim({ registrations: owned(250) });
      const client = h.client();
      const index = new RegistrationIndex(() => client);
      const found = await Promise.all([...Array(30).keys()].map((i) => index.find(`n${i * 8}-owned.com`, ACCOUNT)));
      assert.deepEqual(
        found.map((r) => r?.domain_name),
        [...Array(30).keys()].map((i) => `n${i * 8}-owned.com`),
      );
      assert.equal(await index.find("N249-OWNED.com", ACCOUNT).then((r) => r?.domain_name), "n249-owned.com");
      assert.equal(await index.find("elsewhere.com", ACCOUNT), undefined);
      assert.deepEqual(
        lists().map((e) => new URLSearchParams(e.query).get("per_page")),
        ["100", "100", "100"],
      );
    });

    it("lists at the API's default page size when the API refuses 100 with a 400", async () => {
      h = await startSim({ registrations: owned(30), faults: [{ endpoint: "list-registrations", kind: "status", status: 400, times: 1 }] });
      const client = h.client();
      const index = new RegistrationIndex(() => client);
      assert.equal((await index.find("n29-owned.com", ACCOUNT))?.domain_name, "n29-owned.com");
      // The simulator's default page is 20: the refused request, then two default pages.
      assert.deepEqual(
        lists().map((e) => [e.status, new URLSearchParams(e.query).get("per_page")]),
        [
          [400, "100"],
          [200, null],
          [200, null],
        ],
      );
    });

    it("does not remember a failed listing, and a failure other than 400 is not papered over", async () => {
      h = await startSim({ registrations: owned(3), faults: [{ endpoint: "list-registrations", kind: "status", status: 403, times: 1 }] });
      const client = h.client();
      const index = new RegistrationIndex(() => client);
      await assert.rejects(index.find("n0-owned.com", ACCOUNT), (err: unknown) => err instanceof ApiError && err.status === 403);
      assert.equal(index.known("n0-owned.com", ACCOUNT), undefined);
      assert.equal((await index.find("n0-owned.com", ACCOUNT))?.domain_name, "n0-owned.com");
      assert.equal(index.known("n0-owned.com", ACCOUNT)?.domain_name, "n0-owned.com");
    });

    it("knows nothing before it lists, so known() never starts a request", async () => {
      h = await startSim({ registrations: owned(3) });
      const client = h.client();
      const index = new RegistrationIndex(() => client);
      assert.equal(index.known("n0-owned.com", ACCOUNT), undefined);
      assert.equal(h.sim.requests().length, 0);
    });
  });

  describe("the lifecycle", () => {
    let p: RegistrationProvider;
    const start = async (opts: SimulatorOptions = {}) => {
      h = await startSim(opts);
      p = new RegistrationProvider({ client: h.clientOptions(), poll: { initialIntervalMs: 20, maxIntervalMs: 100, deadlineMs: 5_000 }, log: () => undefined });
    };
    afterEach(() => p.close());

    it("check, create and read of 120 owned domains: two list pages and no per-domain request", async () => {
      await start({ registrations: owned(120) });
      const checked = await Promise.all(owned(120).map((r) => p.check(undefined, { domainName: r.domain_name })));
      for (const c of checked) assert.deepEqual(c.failures, []);
      const created = await Promise.all(checked.map((c) => p.create(c.inputs)));
      assert.deepEqual(
        created.map((c) => c.id),
        owned(120).map((r) => r.domain_name),
      );
      const read = await Promise.all(created.map((c) => p.read(c.id, c.outs as unknown as Record<string, unknown>)));
      assert.deepEqual(
        read.map((r) => r.id),
        owned(120).map((r) => r.domain_name),
      );
      assert.deepEqual(h.sim.counts(), { "list-registrations": 2 });
    });

    it("the look before buying stays fresh: a domain registered after the listing is adopted, not bought again", async () => {
      await start({ registrations: owned(1) });
      const checked = await p.check(undefined, { domainName: "late.com" });
      assert.ok(checked.inputs.quote, "the preview priced it: the listing said the account does not own it");
      h.sim.registry.seed(ACCOUNT, { domain_name: "late.com", auto_renew: false });
      h.sim.clearRequests();
      const { outs } = await p.create(checked.inputs);
      assert.equal(outs.status, "active");
      assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 0);
      assert.equal(gets(), 1);
    });

    it("a new domain: the create still looks (GET and domain-check) right before the one POST", async () => {
      await start({ registrations: owned(1) });
      const checked = await p.check(undefined, { domainName: "brandnew.com" });
      h.sim.clearRequests();
      await p.create(checked.inputs);
      const order = h.sim.requests().map((e) => e.endpoint);
      assert.deepEqual(order.slice(0, 3), ["get-registration", "domain-check", "create-registration"]);
      assert.equal(order.filter((e) => e === "create-registration").length, 1);
    });

    it("read falls back to the per-domain look for a domain the listing lacks, and records what this process bought", async () => {
      await start({ registrations: owned(2) });
      const bought = await p.check(undefined, { domainName: "bought.com" }).then((c) => p.create(c.inputs));
      h.sim.registry.seed(ACCOUNT, { domain_name: "outside.com", auto_renew: true });
      h.sim.clearRequests();
      const outsideRead = await p.read("outside.com", { domainName: "outside.com", accountId: ACCOUNT, autoRenew: true });
      assert.equal(outsideRead.id, "outside.com");
      assert.equal(gets(), 1);
      const boughtRead = await p.read("bought.com", bought.outs as unknown as Record<string, unknown>);
      assert.equal(boughtRead.id, "bought.com");
      const goneRead = await p.read("gone.com", { domainName: "gone.com", accountId: ACCOUNT, status: "active" });
      assert.equal(goneRead.id, "");
      assert.equal(gets(), 2, "bought.com came from this process's record; outside.com and gone.com were looked up");
      assert.equal(h.sim.requests({ endpoint: "list-registrations" }).length, 0);
    });

    it("a refresh of a domain listed in flight (transfer_pending) looks again, and sees it land", async () => {
      await start({ registrations: [{ domain_name: "moving.com", status: "transfer_pending", auto_renew: false, expires_at: null }, ...owned(3)] });
      await p.read("n0-owned.com", { domainName: "n0-owned.com", accountId: ACCOUNT });
      h.sim.registry.patchOutOfBand(ACCOUNT, "moving.com", { status: "active", expires_at: "2027-11-23T00:00:00.000Z" });
      h.sim.clearRequests();
      const read = await p.read("moving.com", { domainName: "moving.com", accountId: ACCOUNT, status: "transfer_pending" });
      assert.equal((read.props as { status: string }).status, "active");
      assert.deepEqual(h.sim.counts(), { "get-registration": 1 });
    });

    it("a refresh after this process changed autoRenew reads the change, not the listing", async () => {
      await start({ registrations: owned(1) });
      const checked = await p.check(undefined, { domainName: "n0-owned.com", autoRenew: true });
      const { outs } = await p.create(checked.inputs);
      assert.equal(outs.autoRenew, true);
      const read = await p.read("n0-owned.com", outs as unknown as Record<string, unknown>);
      assert.equal((read.props as { autoRenew?: boolean }).autoRenew, true);
    });
  });
});
