/**
 * The one place where an unfinished workflow outcome becomes words: failed, waiting on the user, or still
 * running at the deadline. Each caller says what the workflow was for and whether a later run resumes it.
 */
import type { WorkflowOutcome } from "../workflow/poll";

export type Unfinished = Exclude<WorkflowOutcome, { kind: "succeeded" }>;

export interface Subject {
  /** "Registration of 'example.com'", "Setting auto_renew=true on 'example.com'". */
  what: string;
  /** What to do after a failure. */
  afterFailure: string;
  /** What to do after acting on an action_required. */
  afterAction: string;
  /** What happens after a deadline. */
  afterDeadline: string;
  /** Describe the polls and the third party when blocked (purchases do; updates keep it short). */
  detailed: boolean;
}

export function unfinishedMessage(outcome: Unfinished, s: Subject): string {
  switch (outcome.kind) {
    case "failed":
      // The registry's message may end in its own full stop.
      return `${s.what} failed: [${outcome.code}] ${outcome.message.replace(/\.+$/, "")}. ${s.afterFailure}`;
    case "action_required":
      if (!s.detailed) return `${s.what} needs your action: ${outcome.action ?? "see the dashboard"}. ${s.afterAction}`;
      return (
        `${s.what} is waiting for you: ${outcome.action ?? "an action is required"}` +
        `${outcome.confirmationSentTo ? ` (a confirmation was sent to ${outcome.confirmationSentTo})` : ""}. ${s.afterAction}`
      );
    case "deadline":
      if (!s.detailed) return `${s.what} is still ${outcome.state}; ${s.afterDeadline}`;
      return (
        `${s.what} is still ${outcome.state}${outcome.state === "blocked" ? " (waiting on the registry, a third party)" : ""} ` +
        `after ${outcome.polls} status checks. ${s.afterDeadline}`
      );
  }
}
