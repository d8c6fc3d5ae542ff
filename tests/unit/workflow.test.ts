import { strict as assert } from "node:assert";
import { awaitWorkflow, DEFAULT_POLL_OPTIONS, nextPollWait, pollInterval, PollOptions, settledOutcome } from "../../provider/workflow/poll";
import { realClock } from "../../provider/api/clock";
import type { WorkflowState, WorkflowStatus } from "../../provider/api/schemas";
import { transferKind } from "../../provider/transfer/kind";
import { VirtualClock } from "../support/clock";

const wf = (over: Partial<WorkflowStatus>): WorkflowStatus => ({ state: "in_progress", completed: false, links: { self: "/s" }, ...over }) as WorkflowStatus;

describe("workflow: what a single status answer settles", () => {
  it("a failed workflow without error detail still settles as failed, saying so", () => {
    const o = settledOutcome(wf({ state: "failed", completed: true }), 3);
    assert.deepEqual(o && { ...o, workflow: undefined }, {
      kind: "failed",
      workflow: undefined,
      polls: 3,
      code: "unknown",
      message: "the workflow failed without detail",
    });
  });

  it("action_required hands back string context as is, other values as JSON, and null or absent as nothing", () => {
    const o = settledOutcome(wf({ state: "action_required", context: { action: { kind: "verify" }, confirmation_sent_to: null } as never }));
    assert.equal(o?.kind, "action_required");
    assert.equal((o as { action?: string }).action, '{"kind":"verify"}');
    assert.equal((o as { confirmationSentTo?: string }).confirmationSentTo, undefined);
    const bare = settledOutcome(wf({ state: "action_required" }));
    assert.deepEqual([(bare as { action?: string }).action, (bare as { confirmationSentTo?: string }).confirmationSentTo], [undefined, undefined]);
  });

  it("pending, in_progress and blocked need more polling", () => {
    for (const state of ["pending", "in_progress", "blocked"] as const) assert.equal(settledOutcome(wf({ state })), undefined, state);
  });

  it("the real clock's sleep really waits", async () => {
    const t0 = realClock.now();
    await realClock.sleep(30);
    assert.ok(realClock.now() - t0 >= 25);
  });
});

/** A workflow whose state is a function of the time since the wait began, awaited on a virtual clock. */
async function waitOn(stateAt: (elapsedMs: number) => WorkflowState, options: PollOptions = {}) {
  const clock = new VirtualClock();
  const t0 = clock.now();
  const polledAt: number[] = [];
  const outcome = await awaitWorkflow(
    wf({ state: stateAt(0) }),
    async () => {
      polledAt.push(clock.now() - t0);
      return wf({ state: stateAt(clock.now() - t0) });
    },
    { ...options, clock },
  );
  return { outcome, polledAt, endedAt: clock.now() - t0 };
}

/** `state` until `endMs`, then succeeded. */
const endsAt = (endMs: number, state: WorkflowState) => (t: number) => (t < endMs ? state : "succeeded");

const TRANSFER_POLL = transferKind(undefined as never, () => undefined).poll!;

describe("workflow: the poll cadence", () => {
  const cadence = DEFAULT_POLL_OPTIONS;

  it("starts at the first interval in every state, then waits a fixed share of the time waited so far", () => {
    for (const state of ["pending", "in_progress", "blocked"] as const) {
      assert.equal(pollInterval(state, 0, cadence), cadence.initialIntervalMs, state);
      assert.equal(pollInterval(state, 2_000, cadence), 2_000 * cadence.backoffShare, state);
      assert.equal(pollInterval(state, 4_000, cadence), 4_000 * cadence.backoffShare, state);
    }
  });

  it("blocked backs off further than pending and in progress: to its own, higher ceiling", () => {
    assert.equal(pollInterval("in_progress", 3_600_000, cadence), cadence.maxIntervalMs);
    assert.equal(pollInterval("pending", 3_600_000, cadence), cadence.maxIntervalMs);
    assert.equal(pollInterval("blocked", 3_600_000, cadence), cadence.blockedIntervalMs);
    assert.ok(cadence.blockedIntervalMs > cadence.maxIntervalMs);
    // A blocked ceiling set below the other is raised to it: blocked never polls more often.
    assert.equal(pollInterval("blocked", 3_600_000, { ...cadence, blockedIntervalMs: 1_000 }), cadence.maxIntervalMs);
  });

  it("lands a poll on every mark of the progress grid, moving a poll that would fall just short of it", () => {
    // 40 s in, blocked: 10 s to the next poll, and the 60 s mark is 20 s away: no change.
    assert.equal(nextPollWait("blocked", 40_000, cadence, 30_000), 10_000);
    // 25 s in: the next poll would be at 31.25 s, past the 30 s mark: at the mark instead.
    assert.equal(nextPollWait("blocked", 25_000, cadence, 30_000), 5_000);
    // 23.9 s in: at 29.875 s, hardly short of the mark: moved onto it, not polled twice.
    assert.equal(nextPollWait("blocked", 23_900, cadence, 30_000), 6_100);
    // Just after a mark, the next is a whole grid away.
    assert.equal(nextPollWait("blocked", 30_000, cadence, 30_000), 7_500);
    // A wait longer than the grid is not held to it.
    assert.equal(nextPollWait("blocked", 600_000, { ...cadence, blockedIntervalMs: 30 * 60_000 }, 30_000), 150_000);
    assert.equal(nextPollWait("blocked", 25_000, cadence), 6_250);
  });

  it("a wait reported on a 30 s grid polls on each mark", async () => {
    const { polledAt } = await waitOn(endsAt(200_000, "blocked"), { reportEveryMs: 30_000 });
    for (const mark of [30_000, 60_000, 90_000, 120_000, 150_000, 180_000]) assert.ok(polledAt.includes(mark), `no poll at ${mark}: ${polledAt.join(", ")}`);
  });

  it("a transfer blocked for hours backs off to its 30 minute ceiling on the 30 s report grid, and is still reported on every mark", async () => {
    const end = 3 * 3_600_000;
    const reported: number[] = [];
    const { outcome, polledAt } = await waitOn(endsAt(end, "blocked"), {
      ...TRANSFER_POLL,
      reportEveryMs: 30_000,
      deadlineMs: 5 * 3_600_000,
      onProgress: (_w, _polls, wait) => reported.push(wait.elapsedMs),
    });
    assert.equal(outcome.kind, "succeeded");
    const gaps = polledAt.map((t, i) => t - (polledAt[i - 1] ?? 0));
    assert.equal(Math.max(...gaps), TRANSFER_POLL.blockedIntervalMs, gaps.join(", "));
    assert.ok(polledAt.length < 60, `${polledAt.length} polls for a 3 hour block`);
    for (let mark = 30_000; mark <= polledAt.at(-1)!; mark += 30_000) assert.ok(reported.includes(mark), `nothing reported at ${mark}`);
  });

  for (const [label, poll] of [
    ["a registration or update", {}],
    ["a transfer", TRANSFER_POLL],
  ] as const) {
    it(`invariant: ${label} that ends within 4 s is noticed within 1 s, whatever state it waits in`, async () => {
      for (const state of ["pending", "in_progress", "blocked"] as const) {
        for (let end = 50; end <= 4_000; end += 97) {
          const { outcome, endedAt } = await waitOn(endsAt(end, state), poll);
          assert.equal(outcome.kind, "succeeded");
          assert.ok(endedAt - end >= 0 && endedAt - end <= 1_000, `${state} for ${end} ms: noticed ${endedAt - end} ms late`);
        }
      }
    });
  }

  it("invariant: however long the wait, its end is noticed within a quarter of its length or one ceiling", async () => {
    for (const state of ["in_progress", "blocked"] as const) {
      for (const end of [10_000, 45_000, 90_000, 300_000, 590_000]) {
        const { endedAt } = await waitOn(endsAt(end, state));
        const ceiling = state === "blocked" ? cadence.blockedIntervalMs : cadence.maxIntervalMs;
        assert.ok(endedAt - end <= Math.min(ceiling, end * cadence.backoffShare), `${state} for ${end} ms: noticed ${endedAt - end} ms late`);
      }
    }
  });

  it("long waits back off to the ceiling, and a 10 minute wait costs few requests", async () => {
    const counts: Record<string, number> = {};
    for (const state of ["in_progress", "blocked"] as const) {
      for (const end of [60_000, 600_000]) {
        const { outcome, polledAt } = await waitOn(endsAt(end, state), { deadlineMs: 15 * 60_000 });
        assert.equal(outcome.kind, "succeeded");
        const gaps = polledAt.map((t, i) => t - (polledAt[i - 1] ?? 0));
        for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i]! >= gaps[i - 1]!, `${state}: intervals never shrink (${gaps.join(", ")})`);
        const ceiling = state === "blocked" ? cadence.blockedIntervalMs : cadence.maxIntervalMs;
        if (end === 600_000) assert.equal(Math.max(...gaps), ceiling, state);
        counts[`${state} ${end / 1000} s`] = outcome.polls;
      }
    }
    // 5 s apart at the ceiling is 120 a 10 minute wait; the start adds what noticing short waits quickly costs.
    assert.ok(counts["in_progress 600 s"]! <= 140, JSON.stringify(counts));
    assert.ok(counts["blocked 600 s"]! <= 45, JSON.stringify(counts));
    assert.ok(counts["in_progress 60 s"]! <= 26 && counts["blocked 60 s"]! <= 26, JSON.stringify(counts));
  });

  it("a transfer blocked for days is polled a few times a minute at most within create's wait, and the wait ends at the deadline", async () => {
    const { outcome, polledAt } = await waitOn(() => "blocked", { ...TRANSFER_POLL, deadlineMs: 60_000 });
    assert.equal(outcome.kind, "deadline");
    assert.equal(polledAt.at(-1), 60_000);
    assert.ok(outcome.polls <= 25, `${outcome.polls} polls`);
  });

  it("a wait that never ends stops at the deadline, the last poll on it", async () => {
    const { outcome, polledAt, endedAt } = await waitOn(() => "blocked", { deadlineMs: 3_600_000 });
    assert.equal(outcome.kind, "deadline");
    assert.equal(endedAt, 3_600_000);
    assert.equal(polledAt.at(-1), 3_600_000);
  });
});
