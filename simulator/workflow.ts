/**
 * Workflows as schedules: a list of timed phases and an outcome. Their state at any moment is computed
 * from the clock, never advanced by timers, so a virtual clock drives them exactly.
 */
import type { Scenario } from "./scenarios";

export type WorkflowState = "pending" | "in_progress" | "action_required" | "blocked" | "succeeded" | "failed";

export type Phase = { state: "pending" | "in_progress" | "blocked"; until: number } | { state: "action_required" };

export interface Workflow {
  kind: "registration" | "update" | "transfer";
  accountId: string;
  domain: string;
  createdAt: number;
  updatedAt: number;
  /** Phases in order; after the last one the workflow ends with `outcome`. */
  phases: Phase[];
  outcome: { state: "succeeded" } | { state: "failed"; code: string; message: string };
  /** For action_required: when the user resolved it. */
  resolvedAt?: number;
  action?: string;
  confirmationSentTo?: string;
  /** For updates: the change to apply on success. */
  change?: { auto_renew?: boolean };
  /** For registrations and transfers: the price quoted when the POST was accepted, charged on success. */
  price?: { registration: string; renewal: string; currency: string; transfer?: string };
  applied: boolean;
}

/** The phases a registration goes through in a scenario, from `now`, for a normal duration of `d` ms. */
export function registrationSchedule(scenario: Scenario, now: number, d: number): Pick<Workflow, "phases" | "outcome" | "action" | "confirmationSentTo"> {
  const phases: Phase[] = [
    { state: "pending", until: now + Math.max(1, d * 0.1) },
    { state: "in_progress", until: now + d },
  ];
  switch (scenario.kind) {
    case "slow":
      phases[1] = { state: "in_progress", until: now + (scenario.durationMs ?? 5_000) };
      break;
    case "blocked": {
      const blockedMs = scenario.blockedMs ?? 3_000;
      phases[1] = { state: "in_progress", until: now + d * 0.5 };
      phases.push({ state: "blocked", until: now + d * 0.5 + blockedMs }, { state: "in_progress", until: now + d + blockedMs });
      break;
    }
    case "action_required":
      phases[1] = { state: "in_progress", until: now + d * 0.5 };
      phases.push({ state: "action_required" });
      return {
        phases,
        outcome: { state: "succeeded" },
        action: scenario.action ?? "verify_registrant_email",
        confirmationSentTo: scenario.confirmationSentTo ?? "registrant@example.com",
      };
    case "failed":
      return {
        phases,
        outcome: { state: "failed", code: scenario.code ?? "registry_rejected", message: scenario.message ?? "Registry rejected the request." },
      };
  }
  return { phases, outcome: { state: "succeeded" } };
}

/**
 * A transfer in: mostly `blocked`, as real transfers are while the losing registrar has its approval window
 * (days in reality, `d` ms here).
 */
export function transferSchedule(now: number, d: number): Pick<Workflow, "phases" | "outcome"> {
  return {
    phases: [
      { state: "pending", until: now + Math.max(1, d * 0.05) },
      { state: "in_progress", until: now + d * 0.2 },
      { state: "blocked", until: now + d * 0.9 },
      { state: "in_progress", until: now + d },
    ],
    outcome: { state: "succeeded" },
  };
}

/** The workflow's current state, by walking its phases against the clock. */
export function stateAt(wf: Workflow, now: number): { state: WorkflowState; since: number } {
  let since = wf.createdAt;
  for (const p of wf.phases) {
    if (p.state === "action_required") {
      if (wf.resolvedAt === undefined) return { state: "action_required", since };
      since = wf.resolvedAt;
      // After the user acts, the registry finishes the job shortly.
      if (now < wf.resolvedAt + 50) return { state: "in_progress", since };
      since = wf.resolvedAt + 50;
      continue;
    }
    if (now < p.until) return { state: p.state, since };
    since = p.until;
  }
  return { state: wf.outcome.state, since };
}
