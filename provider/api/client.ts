/**
 * The Cloudflare Registrar API client: one method per endpoint, each with its request shape and its
 * response validated. HTTP, the envelope and retries are the transport's (transport.ts). It knows the
 * API and nothing of Pulumi.
 */
import * as schema from "./schemas";
import { ApiError } from "./errors";
import { ClientOptions, resolveAccountId, resolveSandbox } from "./clientOptions";
import { Answer, Request, Transport } from "./transport";

export const CHECK_BATCH_SIZE = 20;
/** domain-transfer-check takes at most 10 domains per request. */
export const TRANSFER_CHECK_BATCH_SIZE = 10;

export interface RegistrantContact {
  email: string;
  phone: string;
  fax?: string;
  postal_info: {
    name: string;
    organization?: string;
    address: { street: string; city: string; state: string; postal_code: string; country_code: string };
  };
}

export interface CreateRegistrationBody {
  domain_name: string;
  auto_renew?: boolean;
  years?: number;
  privacy_mode?: "redaction" | "off";
  contacts?: { registrant?: RegistrantContact; administrator?: RegistrantContact; billing?: RegistrantContact; technical?: RegistrantContact };
  contact_extensions?: Record<string, unknown>;
  acknowledgements?: Record<string, unknown>;
}

/** The transfer-in body; the domain is in the path. `auth_code` is already base64 (RFC 4648 §4). */
export interface TransferInBody {
  auth_code?: string;
  auto_renew?: boolean;
  privacy_mode?: "redaction" | "off";
  contacts?: CreateRegistrationBody["contacts"];
  contact_extensions?: Record<string, unknown>;
}

/** One domain for domain-transfer-check; `auth_code` base64 as for transfer-in. */
export interface TransferCheckItem {
  domain_name: string;
  auth_code?: string;
}

/** Get Extension's answer: the extension's rules, or "unchanged" for a matching If-None-Match. */
export type ExtensionAnswer = { notModified: true } | { notModified: false; etag?: string; extension: schema.Extension };

/** A write's answer: 201/200 with a finished workflow, or 202 with one to poll. */
export interface WorkflowAnswer {
  httpStatus: number;
  workflow: schema.WorkflowStatus;
}

export interface SearchParams {
  query: string;
  extensions?: string[];
  limit?: number;
}

export interface ListParams {
  perPage?: number;
  sortBy?: "registry_created_at" | "registry_expires_at" | "name";
  direction?: "asc" | "desc";
}

export class RegistrarClient {
  readonly accountIdOption?: string;
  private readonly transport: Transport;
  private readonly env: Record<string, string | undefined>;
  /** The Registrar Sandbox: the same API under /registrar-sandbox, with no billing. */
  readonly sandbox: boolean;

  constructor(options: ClientOptions = {}) {
    this.env = options.env ?? process.env;
    this.transport = new Transport(options, this.env);
    this.accountIdOption = options.accountId;
    this.sandbox = resolveSandbox(options.sandbox, this.env);
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

  private send(req: Request): Promise<Answer> {
    return this.transport.send(req);
  }

  private registrar(accountId: string | undefined, rest: string): string {
    return `/accounts/${encodeURIComponent(this.accountId(accountId))}/${this.sandbox ? "registrar-sandbox" : "registrar"}${rest}`;
  }

  private registrationPath(domain: string, accountId?: string, suffix = ""): string {
    return this.registrar(accountId, `/registrations/${encodeURIComponent(domain)}${suffix}`);
  }

  // ---- endpoints -------------------------------------------------------------------------------

  /** Domain search: suggestions, non-authoritative. */
  async search(params: SearchParams, accountId?: string): Promise<schema.DomainAvailability[]> {
    const answer = await this.send({
      endpoint: "domain-search",
      method: "GET",
      path: this.registrar(accountId, "/domain-search"),
      query: {
        q: params.query,
        extensions: params.extensions?.length ? params.extensions : undefined,
        limit: params.limit === undefined ? undefined : String(params.limit),
      },
      idempotent: true,
    });
    return schema.parseResponse(schema.domainList, answer.body.result, "domain-search").domains;
  }

  /** Domain check: authoritative availability and pricing. Lists longer than 20 go in batches. */
  async check(domains: readonly string[], accountId?: string): Promise<schema.DomainAvailability[]> {
    const results: schema.DomainAvailability[] = [];
    for (let i = 0; i < domains.length; i += CHECK_BATCH_SIZE) {
      const batch = domains.slice(i, i + CHECK_BATCH_SIZE);
      const answer = await this.send({
        endpoint: "domain-check",
        method: "POST",
        path: this.registrar(accountId, "/domain-check"),
        body: { domains: batch },
        // The reference calls domain-check read-only: it reserves nothing, so repeating it is safe.
        idempotent: true,
        domain: batch.length === 1 ? batch[0] : undefined,
      });
      results.push(...schema.parseResponse(schema.domainList, answer.body.result, "domain-check").domains);
    }
    return results;
  }

  /**
   * Create Registration: billable. Never retried after it may have reached the server; when its fate
   * is unknown this throws {@link OutcomeUnknownError}.
   */
  async createRegistration(body: CreateRegistrationBody, options: { respondAsync?: boolean; accountId?: string } = {}): Promise<WorkflowAnswer> {
    const answer = await this.send({
      endpoint: "create registration",
      method: "POST",
      path: this.registrar(options.accountId, "/registrations"),
      body,
      headers: options.respondAsync ? { prefer: "respond-async" } : undefined,
      idempotent: false,
      domain: body.domain_name,
    });
    return { httpStatus: answer.status, workflow: this.parseWorkflow(answer, "create registration") };
  }

  /**
   * Domain transfer check: whether each domain can move here, and its transfer price. Read-only, so
   * safe to repeat. Lists longer than 10 go in batches; the answers are merged into one map by domain.
   */
  async transferCheck(domains: readonly TransferCheckItem[], accountId?: string): Promise<Record<string, schema.TransferEligibility>> {
    const results: Record<string, schema.TransferEligibility> = {};
    for (let i = 0; i < domains.length; i += TRANSFER_CHECK_BATCH_SIZE) {
      const batch = domains.slice(i, i + TRANSFER_CHECK_BATCH_SIZE);
      const answer = await this.send({
        endpoint: "domain-transfer-check",
        method: "POST",
        path: this.registrar(accountId, "/domain-transfer-check"),
        body: { domains: batch },
        idempotent: true,
        domain: batch.length === 1 ? batch[0]!.domain_name : undefined,
      });
      Object.assign(results, schema.parseResponse(schema.transferCheckResult, answer.body.result, "domain-transfer-check").domains);
    }
    return results;
  }

  /**
   * Transfer in: billable on success, like Create Registration. Never retried after it may have reached
   * the server; when its fate is unknown this throws {@link OutcomeUnknownError}.
   */
  async transferIn(domain: string, body: TransferInBody, options: { accountId?: string } = {}): Promise<WorkflowAnswer> {
    const answer = await this.send({
      endpoint: "transfer-in",
      method: "POST",
      path: this.registrationPath(domain, options.accountId, "/transfer-in"),
      body,
      idempotent: false,
      domain,
    });
    return { httpStatus: answer.status, workflow: this.parseWorkflow(answer, "transfer-in") };
  }

  async transferInStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    const answer = await this.send({
      endpoint: "transfer-in-status",
      method: "GET",
      path: this.registrationPath(domain, accountId, "/transfer-in-status"),
      idempotent: true,
      domain,
    });
    return this.parseWorkflow(answer, "transfer-in-status");
  }

  /**
   * Get Extension: the extension's registration and transfer schemas. With `ifNoneMatch` (an ETag from an
   * earlier answer) an unchanged extension answers 304 and costs no body.
   */
  async getExtension(extension: string, options: { ifNoneMatch?: string; accountId?: string } = {}): Promise<ExtensionAnswer> {
    const answer = await this.send({
      endpoint: "get extension",
      method: "GET",
      path: this.registrar(options.accountId, `/extensions/${encodeURIComponent(extension)}`),
      headers: options.ifNoneMatch ? { "if-none-match": options.ifNoneMatch } : undefined,
      idempotent: true,
    });
    if (answer.status === 304) return { notModified: true };
    return { notModified: false, etag: answer.etag, extension: schema.parseResponse(schema.extension, answer.body.result, "get extension") };
  }

  /** One page of List Registrations. An empty cursor means there are no more pages. */
  async listRegistrationsPage(
    params: ListParams & { cursor?: string } = {},
    accountId?: string,
  ): Promise<{ registrations: schema.Registration[]; cursor: string }> {
    const answer = await this.send({
      endpoint: "list registrations",
      method: "GET",
      path: this.registrar(accountId, "/registrations"),
      query: {
        cursor: params.cursor || undefined,
        per_page: params.perPage === undefined ? undefined : String(params.perPage),
        sort_by: params.sortBy,
        direction: params.direction,
      },
      idempotent: true,
    });
    const registrations = schema.parseResponse(schema.registrationList, answer.body.result, "list registrations");
    const info = schema.parseResponse(schema.cursorInfo, answer.body.result_info ?? {}, "list registrations", "result_info");
    return { registrations, cursor: info.cursor };
  }

  /**
   * Every registration of the account, following the cursor page by page. An empty page, or a cursor
   * seen before, ends the listing: a misbehaving cursor must not loop forever.
   */
  async *listRegistrations(params: ListParams = {}, accountId?: string): AsyncGenerator<schema.Registration> {
    const seen = new Set<string>();
    let cursor = "";
    do {
      seen.add(cursor);
      const page = await this.listRegistrationsPage({ ...params, cursor }, accountId);
      yield* page.registrations;
      if (page.registrations.length === 0 || seen.has(page.cursor)) return;
      cursor = page.cursor;
    } while (cursor);
  }

  async getRegistration(domain: string, accountId?: string): Promise<schema.Registration> {
    const answer = await this.send({
      endpoint: "get registration",
      method: "GET",
      path: this.registrationPath(domain, accountId),
      idempotent: true,
      domain,
    });
    return schema.parseResponse(schema.registration, answer.body.result, "get registration");
  }

  /** Get Registration, with 404 as `undefined`: the account does not own the domain. */
  async findRegistration(domain: string, accountId?: string): Promise<schema.Registration | undefined> {
    try {
      return await this.getRegistration(domain, accountId);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  /** Edit Registration: only `auto_renew` can change. */
  async updateRegistration(
    domain: string,
    changes: { auto_renew: boolean },
    options: { respondAsync?: boolean; accountId?: string } = {},
  ): Promise<WorkflowAnswer> {
    const answer = await this.send({
      endpoint: "update registration",
      method: "PATCH",
      path: this.registrationPath(domain, options.accountId),
      body: changes,
      headers: options.respondAsync ? { prefer: "respond-async" } : undefined,
      // Setting auto_renew to a value is idempotent: sending it twice ends in the same state.
      idempotent: true,
      domain,
    });
    return { httpStatus: answer.status, workflow: this.parseWorkflow(answer, "update registration") };
  }

  async registrationStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    const answer = await this.send({
      endpoint: "registration-status",
      method: "GET",
      path: this.registrationPath(domain, accountId, "/registration-status"),
      idempotent: true,
      domain,
    });
    return this.parseWorkflow(answer, "registration-status");
  }

  async updateStatus(domain: string, accountId?: string): Promise<schema.WorkflowStatus> {
    const answer = await this.send({
      endpoint: "update-status",
      method: "GET",
      path: this.registrationPath(domain, accountId, "/update-status"),
      idempotent: true,
      domain,
    });
    return this.parseWorkflow(answer, "update-status");
  }

  /** Follow a workflow's `links.self`: a path relative to the API base, or an absolute URL on its origin. */
  async followWorkflow(link: string): Promise<schema.WorkflowStatus> {
    const answer = await this.send({ endpoint: "workflow status", method: "GET", path: link, idempotent: true });
    return this.parseWorkflow(answer, "workflow status");
  }

  private parseWorkflow(answer: Answer, endpoint: string): schema.WorkflowStatus {
    return schema.parseResponse(schema.workflowStatus, answer.body.result, endpoint);
  }
}
