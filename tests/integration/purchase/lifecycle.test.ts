import { strict as assert } from "node:assert";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { ACCOUNT, Harness, startSim, VirtualClock } from "../../support/sim";

/** The lifecycle's guards against a second purchase, with the simulator and the poller on one virtual clock. */
describe("lifecycle guards: inputs fixed at purchase, and resuming a recorded registration", () => {
  let h: Harness;
  let p: RegistrationProvider;
  let clock: VirtualClock;
  beforeEach(async () => {
    clock = new VirtualClock();
    h = await startSim({ now: clock.now, domains: { "pending.com": { scenario: { kind: "slow", durationMs: 60_000 } } } });
    p = new RegistrationProvider({ client: h.clientOptions({ clock }), poll: { clock }, log: () => {} });
  });
  afterEach(async () => {
    await p.close();
    await h.stop();
  });
  const posts = () => h.sim.requests({ endpoint: "create-registration" }).length;

  for (const [key, was, now] of [
    ["privacyMode", "redaction", "off"],
    ["years", 1, 2],
  ] as const) {
    it(`invariant: ${key} cannot change after purchase (it is registration-only): changing it is refused on ${key}`, async () => {
      const olds = { domainName: "mine.com", accountId: ACCOUNT, [key]: was };
      const { failures } = await p.check(olds, { domainName: "mine.com", [key]: now });
      assert.equal(failures.length, 1);
      assert.equal(failures[0]!.property, key);
      assert.match(
        failures[0]!.reason,
        new RegExp(
          `^Cannot change ${key} from ${JSON.stringify(was)} to ${JSON.stringify(now)} of 'mine\\.com': ${key} is used only when the domain is registered`,
        ),
      );
      assert.equal(h.sim.requests().length, 0);
    });
  }

  /** What an earlier run recorded when it stopped before the registration finished. */
  const recorded = async (extra: Record<string, unknown>) => {
    const c = h.client();
    await c.createRegistration({ domain_name: "pending.com" }, { respondAsync: true });
    return {
      domainName: "pending.com",
      accountId: ACCOUNT,
      autoRenew: false,
      locked: false,
      privacyMode: "redaction",
      createdAt: null,
      expiresAt: null,
      ...extra,
    };
  };

  it("invariant: a registration recorded as registration_pending by an earlier run is resumed by update (awaited to the end), never POSTed again", async () => {
    const olds = await recorded({ status: "registration_pending" });
    const { outs } = await p.update("pending.com", olds, { domainName: "pending.com" });
    assert.equal(outs.status, "active");
    assert.equal(outs.workflowState, undefined);
    assert.ok(h.sim.requests({ endpoint: "registration-status" }).length >= 1, "awaited its workflow");
    assert.equal(posts(), 1);
  });

  it("invariant: a recorded unfinished workflow (workflowState) is resumed too, whatever status was stored", async () => {
    const olds = await recorded({ status: "active", workflowState: "in_progress" });
    const { outs } = await p.update("pending.com", olds, { domainName: "pending.com" });
    assert.equal(outs.status, "active");
    assert.ok(h.sim.requests({ endpoint: "registration-status" }).length >= 1);
    assert.equal(posts(), 1);
  });

  it("invariant: a recorded pending registration that the account no longer holds fails clearly, with no POST", async () => {
    const olds = { domainName: "gone.com", accountId: ACCOUNT, autoRenew: false, status: "registration_pending" };
    await assert.rejects(p.update("gone.com", olds, { domainName: "gone.com" }), /The registration of 'gone\.com' recorded by an earlier run is gone/);
    assert.equal(posts(), 0);
  });
});
