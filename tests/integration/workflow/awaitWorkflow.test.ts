import { strict as assert } from "node:assert";
import { awaitWorkflow, WorkflowOutcome } from "../../../provider/workflow/poll";
import { ACCOUNT, Harness, startSim, VirtualClock } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

/**
 * The poller against the simulator's scenarios. Both share a virtual clock, so timings are exact and
 * a 60 s workflow takes milliseconds; the requests are still real HTTP.
 */
describe("awaitWorkflow against the simulator's scenarios", () => {
  let h: Harness;
  let clock: VirtualClock;
  const start = async (opts: SimulatorOptions = {}) => {
    clock = new VirtualClock();
    h = await startSim({ now: clock.now, ...opts });
  };
  afterEach(() => h.stop());

  async function register(domain: string, pollOpts = {}): Promise<{ outcome: WorkflowOutcome; startedAt: number }> {
    const c = h.client();
    const startedAt = clock.t;
    const { workflow } = await c.createRegistration({ domain_name: domain }, { respondAsync: true });
    const outcome = await awaitWorkflow(workflow, (link) => c.followWorkflow(link), { clock, ...pollOpts });
    return { outcome, startedAt };
  }

  it("notices a 1.5 s workflow within 1 s of its finishing", async () => {
    await start({ registrationMs: 1_500 });
    const { outcome, startedAt } = await register("quick.com");
    assert.equal(outcome.kind, "succeeded");
    const noticedAfter = clock.t - (startedAt + 1_500);
    assert.ok(noticedAfter >= 0 && noticedAfter <= 1_000, `noticed ${noticedAfter} ms after finishing`);
    assert.ok(outcome.polls <= 6, `${outcome.polls} polls`);
  });

  it("polls a 60 s workflow cheaply: bounded interval, few polls, noticed within one interval", async () => {
    await start({ registrationMs: 60_000 });
    const polledAt: number[] = [];
    const { outcome, startedAt } = await register("minute.com", { onProgress: () => polledAt.push(clock.t) });
    assert.equal(outcome.kind, "succeeded");
    const gaps = polledAt.map((t, i) => t - (polledAt[i - 1] ?? startedAt));
    assert.ok(Math.max(...gaps) <= 5_000, `intervals ${gaps.join(", ")} ms`);
    const noticedAfter = clock.t - (startedAt + 60_000);
    assert.ok(noticedAfter <= 5_000, `noticed ${noticedAfter} ms late`);
    // About a quarter of the polls go to the first seconds, where a short workflow must be noticed within 1 s.
    assert.ok(outcome.polls <= 26, `${outcome.polls} polls`);
    assert.equal(h.sim.requests({ endpoint: "registration-status" }).length, outcome.polls);
  });

  it("reports progress through the callback", async () => {
    await start({ registrationMs: 3_000 });
    const seen: string[] = [];
    const { outcome } = await register("progress.com", { onProgress: (w: { state: string }) => seen.push(w.state) });
    assert.equal(outcome.kind, "succeeded");
    assert.equal(seen.at(-1), "succeeded");
    assert.ok(seen.includes("in_progress"));
  });

  it("stops at once on action_required and hands back context.action and confirmation_sent_to", async () => {
    await start({ domains: { "verify.com": { scenario: { kind: "action_required", action: "verify_email", confirmationSentTo: "me@example.com" } } } });
    const seen: string[] = [];
    const { outcome } = await register("verify.com", { onProgress: (w: { state: string }) => seen.push(w.state) });
    assert.equal(outcome.kind, "action_required");
    if (outcome.kind !== "action_required") return;
    assert.equal(outcome.action, "verify_email");
    assert.equal(outcome.confirmationSentTo, "me@example.com");
    // At once: the first action_required answer is the last poll.
    assert.equal(seen.at(-1), "action_required", `states seen: ${seen}`);
    assert.equal(seen.indexOf("action_required"), seen.length - 1, `states seen: ${seen}`);
    // And for good: with time moving on, nothing polls the workflow after the poller returned.
    const polled = h.sim.requests({ endpoint: "registration-status" }).length;
    for (let i = 0; i < 5; i++) {
      clock.t += 60_000;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(h.sim.requests({ endpoint: "registration-status" }).length, polled, "status requests after the poller returned");
  });

  it("keeps polling a blocked workflow, backing off past the in-progress ceiling towards 30 s, until it succeeds", async () => {
    await start({ domains: { "stuck.com": { scenario: { kind: "blocked", blockedMs: 120_000 } } } });
    const states: Array<[number, string]> = [];
    const { outcome, startedAt } = await register("stuck.com", { onProgress: (w: { state: string }) => states.push([clock.t, w.state]) });
    assert.equal(outcome.kind, "succeeded");
    const blockedPolls = states.filter(([, s]) => s === "blocked").map(([t]) => t);
    const gaps = blockedPolls.slice(1).map((t, i) => t - blockedPolls[i]!);
    assert.ok(blockedPolls.length <= 30, `${blockedPolls.length} polls while blocked`);
    assert.ok(Math.max(...gaps) > 5_000 && Math.max(...gaps) <= 30_000, `intervals while blocked ${gaps.join(", ")} ms`);
    const noticedAfter = clock.t - (startedAt + 300 + 120_000);
    assert.ok(noticedAfter >= 0 && noticedAfter <= 30_000, `noticed ${noticedAfter} ms late`);
  });

  it("notices a registration blocked for 3 s within 1 s of its end", async () => {
    await start({ domains: { "brief.com": { scenario: { kind: "blocked", blockedMs: 3_000 } } } });
    const states: string[] = [];
    const { outcome, startedAt } = await register("brief.com", { onProgress: (w: { state: string }) => states.push(w.state) });
    assert.equal(outcome.kind, "succeeded");
    assert.ok(states.includes("blocked"), `states seen: ${states}`);
    const noticedAfter = clock.t - (startedAt + 300 + 3_000);
    assert.ok(noticedAfter >= 0 && noticedAfter <= 1_000, `noticed ${noticedAfter} ms late`);
  });

  it("gives a deadline outcome, not an endless loop, when a workflow stays blocked", async () => {
    await start({ domains: { "frozen.com": { scenario: { kind: "blocked", blockedMs: 3_600_000 } } } });
    const { outcome, startedAt } = await register("frozen.com", { deadlineMs: 120_000 });
    assert.equal(outcome.kind, "deadline");
    if (outcome.kind === "deadline") assert.equal(outcome.state, "blocked");
    assert.equal(clock.t - startedAt, 120_000);
  });

  it("returns failed with error.code and error.message", async () => {
    await start();
    const { outcome } = await register("failed-x.com");
    assert.equal(outcome.kind, "failed");
    if (outcome.kind !== "failed") return;
    assert.equal(outcome.code, "registry_rejected");
    assert.equal(outcome.message, "Registry rejected the request.");
    assert.equal(h.sim.registry.list(ACCOUNT).length, 0, "a failed registration leaves nothing owned");
  });

  it("awaits a slow update through update-status", async () => {
    await start();
    h.sim.registry.seed(ACCOUNT, { domain_name: "slow-update-y.com" });
    const c = h.client();
    const { httpStatus, workflow } = await c.updateRegistration("slow-update-y.com", { auto_renew: true }, { respondAsync: true });
    assert.equal(httpStatus, 202);
    assert.match(workflow.links.self, /\/update-status$/);
    const outcome = await awaitWorkflow(workflow, (link) => c.followWorkflow(link), { clock });
    assert.equal(outcome.kind, "succeeded");
    assert.equal((await c.getRegistration("slow-update-y.com")).auto_renew, true);
  });
});
