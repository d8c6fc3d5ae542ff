import { strict as assert } from "node:assert";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { Harness, startSim, VirtualClock } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

describe("long waits are visible: progress lines through the lifecycle, on a virtual clock shared with the simulator", () => {
  let h: Harness;
  let p: RegistrationProvider;
  let logs: string[];
  let clock: VirtualClock;
  const start = async (opts: SimulatorOptions) => {
    clock = new VirtualClock();
    h = await startSim({ now: clock.now, ...opts });
    logs = [];
    p = new RegistrationProvider({ client: h.clientOptions(), poll: { clock }, log: (m) => logs.push(m) });
  };
  afterEach(async () => {
    await p.close();
    await h.stop();
  });
  const progress = () => logs.filter((l) => /waited .* so far; next poll in/.test(l));

  it("a registration blocked for 90 s says so at once and at every 30 s of the wait, naming it, and still resolves", async () => {
    await start({ domains: { "x.com": { scenario: { kind: "blocked", blockedMs: 90_000 } } } });
    const checked = await p.check(undefined, { domainName: "x.com" });
    assert.deepEqual(checked.failures, []);
    const startedAt = clock.t;
    const { outs } = await p.create(checked.inputs);
    assert.equal(outs.status, "active");
    assert.ok(clock.t - startedAt >= 90_000, "the wait really was 90 s on the clock");
    const blocked = progress().filter((l) => l.startsWith("cloudflare-registrar: x.com: registration: blocked, waited "));
    const waited = blocked.map((l) => / waited (.*) so far/.exec(l)![1]);
    assert.deepEqual(waited, ["0.3 s", "30 s", "1 min 00 s", "1 min 30 s"], logs.join("\n"));
    for (const l of blocked) assert.match(l, /next poll in (\d\.\d|[12]\d|30) s\.$/);
    assert.match(logs.at(-1)!, /^cloudflare-registrar: x\.com: registration: succeeded after 1 min [3-5]\d s\.$/);
  });

  it("an auto_renew update that takes 2 minutes is visible too", async () => {
    await start({
      registrations: [{ domain_name: "slow-update-x.com", auto_renew: false }],
      domains: { "slow-update-x.com": { scenario: { kind: "slow_update", durationMs: 120_000 } } },
    });
    const { outs } = await p.update(
      "slow-update-x.com",
      { domainName: "slow-update-x.com", autoRenew: false, status: "active" },
      { domainName: "slow-update-x.com", autoRenew: true },
    );
    assert.equal(outs.autoRenew, true);
    assert.ok(progress().filter((l) => l.includes("slow-update-x.com: auto_renew=true update: ")).length >= 3, logs.join("\n"));
  });
});
