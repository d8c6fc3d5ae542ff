/**
 * How the simulated registry treats a domain. Chosen per domain by configuration (`scenarios`, or the
 * control API), else by the documented name prefixes below, so a test or a demo picks behaviour by
 * naming a domain — never by patching code.
 */
export type Scenario =
  | { kind: "available" }
  /** Taken at the registry: check says domain_unavailable, create answers 409. */
  | { kind: "unavailable" }
  /** Premium: check says domain_premium with tier premium; create answers 400. */
  | { kind: "premium" }
  /** The registry froze new registrations on this extension. */
  | { kind: "extension_disallows_registration" }
  /** Registers, but takes `durationMs` (default 5 s): create answers 202. */
  | { kind: "slow"; durationMs?: number }
  /** Blocked on the registry for `blockedMs` (default 3 s), then succeeds. */
  | { kind: "blocked"; blockedMs?: number }
  /** Pauses in action_required until resolved through the control API (the user clicking the email). */
  | { kind: "action_required"; action?: string; confirmationSentTo?: string }
  /** Fails with `code` (default registry_rejected). */
  | { kind: "failed"; code?: string; message?: string }
  /** The first create is recorded, then its connection is dropped before any answer is sent. */
  | { kind: "lost_answer" }
  /** Updates (PATCH) take `durationMs` (default 2 s): PATCH answers 202, poll update-status. */
  | { kind: "slow_update"; durationMs?: number }
  /** Registered elsewhere, but transfer-check answers these reason codes (domain_locked, dnssec_enabled...). */
  | { kind: "transfer_refused"; reasons: string[] };

export type ScenarioKind = Scenario["kind"];

export interface PriceOverride {
  registration: string;
  renewal?: string;
  currency?: string;
}

/** Per-domain configuration: a scenario, and optionally a price. */
export interface DomainConfig {
  scenario?: Scenario;
  price?: PriceOverride;
  /** The auth code the losing registrar issued (plain text); a transfer with another code is refused. */
  authCode?: string;
}

/** Name prefixes that select a scenario when no explicit configuration names the domain. */
export const PREFIX_SCENARIOS: ReadonlyArray<[string, Scenario]> = [
  ["unavailable-", { kind: "unavailable" }],
  ["taken-", { kind: "unavailable" }],
  ["premium-", { kind: "premium" }],
  ["frozen-", { kind: "extension_disallows_registration" }],
  ["slow-update-", { kind: "slow_update" }],
  ["slow-", { kind: "slow" }],
  ["blocked-", { kind: "blocked" }],
  ["action-", { kind: "action_required" }],
  ["failed-", { kind: "failed" }],
  ["lost-", { kind: "lost_answer" }],
  ["locked-", { kind: "transfer_refused", reasons: ["domain_locked"] }],
  ["dnssec-", { kind: "transfer_refused", reasons: ["dnssec_enabled"] }],
];

export function scenarioFor(domain: string, configured: DomainConfig | undefined): Scenario {
  if (configured?.scenario) return configured.scenario;
  for (const [prefix, scenario] of PREFIX_SCENARIOS) if (domain.startsWith(prefix)) return scenario;
  return { kind: "available" };
}
