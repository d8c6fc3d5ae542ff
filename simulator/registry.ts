/**
 * The simulated registrar's state, one instance per namespace (the production API and the sandbox keep
 * separate books). It composes the parts: the accounts' books (books.ts), what a name is offered at
 * (offers.ts), the workflows and their effects (workflowBook.ts), and the two desks that start purchases
 * (registrationDesk.ts, transferDesk.ts). Every read as the API answers it applies finished workflows first,
 * so no timers run in the background.
 */
import { Catalogue, Namespace } from "./catalogue";
import { Books, SimRegistration } from "./books";
import type { Ledger } from "./ledger";
import { Availability, Offers } from "./offers";
import { DeskOptions, RegistrationDesk } from "./registrationDesk";
import { DomainConfig, Scenario } from "./scenarios";
import { TransferDesk, TransferRequest } from "./transferDesk";
import type { CreateRequest } from "./validate";
import type { Workflow, WorkflowState } from "./workflow";
import { WorkflowBook } from "./workflowBook";

export { SimError } from "./envelope";
export { normalizeName } from "./names";
export { publicRegistration } from "./books";
export type { RegistrationStatus, SimRegistration } from "./books";
export type { Availability } from "./offers";

export interface RegistryOptions extends DeskOptions {
  namespace: Namespace;
  ledger: Ledger;
  domains: Map<string, DomainConfig>;
}

export class Registry {
  readonly catalogue: Catalogue;
  private readonly books = new Books();
  private readonly offers: Offers;
  private readonly workflows: WorkflowBook;
  private readonly registrations: RegistrationDesk;
  private readonly transfers: TransferDesk;

  constructor(private readonly opts: RegistryOptions) {
    this.catalogue = new Catalogue(opts.namespace);
    this.workflows = new WorkflowBook(this.books, opts.ledger, opts.clock, opts.namespace);
    this.offers = new Offers(this.catalogue, opts.domains, (domain) => this.heldAnywhere(domain));
    this.registrations = new RegistrationDesk(this.books, this.offers, this.workflows, opts);
    this.transfers = new TransferDesk(this.books, this.offers, this.workflows, opts);
  }

  get namespace(): Namespace {
    return this.opts.namespace;
  }

  // ---- what a name is offered at -----------------------------------------------------------------

  domainConfig(domain: string): DomainConfig | undefined {
    return this.offers.domainConfig(domain);
  }

  scenario(domain: string): Scenario {
    return this.offers.scenario(domain);
  }

  /** Whether any account holds the domain (registered or in flight). */
  heldAnywhere(domain: string): boolean {
    this.settleAll();
    return this.books.heldAnywhere(domain);
  }

  /** What domain-check answers for a well-formed name. */
  availability(name: string): Availability {
    return this.offers.availability(name);
  }

  /** The per-year prices of a name on a sold extension: its configured override, else its extension's. */
  priceOf(name: string): { registration: string; renewal: string; transfer: string; currency: string } {
    return this.offers.priceOf(name);
  }

  /** Premium prices show in search results (they are advisory there). */
  searchEntry(name: string): Availability {
    return this.offers.searchEntry(name);
  }

  // ---- the accounts' registrations ---------------------------------------------------------------

  seed(accountId: string, reg: Partial<SimRegistration> & { domain_name: string }): SimRegistration {
    return this.books.seed(accountId, reg, this.opts.clock.now());
  }

  /** An out-of-band change, as if made in the dashboard or by the registry. */
  patchOutOfBand(accountId: string, domain: string, change: Partial<SimRegistration>): SimRegistration {
    this.settleAll();
    return this.books.patchOutOfBand(accountId, domain, change);
  }

  /** A registration that lapsed and was deleted by the registry: the name is free for anyone again. */
  release(accountId: string, domain: string): boolean {
    return this.books.release(accountId, domain);
  }

  get(accountId: string, domain: string): SimRegistration | undefined {
    this.settleAll();
    return this.books.find(accountId, domain);
  }

  list(accountId: string): SimRegistration[] {
    this.settleAll();
    return [...this.books.account(accountId).values()];
  }

  // ---- purchases and edits -----------------------------------------------------------------------

  createRegistration(accountId: string, body: CreateRequest): Workflow {
    return this.registrations.create(accountId, body);
  }

  updateRegistration(accountId: string, domain: string, change: { auto_renew?: boolean }): Workflow {
    return this.registrations.update(accountId, domain, change);
  }

  /** The user acted on an action_required workflow (clicked the email link). */
  resolveAction(accountId: string, domain: string): void {
    this.registrations.resolveAction(accountId, domain);
  }

  /** Start a transfer in: the domain is held as transfer_pending until the workflow succeeds. */
  startTransfer(accountId: string, req: TransferRequest): Workflow {
    return this.transfers.start(accountId, req);
  }

  // ---- workflows ---------------------------------------------------------------------------------

  registrationWorkflow(accountId: string, domain: string): Workflow | undefined {
    return this.workflows.find("registration", accountId, domain);
  }

  updateWorkflow(accountId: string, domain: string): Workflow | undefined {
    return this.workflows.find("update", accountId, domain);
  }

  transferWorkflow(accountId: string, domain: string): Workflow | undefined {
    return this.workflows.find("transfer", accountId, domain);
  }

  /** The workflow's current state on the registry's clock. */
  stateOf(wf: Workflow): { state: WorkflowState; since: number } {
    return this.workflows.stateOf(wf);
  }

  /** Apply every finished workflow (and so record its charge). */
  settleAll(): void {
    this.workflows.settleAll();
  }

  /** The WorkflowStatus JSON the API returns. */
  workflowJson(wf: Workflow): Record<string, unknown> {
    return this.workflows.json(wf);
  }
}
