/**
 * The simulated registrar's state, one instance per namespace (the production API and the sandbox keep
 * separate books): registrations per account and the workflows that produce them. Workflows advance with
 * the clock; their effects (a registration becoming active and charged, an update applying) are applied
 * lazily whenever state is read, so no timers run in the background.
 */
import { Catalogue, minYears, Namespace, PREMIUM_PRICE, splitName } from "./catalogue";
import type { Clock } from "./clock";
import { SimError } from "./envelope";
import { Charge, Ledger, termCost, toMicros } from "./ledger";
import { normalizeName } from "./names";
import { DomainConfig, Scenario, scenarioFor } from "./scenarios";
import { transferEligibility } from "./transferEligibility";
import type { CreateRequest } from "./validate";
import { registrationSchedule, stateAt, transferSchedule, Workflow, WorkflowState } from "./workflow";

export { SimError } from "./envelope";
export { normalizeName } from "./names";

/** Registration.status, as the API lists it. */
export type RegistrationStatus = "active" | "registration_pending" | "transfer_pending" | "expired" | "suspended" | "redemption_period" | "pending_delete";

export interface SimRegistration {
  domain_name: string;
  status: RegistrationStatus | string;
  auto_renew: boolean;
  locked: boolean;
  privacy_mode: string;
  created_at: string | null;
  expires_at: string | null;
  /** Order of creation, for sorting by registry_created_at. */
  seq: number;
  years: number;
  contacts?: unknown;
  contact_extensions?: Record<string, string>;
  acknowledgements?: Record<string, true>;
}

export interface Availability {
  name: string;
  registrable: boolean;
  pricing?: { currency: string; registration_cost: string; renewal_cost: string };
  reason?: string;
  tier?: string;
}

export interface RegistryOptions {
  namespace: Namespace;
  clock: Clock;
  ledger: Ledger;
  registrationMs: number;
  updateMs: number;
  maxDomainsPerAccount: number;
  hasDefaultContact: boolean;
  /** How long a transfer in takes (mostly blocked). */
  transferMs: number;
  domains: Map<string, DomainConfig>;
}

const addYears = (ms: number, years: number) => {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
};

export class Registry {
  private readonly registrations = new Map<string, Map<string, SimRegistration>>();
  private readonly registrationWorkflows = new Map<string, Workflow>();
  private readonly updateWorkflows = new Map<string, Workflow>();
  private readonly transferWorkflows = new Map<string, Workflow>();
  private seq = 0;
  readonly catalogue: Catalogue;

  constructor(private readonly opts: RegistryOptions) {
    this.catalogue = new Catalogue(opts.namespace);
  }

  get namespace(): Namespace {
    return this.opts.namespace;
  }

  private now(): number {
    return this.opts.clock.now();
  }

  private key(accountId: string, domain: string) {
    return `${accountId}/${domain}`;
  }

  private account(accountId: string): Map<string, SimRegistration> {
    let regs = this.registrations.get(accountId);
    if (!regs) this.registrations.set(accountId, (regs = new Map()));
    return regs;
  }

  domainConfig(domain: string): DomainConfig | undefined {
    return this.opts.domains.get(domain);
  }

  scenario(domain: string): Scenario {
    return scenarioFor(domain, this.opts.domains.get(domain));
  }

  /** Whether any account holds the domain (registered or in flight). */
  heldAnywhere(domain: string): boolean {
    this.settleAll();
    for (const regs of this.registrations.values()) if (regs.has(domain)) return true;
    return false;
  }

  /** What domain-check answers for a well-formed name. */
  availability(name: string): Availability {
    const { extension } = splitName(name);
    const refusal = this.catalogue.refusal(extension);
    if (refusal) return { name, registrable: false, reason: refusal };
    const scenario = this.scenario(name);
    if (scenario.kind === "extension_disallows_registration") {
      return { name, registrable: false, reason: "extension_disallows_registration" };
    }
    if (scenario.kind === "unavailable" || this.heldAnywhere(name)) {
      return { name, registrable: false, reason: "domain_unavailable" };
    }
    if (scenario.kind === "premium") return { name, registrable: false, reason: "domain_premium", tier: "premium" };
    const { registration, renewal, currency } = this.priceOf(name);
    return { name, registrable: true, tier: "standard", pricing: { currency, registration_cost: registration, renewal_cost: renewal } };
  }

  /** The per-year prices of a name on a sold extension: its configured override, else its extension's. */
  priceOf(name: string): { registration: string; renewal: string; transfer: string; currency: string } {
    const entry = this.catalogue.entry(splitName(name).extension)!;
    const override = this.opts.domains.get(name)?.price;
    const registration = override?.registration ?? entry.registration;
    const renewal = override?.renewal ?? override?.registration ?? entry.renewal ?? entry.registration;
    return { registration, renewal, transfer: entry.transfer ?? renewal, currency: override?.currency ?? entry.currency ?? "USD" };
  }

  /** Start a transfer in: the domain is held as transfer_pending until the workflow succeeds. */
  startTransfer(
    accountId: string,
    req: {
      domain_name: string;
      auth_code?: string;
      auto_renew?: boolean;
      privacy_mode?: string;
      contacts?: unknown;
      contact_extensions?: Record<string, string>;
    },
  ): Workflow {
    const domain = req.domain_name;
    const regs = this.account(accountId);
    if (regs.has(domain))
      throw new SimError(409, 10409, `${domain} is already in this account (status ${regs.get(domain)!.status}); there is nothing to transfer`);
    const eligibility = transferEligibility(this, domain, req.auth_code);
    if (!eligibility.transferable) {
      const codes = eligibility.reasons!.map((r) => r.code).join(", ");
      throw new SimError(400, 10420, `${domain} cannot be transferred in: ${codes}; see domain-transfer-check`);
    }
    const hasRegistrant = (req.contacts as { registrant?: unknown } | undefined)?.registrant !== undefined;
    if (!hasRegistrant && !this.opts.hasDefaultContact) {
      throw new SimError(400, 10413, "No registrant contact given and the account has no default address book entry");
    }
    const now = this.now();
    const wf: Workflow = {
      kind: "transfer",
      accountId,
      domain,
      createdAt: now,
      updatedAt: now,
      price: this.priceOf(domain),
      applied: false,
      ...transferSchedule(now, this.opts.transferMs),
    };
    regs.set(domain, {
      domain_name: domain,
      status: "transfer_pending",
      auto_renew: req.auto_renew ?? false,
      locked: true,
      privacy_mode: req.privacy_mode ?? "redaction",
      created_at: new Date(now).toISOString(),
      expires_at: null,
      seq: ++this.seq,
      years: 1,
      contacts: req.contacts,
      contact_extensions: req.contact_extensions,
    });
    this.transferWorkflows.set(this.key(accountId, domain), wf);
    return wf;
  }

  transferWorkflow(accountId: string, domain: string): Workflow | undefined {
    const wf = this.transferWorkflows.get(this.key(accountId, domain));
    if (wf) this.settle(wf);
    return wf;
  }

  /** Premium prices show in search results (they are advisory there). */
  searchEntry(name: string): Availability {
    const a = this.availability(name);
    if (a.reason === "domain_premium") {
      return { ...a, pricing: { currency: "USD", registration_cost: PREMIUM_PRICE, renewal_cost: PREMIUM_PRICE } };
    }
    return a;
  }

  seed(accountId: string, reg: Partial<SimRegistration> & { domain_name: string }): SimRegistration {
    const domain = normalizeName(reg.domain_name);
    if (!domain) throw new SimError(400, 10003, `Invalid domain_name '${reg.domain_name}'`);
    const now = this.now();
    const inFlight = reg.status === "transfer_pending" || reg.status === "registration_pending";
    const full: SimRegistration = {
      status: "active",
      auto_renew: false,
      locked: true,
      privacy_mode: "redaction",
      created_at: new Date(now).toISOString(),
      // The API may return null for a domain still being registered or transferred.
      expires_at: inFlight ? null : addYears(now, 1),
      years: 1,
      ...reg,
      domain_name: domain,
      seq: ++this.seq,
    };
    this.account(accountId).set(domain, full);
    return full;
  }

  createRegistration(accountId: string, body: CreateRequest): Workflow {
    this.settleAll();
    const domain = body.domain_name;
    const regs = this.account(accountId);
    if (regs.has(domain)) {
      const existing = regs.get(domain)!;
      throw new SimError(
        409,
        10409,
        existing.status === "registration_pending"
          ? `A registration for ${domain} is already in progress; poll its registration-status`
          : existing.status === "transfer_pending"
            ? `${domain} is being transferred into this account (transfer_pending); it cannot also be registered`
            : `${domain} is already registered to this account`,
      );
    }
    const availability = this.availability(domain);
    if (!availability.registrable) {
      const status = availability.reason === "domain_unavailable" ? 409 : 400;
      throw new SimError(status, status === 409 ? 10410 : 10411, `${domain} cannot be registered: ${availability.reason}`);
    }
    if (regs.size >= this.opts.maxDomainsPerAccount) {
      throw new SimError(400, 10412, `The account already has the maximum of ${this.opts.maxDomainsPerAccount} domains`);
    }
    const hasRegistrant = (body.contacts as { registrant?: unknown } | undefined)?.registrant !== undefined;
    if (!hasRegistrant && !this.opts.hasDefaultContact) {
      throw new SimError(400, 10413, "No registrant contact given and the account has no default address book entry");
    }
    const now = this.now();
    const scenario = this.scenario(domain);
    const price = this.priceOf(domain);
    const wf: Workflow = {
      kind: "registration",
      accountId,
      domain,
      createdAt: now,
      updatedAt: now,
      price,
      applied: false,
      ...registrationSchedule(scenario, now, this.opts.registrationMs),
    };
    regs.set(domain, {
      domain_name: domain,
      status: "registration_pending",
      auto_renew: body.auto_renew ?? false,
      locked: true,
      privacy_mode: body.privacy_mode ?? "redaction",
      created_at: new Date(now).toISOString(),
      expires_at: null,
      seq: ++this.seq,
      years: body.years ?? minYears(body.extension),
      contacts: body.contacts,
      contact_extensions: body.contact_extensions,
      acknowledgements: body.acknowledgements,
    });
    this.registrationWorkflows.set(this.key(accountId, domain), wf);
    return wf;
  }

  updateRegistration(accountId: string, domain: string, change: { auto_renew?: boolean }): Workflow {
    const reg = this.get(accountId, domain);
    if (!reg) throw new SimError(404, 10404, `No registration for ${domain} in this account`);
    if (reg.status === "registration_pending") {
      throw new SimError(409, 10414, `${domain} is still being registered; update it once registration-status succeeds`);
    }
    if (reg.status === "transfer_pending") {
      throw new SimError(409, 10415, `${domain} is mid-transfer (transfer_pending); it cannot be updated until the transfer completes`);
    }
    const now = this.now();
    const scenario = this.scenario(domain);
    const d = scenario.kind === "slow_update" ? (scenario.durationMs ?? 2_000) : this.opts.updateMs;
    const wf: Workflow = {
      kind: "update",
      accountId,
      domain,
      createdAt: now,
      updatedAt: now,
      phases: d > 0 ? [{ state: "in_progress", until: now + d }] : [],
      outcome: { state: "succeeded" },
      change,
      applied: false,
    };
    this.updateWorkflows.set(this.key(accountId, domain), wf);
    this.settle(wf);
    return wf;
  }

  /** The user acted on an action_required workflow (clicked the email link). */
  resolveAction(accountId: string, domain: string): void {
    const wf = this.registrationWorkflows.get(this.key(accountId, domain));
    if (!wf || !wf.phases.some((p) => p.state === "action_required")) {
      throw new SimError(404, 10404, `No action_required workflow for ${domain}`);
    }
    wf.resolvedAt = this.now();
  }

  /** An out-of-band change, as if made in the dashboard or by the registry. */
  patchOutOfBand(accountId: string, domain: string, change: Partial<SimRegistration>): SimRegistration {
    const reg = this.get(accountId, domain);
    if (!reg) throw new SimError(404, 10404, `No registration for ${domain} in this account`);
    Object.assign(reg, change, { domain_name: reg.domain_name, seq: reg.seq });
    return reg;
  }

  /** A registration that lapsed and was deleted by the registry: the name is free for anyone again. */
  release(accountId: string, domain: string): boolean {
    return this.registrations.get(accountId)?.delete(domain) ?? false;
  }

  get(accountId: string, domain: string): SimRegistration | undefined {
    this.settleAll();
    return this.registrations.get(accountId)?.get(domain);
  }

  list(accountId: string): SimRegistration[] {
    this.settleAll();
    return [...this.account(accountId).values()];
  }

  registrationWorkflow(accountId: string, domain: string): Workflow | undefined {
    const wf = this.registrationWorkflows.get(this.key(accountId, domain));
    if (wf) this.settle(wf);
    return wf;
  }

  updateWorkflow(accountId: string, domain: string): Workflow | undefined {
    const wf = this.updateWorkflows.get(this.key(accountId, domain));
    if (wf) this.settle(wf);
    return wf;
  }

  /** The workflow's current state on the registry's clock. */
  stateOf(wf: Workflow): { state: WorkflowState; since: number } {
    return stateAt(wf, this.now());
  }

  /** Apply every finished workflow (and so record its charge). */
  settleAll(): void {
    for (const wf of this.registrationWorkflows.values()) this.settle(wf);
    for (const wf of this.updateWorkflows.values()) this.settle(wf);
    for (const wf of this.transferWorkflows.values()) this.settle(wf);
  }

  private settle(wf: Workflow): void {
    if (wf.applied) return;
    const { state, since } = this.stateOf(wf);
    wf.updatedAt = since;
    if (state !== "succeeded" && state !== "failed") return;
    wf.applied = true;
    const regs = this.account(wf.accountId);
    const reg = regs.get(wf.domain);
    if (wf.kind === "registration") {
      if (!reg) return;
      if (state === "failed") {
        regs.delete(wf.domain);
      } else {
        reg.status = "active";
        reg.created_at = new Date(since).toISOString();
        reg.expires_at = addYears(since, reg.years);
        if (wf.price) this.charge(wf, "registration", reg.years, termCost(wf.price.registration, wf.price.renewal, reg.years), since);
      }
    } else if (wf.kind === "transfer") {
      if (!reg) return;
      if (state === "failed") return void regs.delete(wf.domain);
      reg.status = "active";
      // The transfer adds a year to the registration (the simulator does not know the old expiry).
      reg.expires_at = addYears(since, 1);
      // Nominet's zero-priced transfers are not billed at all.
      if (wf.price?.transfer && toMicros(wf.price.transfer) > 0n) this.charge(wf, "transfer", 1, wf.price.transfer, since);
    } else if (reg && state === "succeeded" && wf.change?.auto_renew !== undefined) {
      reg.auto_renew = wf.change.auto_renew;
    }
  }

  private charge(wf: Workflow, kind: Charge["kind"], years: number, amount: string, at: number): void {
    const currency = wf.price!.currency;
    this.opts.ledger.record({
      accountId: wf.accountId,
      domain: wf.domain,
      kind,
      years,
      amount,
      currency,
      namespace: this.opts.namespace,
      at: new Date(at).toISOString(),
    });
  }

  /** The WorkflowStatus JSON the API returns. */
  workflowJson(wf: Workflow): Record<string, unknown> {
    this.settle(wf);
    const { state } = this.stateOf(wf);
    const base = `/accounts/${wf.accountId}/${this.opts.namespace}/registrations/${wf.domain}`;
    const context: Record<string, unknown> = { domain_name: wf.domain };
    if (state === "action_required") {
      context.action = wf.action;
      context.confirmation_sent_to = wf.confirmationSentTo;
    }
    if (state === "succeeded" && wf.kind !== "update") {
      const reg = this.registrations.get(wf.accountId)?.get(wf.domain);
      if (reg) context.registration = publicRegistration(reg);
    }
    return {
      completed: state === "succeeded" || state === "failed",
      created_at: new Date(wf.createdAt).toISOString(),
      updated_at: new Date(wf.updatedAt).toISOString(),
      links: { self: `${base}/${STATUS_PATH[wf.kind]}`, resource: base },
      state,
      context,
      ...(wf.outcome.state === "failed" && state === "failed" ? { error: { code: wf.outcome.code, message: wf.outcome.message } } : {}),
    };
  }
}

const STATUS_PATH = { registration: "registration-status", update: "update-status", transfer: "transfer-in-status" } as const;

export function publicRegistration(reg: SimRegistration): Record<string, unknown> {
  return {
    domain_name: reg.domain_name,
    status: reg.status,
    auto_renew: reg.auto_renew,
    locked: reg.locked,
    privacy_mode: reg.privacy_mode,
    created_at: reg.created_at,
    expires_at: reg.expires_at,
  };
}
