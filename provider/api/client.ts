/**
 * The Cloudflare Registrar API client: one method per endpoint, each with its request shape and its
 * response validated. The endpoints live by area in endpoints/ (domains, registrations, transfers,
 * extensions, workflows), all on one transport, so one rate budget and one connection pool serve them; this
 * class composes them behind the methods the SDK, the lifecycle and programs call. HTTP, the envelope and
 * retries are the transport's (transport.ts). It knows the API and nothing of Pulumi.
 */
import type * as schema from "./schemas";
import { ClientOptions, resolveAccountId, resolveSandbox } from "./clientOptions";
import { Transport } from "./transport";
import type { WorkflowAnswer } from "./endpoints/area";
import { DomainsApi, SearchParams } from "./endpoints/domains";
import { ExtensionAnswer, ExtensionsApi } from "./endpoints/extensions";
import { CreateRegistrationBody, ListParams, RegistrationsApi } from "./endpoints/registrations";
import { TransferCheckItem, TransferInBody, TransfersApi } from "./endpoints/transfers";
import { WorkflowsApi } from "./endpoints/workflows";

export type { WorkflowAnswer } from "./endpoints/area";
export { CHECK_BATCH_SIZE, SearchParams } from "./endpoints/domains";
export type { ExtensionAnswer } from "./endpoints/extensions";
export type { CreateRegistrationBody, ListParams, RegistrantContact } from "./endpoints/registrations";
export { TRANSFER_CHECK_BATCH_SIZE, TransferCheckItem, TransferInBody } from "./endpoints/transfers";

export class RegistrarClient {
  readonly accountIdOption?: string;
  private readonly transport: Transport;
  private readonly env: Record<string, string | undefined>;
  /** The Registrar Sandbox: the same API under /registrar-sandbox, with no billing. */
  readonly sandbox: boolean;
  private readonly domains: DomainsApi;
  private readonly registrations: RegistrationsApi;
  private readonly transfers: TransfersApi;
  private readonly extensions: ExtensionsApi;
  private readonly workflows: WorkflowsApi;

  constructor(options: ClientOptions = {}) {
    this.env = options.env ?? process.env;
    this.transport = new Transport(options, this.env);
    this.accountIdOption = options.accountId;
    this.sandbox = resolveSandbox(options.sandbox, this.env);
    const scope = { accountId: (explicit?: string) => this.accountId(explicit), sandbox: this.sandbox };
    this.domains = new DomainsApi(this.transport, scope);
    this.registrations = new RegistrationsApi(this.transport, scope);
    this.transfers = new TransfersApi(this.transport, scope);
    this.extensions = new ExtensionsApi(this.transport, scope);
    this.workflows = new WorkflowsApi(this.transport, scope);
  }

  /** The API base this client talks to, e.g. https://api.cloudflare.com/client/v4. */
  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** The account id in use: the option, else CLOUDFLARE_ACCOUNT_ID. */
  accountId(explicit?: string): string {
    return resolveAccountId(explicit ?? this.accountIdOption, this.env);
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  // ---- domains ---------------------------------------------------------------------------------

  /** Domain search: suggestions, non-authoritative. */
  search(params: SearchParams, accountId?: string): Promise<schema.DomainAvailability[]> {
    return this.domains.search(params, accountId);
  }

  /** Domain check: authoritative availability and pricing. Lists longer than 20 go in batches. */
  check(domains: readonly string[], accountId?: string): Promise<schema.DomainAvailability[]> {
    return this.domains.check(domains, accountId);
  }

  /**
   * Get Extension: the extension's registration and transfer schemas. With `ifNoneMatch` (an ETag from an
   * earlier answer) an unchanged extension answers 304 and costs no body.
   */
  getExtension(extension: string, options: { ifNoneMatch?: string; accountId?: string } = {}): Promise<ExtensionAnswer> {
    return this.extensions.getExtension(extension, options);
  }

  // ---- registrations ---------------------------------------------------------------------------

  /**
   * Create Registration: billable. Never retried after it may have reached the server; when its fate
   * is unknown this throws {@link OutcomeUnknownError}.
   */
  createRegistration(body: CreateRegistrationBody, options: { respondAsync?: boolean; accountId?: string } = {}): Promise<WorkflowAnswer> {
    return this.registrations.createRegistration(body, options);
  }

  /** One page of List Registrations. An empty cursor means there are no more pages. */
  listRegistrationsPage(params: ListParams & { cursor?: string } = {}, accountId?: string): Promise<{ registrations: schema.Registration[]; cursor: string }> {
    return this.registrations.listRegistrationsPage(params, accountId);
  }

  /**
   * Every registration of the account, following the cursor page by page. An empty page, or a cursor
   * seen before, ends the listing: a misbehaving cursor must not loop forever.
   */
  listRegistrations(params: ListParams = {}, accountId?: string): AsyncGenerator<schema.Registration> {
    return this.registrations.listRegistrations(params, accountId);
  }

  getRegistration(domain: string, accountId?: string): Promise<schema.Registration> {
    return this.registrations.getRegistration(domain, accountId);
  }

  /** Get Registration, with 404 as `undefined`: the account does not own the domain. */
  findRegistration(domain: string, accountId?: string): Promise<schema.Registration | undefined> {
    return this.registrations.findRegistration(domain, accountId);
  }

  /** Edit Registration: only `auto_renew` can change. */
  updateRegistration(domain: string, changes: { auto_renew: boolean }, options: { respondAsync?: boolean; accountId?: string } = {}): Promise<WorkflowAnswer> {
    return this.registrations.updateRegistration(domain, changes, options);
  }

  // ---- transfers -------------------------------------------------------------------------------

  /**
   * Domain transfer check: whether each domain can move here, and its transfer price. Read-only, so
   * safe to repeat. Lists longer than 10 go in batches; the answers are merged into one map by domain.
   */
  transferCheck(domains: readonly TransferCheckItem[], accountId?: string): Promise<Record<string, schema.TransferEligibility>> {
    return this.transfers.transferCheck(domains, accountId);
  }

  /**
   * Transfer in: billable on success, like Create Registration. Never retried after it may have reached
   * the server; when its fate is unknown this throws {@link OutcomeUnknownError}.
   */
  transferIn(domain: string, body: TransferInBody, options: { accountId?: string } = {}): Promise<WorkflowAnswer> {
    return this.transfers.transferIn(domain, body, options);
  }

  // ---- workflows -------------------------------------------------------------------------------

  registrationStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    return this.workflows.registrationStatus(domain, accountId);
  }

  updateStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    return this.workflows.updateStatus(domain, accountId);
  }

  transferInStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    return this.workflows.transferInStatus(domain, accountId);
  }

  /** Follow a workflow's `links.self`: a path relative to the API base, or an absolute URL on its origin. */
  followWorkflow(link: string): Promise<schema.WorkflowStatus> {
    return this.workflows.followWorkflow(link);
  }
}
