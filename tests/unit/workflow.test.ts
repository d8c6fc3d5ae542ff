import { strict as assert } from "node:assert";
import { realClock, settledOutcome } from "../../provider/workflow";
import type { WorkflowStatus } from "../../provider/schemas";

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
