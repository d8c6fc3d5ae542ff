/**
 * The registry's workflows, by kind, and their effects. A workflow's effect (a registration becoming active
 * and charged, a transfer landing, an update applying) is applied once, lazily, whenever state is read, so
 * no timers run in the background and a virtual clock drives everything.
 */
import type { Clock } from "./clock";
import type { Namespace } from "./catalogue";
import { addYears, Books, publicRegistration } from "./books";
import { Charge, Ledger, termCost, toMicros } from "./ledger";
import { stateAt, Workflow, WorkflowState } from "./workflow";

const STATUS_PATH = { registration: "registration-status", update: "update-status", transfer: "transfer-in-status" } as const;

export class WorkflowBook {
  /** Settled in this order, as the registry always has: registrations, updates, transfers. */
  private readonly byKind: Record<Workflow["kind"], Map<string, Workflow>> = { registration: new Map(), update: new Map(), transfer: new Map() };

  constructor(
    private readonly books: Books,
    private readonly ledger: Ledger,
    private readonly clock: Clock,
    private readonly namespace: Namespace,
  ) {}

  /** The latest workflow of its kind for its domain replaces any earlier one. */
  add(wf: Workflow): Workflow {
    this.byKind[wf.kind].set(key(wf.accountId, wf.domain), wf);
    return wf;
  }

  /** As stored: not settled, so its phases can be changed before anyone reads its state. */
  peek(kind: Workflow["kind"], accountId: string, domain: string): Workflow | undefined {
    return this.byKind[kind].get(key(accountId, domain));
  }

  /** As the API reports it: settled first. */
  find(kind: Workflow["kind"], accountId: string, domain: string): Workflow | undefined {
    const wf = this.peek(kind, accountId, domain);
    if (wf) this.settle(wf);
    return wf;
  }

  /** The workflow's current state on the registry's clock. */
  stateOf(wf: Workflow): { state: WorkflowState; since: number } {
    return stateAt(wf, this.clock.now());
  }

  /** Apply every finished workflow (and so record its charge). */
  settleAll(): void {
    for (const kind of ["registration", "update", "transfer"] as const) for (const wf of this.byKind[kind].values()) this.settle(wf);
  }

  settle(wf: Workflow): void {
    if (wf.applied) return;
    const { state, since } = this.stateOf(wf);
    wf.updatedAt = since;
    if (state !== "succeeded" && state !== "failed") return;
    wf.applied = true;
    const regs = this.books.account(wf.accountId);
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
    this.ledger.record({
      accountId: wf.accountId,
      domain: wf.domain,
      kind,
      years,
      amount,
      currency,
      namespace: this.namespace,
      at: new Date(at).toISOString(),
    });
  }

  /** The WorkflowStatus JSON the API returns. */
  json(wf: Workflow): Record<string, unknown> {
    this.settle(wf);
    const { state } = this.stateOf(wf);
    const base = `/accounts/${wf.accountId}/${this.namespace}/registrations/${wf.domain}`;
    const context: Record<string, unknown> = { domain_name: wf.domain };
    if (state === "action_required") {
      context.action = wf.action;
      context.confirmation_sent_to = wf.confirmationSentTo;
    }
    if (state === "succeeded" && wf.kind !== "update") {
      const reg = this.books.find(wf.accountId, wf.domain);
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

const key = (accountId: string, domain: string) => `${accountId}/${domain}`;
