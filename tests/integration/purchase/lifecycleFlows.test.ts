import { strict as assert } from "node:assert";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { TransferProvider } from "../../../provider/transfer/provider";
import type { ProviderSettings } from "../../../provider/host/stackConfig";
import { UNKNOWN } from "../../../provider/domain/validation";
import { ACCOUNT, Harness, startSim } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

/**
 * The facade's and the follow flow's own decisions, each against the simulator: what check keeps of an
 * existing resource, whose account a recorded resource is followed in, when refresh asks a workflow for
 * its state, and what update and read say when the API does not go along.
 */
const OTHER = "fedcba9876543210fedcba9876543210";
const DAY = 86_400_000;
const NOW = Date.parse("2026-06-01T00:00:00Z");

describe("the lifecycle's facade and follow flow against the simulator", () => {
  let h: Harness;
  let logs: string[];
  let warned: string[];
  const providers: Array<{ close(): Promise<void> }> = [];
  const settings = (extra: Partial<ProviderSettings> = {}): ProviderSettings => ({
    client: h.clientOptions(),
    poll: { initialIntervalMs: 20, maxIntervalMs: 50, deadlineMs: 3_000 },
    log: (m) => logs.push(m),
    warn: (m) => warned.push(m),
    now: () => NOW,
    ...extra,
  });
  const registrations = (extra?: Partial<ProviderSettings>) => {
    const p = new RegistrationProvider(settings(extra));
    providers.push(p);
    return p;
  };
  const transfers = (extra?: Partial<ProviderSettings>) => {
    const p = new TransferProvider(settings(extra));
    providers.push(p);
    return p;
  };
  const start = async (opts: SimulatorOptions = {}) => {
    h = await startSim(opts);
    logs = [];
    warned = [];
  };
  afterEach(async () => {
    await Promise.all(providers.splice(0).map((p) => p.close()));
    await h.stop();
  });
  const requests = (endpoint: string) => h.sim.requests({ endpoint: endpoint as never });

  describe("check of an existing resource", () => {
    it("keeps the quote of the purchase already made, and never takes one from the program", async () => {
      await start();
      const p = registrations();
      const quote = { currency: "USD", years: 1, firstTermTotal: "10.44" };
      const kept = await p.check({ domainName: "a.com", quote }, { domainName: "a.com", quote: { forged: true } });
      assert.deepEqual(kept.inputs.quote, quote);
      const none = await p.check({ domainName: "a.com" }, { domainName: "a.com", quote: { forged: true } });
      assert.ok(!("quote" in none.inputs), "an adopted resource has no quote, whatever the program passes");
      assert.equal(h.sim.requests().length, 0, "an existing resource is checked without the API");
    });

    it("leaves accountId out when neither the input nor the config gives one", async () => {
      await start();
      const p = registrations({ client: { ...h.clientOptions(), accountId: undefined } });
      const { inputs } = await p.check(undefined, { domainName: "a.com" });
      assert.ok(!("accountId" in inputs));
      assert.deepEqual(warned.length, 1);
      assert.match(warned[0]!, /this run has no account id \(/);
      assert.doesNotMatch(warned[0]!, /API token/, "the token is there: only the account id is named");
    });
  });

  describe("diff and delete", () => {
    it("an unknown autoRenew is a change; a diff of state without a domain name warns of nothing", async () => {
      await start();
      const p = registrations();
      assert.equal((await p.diff("a.com", { autoRenew: false }, { autoRenew: UNKNOWN })).changes, true);
      assert.equal((await p.diff("a.com", { autoRenew: false }, {})).changes, false);
      assert.deepEqual(await p.diff("a.com", { expiresAt: new Date(NOW - DAY).toISOString() }, {}), {
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
      });
      assert.deepEqual(warned, []);
    });

    it("invariant: delete refuses, naming the domain from state, else the id", async () => {
      await start();
      const p = transfers();
      await assert.rejects(
        p.delete("id.com", { domainName: "state.com" }),
        /^RegistrarError: Refusing to delete the transfer of state\.com: .*cannot cancel a transfer in/,
      );
      await assert.rejects(p.delete("id.com", {}), /Refusing to delete the transfer of id\.com:/);
    });
  });

  describe("read", () => {
    it("a lookup by id of a domain the account lacks fails, naming id and account; a recorded one is gone", async () => {
      await start();
      const p = registrations();
      await assert.rejects(
        p.read("nobody.com", {}),
        new RegExp(`No registration of 'nobody\\.com' in account ${ACCOUNT}: a lookup by id needs a domain the account holds\\.`),
      );
      assert.deepEqual(await p.read("nobody.com", { domainName: "nobody.com", status: "active", accountId: ACCOUNT }), { id: "", props: {} });
    });

    it("follows a recorded resource in its own account, not the configured one", async () => {
      await start({ registrations: [{ domain_name: "theirs.com", account_id: OTHER, auto_renew: true }], accounts: [ACCOUNT, OTHER] });
      const p = registrations();
      const read = await p.read("theirs.com", { domainName: "theirs.com", status: "active", accountId: OTHER });
      assert.equal(read.id, "theirs.com");
      assert.equal((read.props as { accountId: string }).accountId, OTHER);
      const { outs } = await p.update(
        "theirs.com",
        { domainName: "theirs.com", status: "active", accountId: OTHER, autoRenew: true },
        { domainName: "theirs.com", autoRenew: true },
      );
      assert.equal(outs.accountId, OTHER);
      assert.ok(
        h.sim.requests().every((r) => r.path.includes(OTHER)),
        "every request went to the recorded account",
      );
    });

    it("warns of a lapse on refresh with the default 30 days, even with autoRenew coming", async () => {
      await start({ registrations: [{ domain_name: "soon.com", auto_renew: false, expires_at: new Date(NOW + 10 * DAY).toISOString() }] });
      await registrations().read("soon.com", { domainName: "soon.com", status: "active", accountId: ACCOUNT });
      assert.equal(warned.length, 1);
      assert.match(warned[0]!, /soon\.com/);
    });

    it("a registration's recorded workflow state is kept while it is pending and dropped once it is active; no workflow is asked", async () => {
      await start({
        registrations: [
          { domain_name: "done.com", auto_renew: false },
          { domain_name: "slow-going.com", status: "registration_pending", auto_renew: false },
        ],
      });
      const p = registrations();
      const done = await p.read("done.com", { domainName: "done.com", status: "registration_pending", workflowState: "in_progress", accountId: ACCOUNT });
      assert.ok(!("workflowState" in done.props));
      const going = await p.read("slow-going.com", {
        domainName: "slow-going.com",
        status: "registration_pending",
        workflowState: "in_progress",
        accountId: ACCOUNT,
      });
      assert.equal((going.props as { workflowState?: string }).workflowState, "in_progress");
      assert.equal(requests("registration-status").length, 0);
    });

    it("a transfer's state is asked for while it is in flight, kept once it has ended, and kept when there is no workflow to ask", async () => {
      await start({
        registrations: [
          { domain_name: "landed.com", auto_renew: false },
          { domain_name: "moving.com", status: "transfer_pending", auto_renew: false },
        ],
      });
      const p = transfers();
      for (const ended of ["succeeded", "failed"]) {
        const read = await p.read("landed.com", { domainName: "landed.com", status: "active", transferState: ended, accountId: ACCOUNT });
        assert.equal((read.props as { transferState?: string }).transferState, ended);
      }
      const never = await p.read("landed.com", { domainName: "landed.com", status: "active", accountId: ACCOUNT });
      assert.ok(!("transferState" in never.props));
      assert.equal(requests("transfer-in-status").length, 0, "nothing to ask once it has ended, or for one never followed");
      const moving = await p.read("moving.com", { domainName: "moving.com", status: "transfer_pending", transferState: "pending", accountId: ACCOUNT });
      assert.equal((moving.props as { transferState?: string }).transferState, "pending", "moved in elsewhere: no workflow here, the recorded state stays");
      assert.equal(requests("transfer-in-status").length, 1);
    });
  });

  describe("update", () => {
    it("with nothing to change, only reads; a change is one PATCH", async () => {
      await start({ registrations: [{ domain_name: "mine.com", auto_renew: false }] });
      const p = registrations();
      const olds = { domainName: "mine.com", status: "active", accountId: ACCOUNT, autoRenew: false };
      assert.equal((await p.update("mine.com", olds, { domainName: "mine.com", autoRenew: false })).outs.autoRenew, false);
      assert.equal(requests("update-registration").length, 0);
      assert.equal((await p.update("mine.com", olds, { domainName: "mine.com", autoRenew: true })).outs.autoRenew, true);
      assert.equal(requests("update-registration").length, 1);
    });

    it("an autoRenew change that does not finish in time says so, and what to run", async () => {
      await start({
        domains: { "slow-update-x.com": { scenario: { kind: "slow_update", durationMs: 60_000 } } },
        registrations: [{ domain_name: "slow-update-x.com", auto_renew: false }],
      });
      const p = registrations({ poll: { initialIntervalMs: 20, maxIntervalMs: 50, deadlineMs: 200 } });
      await assert.rejects(
        p.update(
          "slow-update-x.com",
          { domainName: "slow-update-x.com", status: "active", accountId: ACCOUNT, autoRenew: false },
          { domainName: "slow-update-x.com", autoRenew: true },
        ),
        /^RegistrarError: Setting auto_renew=true on 'slow-update-x\.com' is still (pending|in_progress); run pulumi up \(or pulumi refresh\) later to see it finish\.$/,
      );
    });

    it("a transfer still in flight with no change asked reports its progress, and refuses nothing", async () => {
      await start({ registrations: [{ domain_name: "moving.com", status: "transfer_pending", auto_renew: true }] });
      const p = transfers();
      const olds = { domainName: "moving.com", status: "transfer_pending", accountId: ACCOUNT, autoRenew: true, transferState: "pending" };
      const { outs } = await p.update("moving.com", olds, { domainName: "moving.com", autoRenew: true });
      assert.equal(outs.status, "transfer_pending");
      assert.equal(outs.transferState, "pending");
      assert.equal(requests("update-registration").length, 0);
    });

    it("a partial registration recorded by an earlier run and now gone says how to clear it", async () => {
      await start();
      const p = registrations();
      await assert.rejects(
        p.update(
          "gone.com",
          { domainName: "gone.com", status: "registration_pending", workflowState: "pending", accountId: ACCOUNT },
          { domainName: "gone.com" },
        ),
        /recorded by an earlier run is gone: .*Remove it from the stack with `pulumi state delete <urn>` before trying again\.$/,
      );
    });
  });
});
