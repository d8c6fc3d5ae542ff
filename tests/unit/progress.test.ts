import { strict as assert } from "node:assert";
import { formatDuration, progressLines } from "../../provider/workflow/progress";
import { awaitWorkflow } from "../../provider/workflow/poll";
import type { WorkflowStatus } from "../../provider/api/schemas";
import { VirtualClock } from "../support/clock";

const status = (state: WorkflowStatus["state"]) => ({ state, links: { self: "/x" } }) as WorkflowStatus;

describe("long waits are visible: progress lines", () => {
  describe("progressLines", () => {
    it("says each state change and every 30 s of the same state, with the domain, state, time waited and next poll", () => {
      const lines: string[] = [];
      const report = progressLines("x.com: registration", "pending", (l) => lines.push(l));
      report(status("pending"), 1, { elapsedMs: 250, nextPollMs: 375 }); // same state, early: quiet
      report(status("in_progress"), 2, { elapsedMs: 700, nextPollMs: 560 });
      report(status("in_progress"), 3, { elapsedMs: 20_000, nextPollMs: 5_000 }); // 19 s since the last line: quiet
      report(status("in_progress"), 4, { elapsedMs: 31_000, nextPollMs: 5_000 });
      report(status("succeeded"), 5, { elapsedMs: 36_000 });
      assert.deepEqual(lines, [
        "x.com: registration: in_progress, waited 0.7 s so far; next poll in 0.6 s.",
        "x.com: registration: in_progress, waited 31 s so far; next poll in 5.0 s.",
        "x.com: registration: succeeded after 36 s.",
      ]);
    });

    it("the every-30 s lines fall on the wait's 30 s marks, not 30 s after whatever line came last", () => {
      const lines: string[] = [];
      const report = progressLines("x.com: transfer", "pending", (l) => lines.push(l));
      report(status("blocked"), 1, { elapsedMs: 10_000, nextPollMs: 2_500 });
      report(status("blocked"), 2, { elapsedMs: 29_999, nextPollMs: 1 });
      report(status("blocked"), 3, { elapsedMs: 30_000, nextPollMs: 7_500 });
      report(status("blocked"), 4, { elapsedMs: 59_000, nextPollMs: 1_000 });
      report(status("blocked"), 5, { elapsedMs: 60_000, nextPollMs: 15_000 });
      assert.deepEqual(
        lines.map((l) => / waited (.*) so far/.exec(l)![1]),
        ["10 s", "30 s", "1 min 00 s"],
      );
    });

    it("a wait whose polls are minutes apart still says a line on every 30 s mark, naming the poll still to come", async () => {
      const clock = new VirtualClock();
      const t0 = clock.now();
      const lines: string[] = [];
      const blocked = { ...status("blocked"), links: { self: "/x" } };
      await awaitWorkflow(blocked, async () => (clock.now() - t0 < 20 * 60_000 ? blocked : status("succeeded")), {
        initialIntervalMs: 500,
        maxIntervalMs: 30_000,
        blockedIntervalMs: 30 * 60_000,
        reportEveryMs: 30_000,
        deadlineMs: 3_600_000,
        clock,
        onProgress: progressLines("x.com: transfer", "blocked", (l) => lines.push(l)),
      });
      const waited = lines.map((l) => / waited (.*) so far/.exec(l)?.[1]).filter(Boolean);
      assert.deepEqual(waited.slice(0, 3), ["0.0 s", "30 s", "1 min 00 s"]);
      assert.ok(waited.includes("19 min 30 s"), lines.join("\n"));
      // Between polls minutes apart, the line counts down to the poll still to come.
      assert.ok(
        lines.some((l) => /next poll in [1-9] min \d\d s\.$/.test(l)),
        lines.join("\n"),
      );
      assert.match(lines.at(-1)!, /^x\.com: transfer: succeeded after 2\d min \d\d s\.$/);
    });

    it("says at once when a wait starts blocked, and not when it starts pending", () => {
      const lines: string[] = [];
      progressLines("x.com: registration", "blocked", (l) => lines.push(l))(status("blocked"), 0, { elapsedMs: 0, nextPollMs: 30_000 });
      progressLines("y.com: registration", "pending", (l) => lines.push(l))(status("pending"), 0, { elapsedMs: 0, nextPollMs: 250 });
      assert.deepEqual(lines, ["x.com: registration: blocked, waited 0.0 s so far; next poll in 30 s."]);
    });

    it("is silent for a wait that settles before anything was said", () => {
      const lines: string[] = [];
      const report = progressLines("x.com: registration", "in_progress", (l) => lines.push(l));
      report(status("in_progress"), 1, { elapsedMs: 250, nextPollMs: 375 });
      report(status("succeeded"), 2, { elapsedMs: 625 });
      assert.deepEqual(lines, []);
    });

    it("formats durations for people", () => {
      assert.equal(formatDuration(250), "0.3 s");
      assert.equal(formatDuration(12_400), "12 s");
      assert.equal(formatDuration(90_000), "1 min 30 s");
      assert.equal(formatDuration(605_000), "10 min 05 s");
    });
  });
});
