/**
 * The Cloudflare Registrar API client: HTTP, the v4 envelope, retries and response validation.
 * It knows the API and nothing of Pulumi.
 */
import { Agent } from "undici";
import type { z } from "zod";
import {
  apiErrorFor,
  ApiError,
  CloudflareMessage,
  NetworkError,
  OutcomeUnknownError,
  RateLimitError,
  RegistrarError,
  RequestInfo,
  ResponseShapeError,
} from "./errors";
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, retryAfterMs, RetryPolicy } from "./retry";
import { DEFAULT_REQUESTS_PER_FIVE_MINUTES, RateBudget } from "./rateBudget";
import * as schema from "./schemas";
import { ClientOptions, Credentials, resolveAccountId, resolveBaseUrl, resolveCredentials, resolveSandbox } from "./settings";
import { realClock } from "./workflow";

export const CHECK_BATCH_SIZE = 20;

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

interface Request {
  endpoint: string;
  method: "GET" | "POST" | "PATCH";
  /** Path relative to the API base, or an absolute URL on the same origin. */
  path: string;
  /** An array value is sent as repeated keys (`extensions=com&extensions=dev`), as the API expects. */
  query?: Record<string, string | string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to send again when the first answer was lost or transient. */
  idempotent: boolean;
  domain?: string;
}

interface Answer {
  status: number;
  body: z.infer<typeof schema.envelope>;
  etag?: string;
}

export class RegistrarClient {
  readonly accountIdOption?: string;
  private readonly base: URL;
  private readonly credentials: Credentials;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly userAgent: string;
  private readonly env: Record<string, string | undefined>;
  /** The Registrar Sandbox: the same API under /registrar-sandbox, with no billing. */
  readonly sandbox: boolean;
  /** Every request of this client, hence of every resource in the provider process, spends from one budget. */
  private readonly budget: RateBudget;

  constructor(options: ClientOptions = {}) {
    this.env = options.env ?? process.env;
    this.credentials = resolveCredentials(options);
    this.base = resolveBaseUrl(options.baseUrl, this.env);
    this.accountIdOption = options.accountId;
    this.sandbox = resolveSandbox(options.sandbox, this.env);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.userAgent = options.userAgent ?? "pulumi-cloudflare-registrar";
    this.agent = new Agent({ keepAliveTimeout: 4_000, connections: 8 });
    this.budget = new RateBudget(options.requestsPerFiveMinutes ?? DEFAULT_REQUESTS_PER_FIVE_MINUTES, options.clock ?? realClock);
  }

  /** The API base this client talks to, e.g. https://api.cloudflare.com/client/v4. */
  get baseUrl(): string {
    return this.base.toString().replace(/\/$/, "");
  }

  /** The account id in use: the option, else CLOUDFLARE_ACCOUNT_ID. */
  accountId(explicit?: string): string {
    return resolveAccountId(explicit ?? this.accountIdOption, this.env);
  }

  async close(): Promise<void> {
    await this.agent.close();
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
  async createRegistration(
    body: CreateRegistrationBody,
    options: { respondAsync?: boolean; accountId?: string } = {},
  ): Promise<WorkflowAnswer> {
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

  /** Every registration of the account, following the cursor page by page. */
  async *listRegistrations(params: ListParams = {}, accountId?: string): AsyncGenerator<schema.Registration> {
    let cursor = "";
    do {
      const page = await this.listRegistrationsPage({ ...params, cursor }, accountId);
      yield* page.registrations;
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

  // ---- transport -------------------------------------------------------------------------------

  private resolveUrl(path: string, query?: Request["query"]): URL {
    let url: URL;
    if (/^https?:\/\//i.test(path)) {
      url = new URL(path);
      // An absolute link elsewhere would receive our credentials: refuse it.
      if (url.origin !== this.base.origin || !url.pathname.startsWith(this.base.pathname)) {
        throw new RegistrarError(
          `Refusing to follow ${url.origin}${url.pathname}: it is not under the API base ${this.baseUrl}, ` +
            "and following it would send the API credentials to another server.",
        );
      }
    } else {
      url = new URL(this.base.toString());
      url.pathname = `${this.base.pathname}${path.startsWith("/") ? "" : "/"}${path}`;
    }
    for (const [k, v] of Object.entries(query ?? {})) for (const one of v === undefined ? [] : [v].flat()) url.searchParams.append(k, one);
    return url;
  }

  private authHeaders(): Record<string, string> {
    return this.credentials.kind === "token"
      ? { authorization: `Bearer ${this.credentials.token}` }
      : { "x-auth-key": this.credentials.key, "x-auth-email": this.credentials.email };
  }

  private async send(req: Request): Promise<Answer> {
    const url = this.resolveUrl(req.path, req.query);
    const info: RequestInfo = { method: req.method, path: url.pathname.slice(this.base.pathname.length) || "/", domain: req.domain };
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      let failure: RegistrarError;
      let waitMs: number | undefined;
      try {
        const answer = await this.once(req, url, info);
        if (answer.status === 304 || (answer.status >= 200 && answer.status < 300 && answer.body.success)) return answer;
        const error = apiErrorFor(answer.status, answer.body.errors, info);
        if (!req.idempotent && answer.status !== 429 && (answer.status >= 500 || answer.status === 408)) {
          throw new OutcomeUnknownError(info, `HTTP ${answer.status}: ${error.errors.map((e) => `[${e.code}] ${e.message}`).join("; ") || "no detail"}`, { cause: error });
        }
        // A 429 means the request was not processed, so even a registration may be sent again.
        const retryable = req.idempotent ? isRetryableStatus(answer.status) : answer.status === 429;
        if (!retryable) throw error;
        if (error instanceof RateLimitError) error.retryAfterMs = answer.retryAfterMs;
        failure = error;
        waitMs = answer.retryAfterMs;
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        // Refused means nothing reached the server; anything later may have been processed.
        if (!req.idempotent && !err.notSent) throw new OutcomeUnknownError(info, err.detail, { cause: err });
        failure = err;
      }
      const delay = waitMs ?? backoffDelay(attempt, this.retry);
      if (attempt >= this.retry.maxRetries || Date.now() - started + delay > this.retry.maxElapsedMs) throw failure;
      await new Promise((r) => setTimeout(r, delay));
    }
  }

  private async once(req: Request, url: URL, info: RequestInfo): Promise<Answer & { retryAfterMs?: number }> {
    await this.budget.take();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const res = await this.agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: req.method,
        headers: {
          accept: "application/json",
          "user-agent": this.userAgent,
          ...(req.body === undefined ? {} : { "content-type": "application/json" }),
          ...req.headers,
          ...this.authHeaders(),
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
      });
      const text = await res.body.text();
      const retryAfter = retryAfterMs(res.headers);
      if (res.statusCode === 429) this.budget.pause(retryAfter);
      const etag = typeof res.headers.etag === "string" ? res.headers.etag : undefined;
      // Not Modified has no body: the caller's cached copy stands.
      if (res.statusCode === 304) return { status: 304, body: { success: true, errors: [], messages: [] }, etag };
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const parsed = schema.envelope.safeParse(json);
      if (!parsed.success) {
        if (res.statusCode >= 200 && res.statusCode < 300) {
          throw new ResponseShapeError(req.endpoint, "(envelope)", `is missing or malformed: expected {success, errors, result}, got ${text.slice(0, 120) || "an empty body"}`);
        }
        const fallback: CloudflareMessage = { code: 0, message: `non-JSON ${res.statusCode} answer: ${text.slice(0, 200) || "(empty body)"}` };
        return { status: res.statusCode, body: { success: false, errors: [fallback], messages: [] }, retryAfterMs: retryAfter };
      }
      return { status: res.statusCode, body: parsed.data, retryAfterMs: retryAfter, etag };
    } catch (err) {
      if (err instanceof RegistrarError) throw err;
      throw toNetworkError(err, info, controller.signal.aborted, this.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }
}

function toNetworkError(err: unknown, info: RequestInfo, aborted: boolean, timeoutMs: number): NetworkError {
  if (aborted) return new NetworkError(info, `no answer within ${timeoutMs} ms`, true, false, { cause: err });
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? "";
  const notSent = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
  return new NetworkError(info, `${code ? code + ": " : ""}${e.message ?? String(err)}`, false, notSent, { cause: err });
}
