/**
 * Awaiting a registration or update workflow. Returns an outcome for the caller to branch on; only
 * transport and API errors throw. The wait before each poll is a fixed share of the time waited so far,
 * so a workflow is noticed within that share of its length after it ends: under a second for one of a few
 * seconds, in any state. The share grows the interval towards a ceiling, and `blocked` (a third party)
 * has a higher ceiling than pending or in progress, as the API asks; the deadline ends every wait.
 */
import type { WorkflowState, WorkflowStatus } from "../api/schemas";

import { type Clock, realClock } from "../api/clock";

export interface PollOptions {
  /** Shortest wait between polls, and the first. Default 250 ms. */
  initialIntervalMs?: number;
  /** Each wait is this share of the time waited so far (the most a workflow's end is noticed late, relative to its length). Default 0.25. */
  backoffShare?: number;
  /** Longest wait between polls while pending or in progress. Default 5 s. */
  maxIntervalMs?: number;
  /** Longest wait between polls while `blocked`: at least maxIntervalMs. Default 30 s. */
  blockedIntervalMs?: number;
  /** Give up (with a `deadline` outcome) after this long. Default 10 minutes. */
  deadlineMs?: number;
  /**
   * Called as the wait starts (polls 0, the state it starts from), after each poll, and on each
   * `reportEveryMs` mark that no poll lands on (with the last answer).
   */
  onProgress?: (workflow: WorkflowStatus, polls: number, wait: WaitProgress) => void;
  /**
   * The progress grid: while polls come at most this far apart, one is moved onto each multiple of it
   * since the wait began, so the line said there carries a fresh answer; a longer wait is not shortened,
   * and onProgress is called on the marks it spans instead.
   */
  reportEveryMs?: number;
  clock?: Clock;
}

/** Where a wait stands after a poll, for progress lines. */
export interface WaitProgress {
  /** Since the poller started (the purchase or update was already answered). */
  elapsedMs: number;
  /** When the next poll comes; undefined when there is none (settled, or the deadline reached). */
  nextPollMs?: number;
}

export const DEFAULT_POLL_OPTIONS: Required<Omit<PollOptions, "onProgress" | "reportEveryMs" | "clock">> = {
  initialIntervalMs: 250,
  backoffShare: 0.25,
  maxIntervalMs: 5_000,
  blockedIntervalMs: 30_000,
  deadlineMs: 10 * 60_000,
};

export type PollCadence = Pick<Required<PollOptions>, "initialIntervalMs" | "backoffShare" | "maxIntervalMs" | "blockedIntervalMs">;

/**
 * The wait before the next poll of a workflow in `state`, `elapsedMs` into the wait. Proportional to the
 * time waited, not to the number of polls: a block that lifts after 3 s is as urgent as any 3 s wait (the
 * user is watching), while one that lasts minutes is polled at the ceiling.
 */
export function pollInterval(state: WorkflowState, elapsedMs: number, cadence: PollCadence): number {
  const ceiling = state === "blocked" ? Math.max(cadence.blockedIntervalMs, cadence.maxIntervalMs) : cadence.maxIntervalMs;
  return Math.min(ceiling, Math.max(cadence.initialIntervalMs, elapsedMs * cadence.backoffShare));
}

/**
 * pollInterval, moved onto the next multiple of `reportEveryMs` when that comes first or hardly later
 * (within the first interval: not two polls in a row for it), so a progress line due at 30 s carries an
 * answer of that moment. A wait longer than the grid is left alone: snapping it would hold every poll to
 * the grid and the blocked ceiling (30 minutes for a transfer) would never be reached.
 */
export function nextPollWait(state: WorkflowState, elapsedMs: number, cadence: PollCadence, reportEveryMs?: number): number {
  const wait = pollInterval(state, elapsedMs, cadence);
  if (!reportEveryMs || wait > reportEveryMs) return wait;
  const untilMark = (Math.floor(elapsedMs / reportEveryMs) + 1) * reportEveryMs - elapsedMs;
  return untilMark < wait + cadence.initialIntervalMs ? untilMark : wait;
}

interface Base {
  workflow: WorkflowStatus;
  /** Status requests made (not counting the answer we started from). */
  polls: number;
}

export type WorkflowOutcome =
  | (Base & { kind: "succeeded" })
  | (Base & { kind: "failed"; code: string; message: string })
  | (Base & { kind: "action_required"; action?: string; confirmationSentTo?: string })
  /** Still pending, in progress or blocked when the deadline came; `workflow.state` says which. */
  | (Base & { kind: "deadline"; state: WorkflowState });

/** The outcome a single status answer already gives, or undefined when it needs more polling. */
export function settledOutcome(workflow: WorkflowStatus, polls = 0): WorkflowOutcome | undefined {
  switch (workflow.state) {
    case "succeeded":
      return { kind: "succeeded", workflow, polls };
    case "failed":
      return {
        kind: "failed",
        workflow,
        polls,
        code: workflow.error?.code ?? "unknown",
        message: workflow.error?.message ?? "the workflow failed without detail",
      };
    case "action_required": {
      const ctx = workflow.context ?? {};
      const str = (v: unknown) => (typeof v === "string" ? v : v == null ? undefined : JSON.stringify(v));
      return { kind: "action_required", workflow, polls, action: str(ctx.action), confirmationSentTo: str(ctx.confirmation_sent_to) };
    }
  }
  return undefined;
}

/**
 * Poll `fetch(workflow.links.self)` until the workflow succeeds, fails, needs the user, or the
 * deadline passes.
 */
export async function awaitWorkflow(
  initial: WorkflowStatus,
  fetch: (link: string) => Promise<WorkflowStatus>,
  options: PollOptions = {},
): Promise<WorkflowOutcome> {
  const o = { ...DEFAULT_POLL_OPTIONS, ...options };
  const clock = options.clock ?? realClock;
  const started = clock.now();
  const deadline = started + o.deadlineMs;
  let workflow = initial;
  let polls = 0;
  // The last poll lands on the deadline rather than past it.
  const nextWait = () => Math.min(nextPollWait(workflow.state, clock.now() - started, o, options.reportEveryMs), deadline - clock.now());
  const report = () => {
    const next = settledOutcome(workflow) ? undefined : nextWait();
    options.onProgress?.(workflow, polls, { elapsedMs: clock.now() - started, nextPollMs: next !== undefined && next > 0 ? next : undefined });
  };
  const every = options.reportEveryMs;
  const nextMark = () => (every ? started + (Math.floor((clock.now() - started) / every) + 1) * every : Infinity);
  if (!settledOutcome(workflow)) report();
  for (;;) {
    const settled = settledOutcome(workflow, polls);
    if (settled) return settled;
    const wait = nextWait();
    if (wait <= 0) return { kind: "deadline", workflow, polls, state: workflow.state };
    const pollAt = clock.now() + wait;
    // Polls further apart than the grid: each mark between them still gets its line, from the last answer.
    for (let mark = nextMark(); mark < pollAt; mark = nextMark()) {
      await clock.sleep(mark - clock.now());
      options.onProgress?.(workflow, polls, { elapsedMs: clock.now() - started, nextPollMs: pollAt - clock.now() });
    }
    await clock.sleep(pollAt - clock.now());
    workflow = await fetch(workflow.links.self);
    polls++;
    report();
  }
}
