/**
 * Progress lines for a long wait on a workflow. A dynamic provider cannot reach the engine's per-resource
 * ephemeral status (the host passes no URN to create or update), so these are plain lines on the
 * provider's stderr, which the CLI shows on the stack's row as they come. Warnings do not go this way:
 * provider/host/engineLog.ts sends them to the engine's Log at warning severity, so the CLI counts them;
 * progress stays on stderr, where a line is shown and not counted as a warning.
 */
import type { WorkflowState, WorkflowStatus } from "../api/schemas";
import type { WaitProgress } from "./poll";

/** How often a wait that changes nothing still says it is waiting. */
export const PROGRESS_EVERY_MS = 30_000;

/** 0.3 s, 12 s, 1 min 30 s: as precise as a person reading the line needs. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/**
 * An `onProgress` for awaitWorkflow: a line at each state change (and at once for a wait that starts
 * blocked) and at every `everyMs` mark of the wait (30 s, 1 min, ...; give awaitWorkflow the same
 * `reportEveryMs` and it calls this on each: after a poll moved onto the mark, or, once polls are further
 * apart than the grid, with the last answer and the time to the poll still to come), naming
 * `what` (the domain and the operation), the state, the time waited and the next poll; and, once a wait
 * has been reported, a line when it settles.
 */
export function progressLines(what: string, initial: WorkflowState, log: (line: string) => void, everyMs = PROGRESS_EVERY_MS) {
  let last = initial;
  let lastLineAt: number | undefined;
  return (workflow: WorkflowStatus, polls: number, wait: WaitProgress): void => {
    // A wait that starts blocked is on a third party: long, so it is said at once.
    const changed = workflow.state !== last || (polls === 0 && workflow.state === "blocked");
    last = workflow.state;
    const elapsed = formatDuration(wait.elapsedMs);
    if (wait.nextPollMs === undefined) {
      if (lastLineAt !== undefined && changed) log(`${what}: ${workflow.state} after ${elapsed}.`);
      return;
    }
    if (!changed && Math.floor(wait.elapsedMs / everyMs) <= Math.floor((lastLineAt ?? 0) / everyMs)) return;
    lastLineAt = wait.elapsedMs;
    log(`${what}: ${workflow.state}, waited ${elapsed} so far; next poll in ${formatDuration(wait.nextPollMs)}.`);
  };
}
