/** Transferring in: what transfer-in accepts, and the domain held as transfer_pending until it lands. */
import type { Books } from "./books";
import { SimError } from "./envelope";
import type { Offers } from "./offers";
import { DeskOptions, requireRegistrant } from "./registrationDesk";
import { transferEligibility } from "./transferEligibility";
import type { WorkflowBook } from "./workflowBook";
import { transferSchedule, Workflow } from "./workflow";

export interface TransferRequest {
  domain_name: string;
  auth_code?: string;
  auto_renew?: boolean;
  privacy_mode?: string;
  contacts?: unknown;
  contact_extensions?: Record<string, string>;
}

export class TransferDesk {
  constructor(
    private readonly books: Books,
    private readonly offers: Offers,
    private readonly workflows: WorkflowBook,
    private readonly opts: DeskOptions,
  ) {}

  start(accountId: string, req: TransferRequest): Workflow {
    const domain = req.domain_name;
    const existing = this.books.find(accountId, domain);
    if (existing) throw new SimError(409, 10409, `${domain} is already in this account (status ${existing.status}); there is nothing to transfer`);
    const eligibility = transferEligibility(this.offers, domain, req.auth_code);
    if (!eligibility.transferable) {
      const codes = eligibility.reasons!.map((r) => r.code).join(", ");
      throw new SimError(400, 10420, `${domain} cannot be transferred in: ${codes}; see domain-transfer-check`);
    }
    requireRegistrant(req.contacts, this.opts.hasDefaultContact);
    const now = this.opts.clock.now();
    const wf: Workflow = {
      kind: "transfer",
      accountId,
      domain,
      createdAt: now,
      updatedAt: now,
      price: this.offers.priceOf(domain),
      applied: false,
      ...transferSchedule(now, this.opts.transferMs),
    };
    this.books.add(accountId, {
      domain_name: domain,
      status: "transfer_pending",
      auto_renew: req.auto_renew ?? false,
      locked: true,
      privacy_mode: req.privacy_mode ?? "redaction",
      created_at: new Date(now).toISOString(),
      expires_at: null,
      years: 1,
      contacts: req.contacts,
      contact_extensions: req.contact_extensions,
    });
    return this.workflows.add(wf);
  }
}
