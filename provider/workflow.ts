/**
 * Awaiting a registration or update workflow. Returns an outcome for the caller to branch on; only
 * transport and API errors throw. Polls quickly at first (most workflows finish within seconds), then
 * backs off; a `blocked` workflow waits on a third party, so it is polled at a much longer interval.
 */
import type { WorkflowState, WorkflowStatus } from "./schemas";

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PollOptions {
  /** First wait, and the base of the backoff. Default 250 ms. */
  initialIntervalMs?: number;
  /** Growth of the wait after each poll. Default 1.5. */
  backoffFactor?: number;
  /** Longest wait between polls while the workflow makes progress. Default 5 s. */
  maxIntervalMs?: number;
  /** Wait between polls while `blocked`. Default 30 s. */
  blockedIntervalMs?: number;
  /** Give up (with a `deadline` outcome) after this long. Default 10 minutes. */
  deadlineMs?: number;
  /** Called as the wait starts (polls 0, the state it starts from), then after each poll. */
  onProgress?: (workflow: WorkflowStatus, polls: number, wait: WaitProgress) => void;
  clock?: Clock;
}

/** Where a wait stands after a poll, for progress lines. */
export interface WaitProgress {
  /** Since the poller started (the purchase or update was already answered). */
  elapsedMs: number;
  /** When the next poll comes; undefined when there is none (settled, or the deadline reached). */
  nextPollMs?: number;
}

export const DEFAULT_POLL_OPTIONS: Required<Omit<PollOptions, "onProgress" | "clock">> = {
  initialIntervalMs: 250,
  backoffFactor: 1.5,
  maxIntervalMs: 5_000,
  blockedIntervalMs: 30_000,
  deadlineMs: 10 * 60_000,
};

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
    // Stryker disable next-line ConditionalExpression: equivalent; an empty default also returns undefined
    default:
      return undefined;
  }
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
  let interval = o.initialIntervalMs;
  // The last poll lands on the deadline rather than past it.
  const nextWait = () => Math.min(workflow.state === "blocked" ? Math.max(o.blockedIntervalMs, interval) : interval, deadline - clock.now());
  const report = () => {
    const next = settledOutcome(workflow) ? undefined : nextWait();
    options.onProgress?.(workflow, polls, { elapsedMs: clock.now() - started, nextPollMs: next !== undefined && next > 0 ? next : undefined });
  };
  if (!settledOutcome(workflow)) report();
  for (;;) {
    const settled = settledOutcome(workflow, polls);
    if (settled) return settled;
    const wait = nextWait();
    if (wait <= 0) return { kind: "deadline", workflow, polls, state: workflow.state };
    await clock.sleep(wait);
    workflow = await fetch(workflow.links.self);
    polls++;
    interval = Math.min(o.maxIntervalMs, interval * o.backoffFactor);
    report();
  }
}
