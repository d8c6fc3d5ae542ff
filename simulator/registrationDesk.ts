/** Registering and editing: what Create Registration and Edit Registration accept, and the workflows they start. */
import { minYears } from "./catalogue";
import type { Clock } from "./clock";
import { SimError } from "./envelope";
import type { Books } from "./books";
import type { Offers } from "./offers";
import type { CreateRequest } from "./validate";
import type { WorkflowBook } from "./workflowBook";
import { registrationSchedule, Workflow } from "./workflow";

export interface DeskOptions {
  clock: Clock;
  registrationMs: number;
  updateMs: number;
  maxDomainsPerAccount: number;
  hasDefaultContact: boolean;
  /** How long a transfer in takes (mostly blocked). */
  transferMs: number;
}

/** Both purchases need a registrant: the one given, else the account's default address book entry. */
export function requireRegistrant(contacts: unknown, hasDefaultContact: boolean): void {
  const hasRegistrant = (contacts as { registrant?: unknown } | undefined)?.registrant !== undefined;
  if (!hasRegistrant && !hasDefaultContact) {
    throw new SimError(400, 10413, "No registrant contact given and the account has no default address book entry");
  }
}

export class RegistrationDesk {
  constructor(
    private readonly books: Books,
    private readonly offers: Offers,
    private readonly workflows: WorkflowBook,
    private readonly opts: DeskOptions,
  ) {}

  create(accountId: string, body: CreateRequest): Workflow {
    this.workflows.settleAll();
    const domain = body.domain_name;
    const existing = this.books.find(accountId, domain);
    if (existing) {
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
    const availability = this.offers.availability(domain);
    if (!availability.registrable) {
      const status = availability.reason === "domain_unavailable" ? 409 : 400;
      throw new SimError(status, status === 409 ? 10410 : 10411, `${domain} cannot be registered: ${availability.reason}`);
    }
    if (this.books.account(accountId).size >= this.opts.maxDomainsPerAccount) {
      throw new SimError(400, 10412, `The account already has the maximum of ${this.opts.maxDomainsPerAccount} domains`);
    }
    requireRegistrant(body.contacts, this.opts.hasDefaultContact);
    const now = this.opts.clock.now();
    const wf: Workflow = {
      kind: "registration",
      accountId,
      domain,
      createdAt: now,
      updatedAt: now,
      price: this.offers.priceOf(domain),
      applied: false,
      ...registrationSchedule(this.offers.scenario(domain), now, this.opts.registrationMs),
    };
    this.books.add(accountId, {
      domain_name: domain,
      status: "registration_pending",
      auto_renew: body.auto_renew ?? false,
      locked: true,
      privacy_mode: body.privacy_mode ?? "redaction",
      created_at: new Date(now).toISOString(),
      expires_at: null,
      years: body.years ?? minYears(body.extension),
      contacts: body.contacts,
      contact_extensions: body.contact_extensions,
      acknowledgements: body.acknowledgements,
    });
    return this.workflows.add(wf);
  }

  update(accountId: string, domain: string, change: { auto_renew?: boolean }): Workflow {
    this.workflows.settleAll();
    const reg = this.books.find(accountId, domain);
    if (!reg) throw new SimError(404, 10404, `No registration for ${domain} in this account`);
    if (reg.status === "registration_pending") {
      throw new SimError(409, 10414, `${domain} is still being registered; update it once registration-status succeeds`);
    }
    if (reg.status === "transfer_pending") {
      throw new SimError(409, 10415, `${domain} is mid-transfer (transfer_pending); it cannot be updated until the transfer completes`);
    }
    const now = this.opts.clock.now();
    const scenario = this.offers.scenario(domain);
    const d = scenario.kind === "slow_update" ? (scenario.durationMs ?? 2_000) : this.opts.updateMs;
    const wf = this.workflows.add({
      kind: "update",
      accountId,
      domain,
      createdAt: now,
      updatedAt: now,
      phases: d > 0 ? [{ state: "in_progress", until: now + d }] : [],
      outcome: { state: "succeeded" },
      change,
      applied: false,
    });
    this.workflows.settle(wf);
    return wf;
  }

  /** The user acted on an action_required workflow (clicked the email link). */
  resolveAction(accountId: string, domain: string): void {
    const wf = this.workflows.peek("registration", accountId, domain);
    if (!wf || !wf.phases.some((p) => p.state === "action_required")) {
      throw new SimError(404, 10404, `No action_required workflow for ${domain}`);
    }
    wf.resolvedAt = this.opts.clock.now();
  }
}
