/**
 * The transport under the Registrar client: one request to the API, with the v4 envelope read, the origin
 * guarded (credentials never leave the API's origin), and retries as the pure decision in retry.ts says,
 * waiting on the injected clock: 408, 429 and 5xx for requests safe to repeat, never a 409, and never a
 * registration POST that may have been processed. It knows HTTP and the envelope, not the endpoints.
 */
import { Agent, type Dispatcher } from "undici";
import type { z } from "zod";
import { connectionFate, failureCode } from "./connection";
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
import { DEFAULT_REQUESTS_PER_FIVE_MINUTES, RateBudget } from "./rateBudget";
import { AttemptOutcome, DEFAULT_RETRY_POLICY, retryAfterMs, retryDecision, RetryPolicy } from "./retry";
import * as schema from "./schemas";
import { LABELS, rememberSecret } from "./secrets";
import { ClientOptions, Credentials, resolveBaseUrl, resolveCredentials } from "./clientOptions";
import { Clock, realClock } from "./clock";

export interface Request {
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

export interface Answer {
  status: number;
  body: z.infer<typeof schema.envelope>;
  etag?: string;
  /** The cf-ray id Cloudflare gave the answer, for support tickets. */
  ray?: string;
}

export class Transport {
  readonly base: URL;
  private readonly credentials: Credentials;
  private readonly agent: Dispatcher;
  /** Whether `agent` is the client's own, to close with it; a dispatcher given in the options is its owner's. */
  private readonly ownsAgent: boolean;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly userAgent: string;
  private readonly clock: Clock;
  /** Every request of this client, hence of every resource in the provider process, spends from one budget. */
  private readonly budget: RateBudget;

  constructor(options: ClientOptions, env: Record<string, string | undefined>) {
    this.credentials = resolveCredentials({ ...options, env });
    // From here on, no message this process builds can carry the credential.
    if (this.credentials.kind === "token") rememberSecret(this.credentials.token, LABELS.token);
    else rememberSecret(this.credentials.key, LABELS.apiKey);
    this.base = resolveBaseUrl(options.baseUrl, env);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.userAgent = options.userAgent ?? "pulumi-cloudflare-registrar";
    this.ownsAgent = !options.dispatcher;
    this.agent = options.dispatcher ?? new Agent({ keepAliveTimeout: 4_000, connections: 8 });
    this.clock = options.clock ?? realClock;
    this.budget = new RateBudget(options.requestsPerFiveMinutes ?? DEFAULT_REQUESTS_PER_FIVE_MINUTES, this.clock);
  }

  /** The API base, e.g. https://api.cloudflare.com/client/v4. */
  get baseUrl(): string {
    return this.base.toString().replace(/\/$/, "");
  }

  async close(): Promise<void> {
    if (this.ownsAgent) await this.agent.close();
  }

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

  async send(req: Request): Promise<Answer> {
    const url = this.resolveUrl(req.path, req.query);
    const info: RequestInfo = { method: req.method, path: url.pathname.slice(this.base.pathname.length), domain: req.domain };
    // Stryker disable next-line StringLiteral: equivalent for "registration"; any kind but "idempotent" is treated as the registration
    const kind = req.idempotent ? "idempotent" : "registration";
    const started = this.clock.now();
    for (let attempt = 0; ; attempt++) {
      let failure: RegistrarError;
      let outcome: AttemptOutcome;
      try {
        const answer = await this.once(req, url, info);
        if (answer.status === 304 || (answer.status >= 200 && answer.status < 300 && answer.body.success)) return answer;
        // The cf-ray id lets Cloudflare's support find this exact request.
        const error = apiErrorFor(answer.status, answer.body.errors, answer.ray ? { ...info, ray: answer.ray } : info);
        // Stryker disable next-line ConditionalExpression: equivalent for "true"; a retryAfterMs on another error class is read by nothing
        if (error instanceof RateLimitError) error.retryAfterMs = answer.retryAfterMs;
        failure = error;
        outcome = { kind: "status", status: answer.status, retryAfterMs: answer.retryAfterMs };
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        failure = err;
        // Stryker disable next-line StringLiteral: equivalent; retryDecision tells the outcomes apart by kind === "status"
        outcome = { kind: "network", neverLeft: err.notSent };
      }
      const decision = retryDecision({ request: kind, attempt, outcome, elapsedMs: this.clock.now() - started, policy: this.retry });
      if (!decision.retry) {
        if (!decision.outcomeUnknown) throw failure;
        const detail =
          failure instanceof ApiError
            ? `HTTP ${failure.status}: ${failure.errors.map((e) => `[${e.code}] ${e.message}`).join("; ") || "no detail"}`
            : (failure as NetworkError).detail;
        throw new OutcomeUnknownError(info, detail, { cause: failure });
      }
      await this.clock.sleep(decision.delayMs);
    }
  }

  private async once(req: Request, url: URL, info: RequestInfo): Promise<Answer & { retryAfterMs?: number }> {
    // Spend evenly under the account's rate limit instead of bursting into 429s.
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
        body: JSON.stringify(req.body),
        signal: controller.signal,
      });
      const text = await res.body.text();
      const retryAfter = retryAfterMs(res.headers);
      // A 429 anyway: nothing else in the process goes out before its Retry-After has passed.
      if (res.statusCode === 429) this.budget.pause(retryAfter);
      const etag = typeof res.headers.etag === "string" ? res.headers.etag : undefined;
      const ray = typeof res.headers["cf-ray"] === "string" ? res.headers["cf-ray"] : undefined;
      // Not Modified has no body: the caller's cached copy stands.
      if (res.statusCode === 304) return { status: 304, body: { success: true, errors: [], messages: [] }, etag, ray };
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: json stays undefined, and the envelope check below says so.
      }
      const parsed = schema.envelope.safeParse(json);
      if (!parsed.success) {
        // undici consumes 1xx answers: below 300 is a 2xx.
        if (res.statusCode < 300) {
          throw new ResponseShapeError(
            req.endpoint,
            "(envelope)",
            `is missing or malformed: expected {success, errors, result}, got ${text.slice(0, 120) || "an empty body"}`,
          );
        }
        const fallback: CloudflareMessage = { code: 0, message: `non-JSON ${res.statusCode} answer: ${text.slice(0, 200) || "(empty body)"}` };
        // Stryker disable next-line BooleanLiteral,ArrayDeclaration: equivalent; a non-2xx is an error whatever success says, and messages are not read
        return { status: res.statusCode, body: { success: false, errors: [fallback], messages: [] }, retryAfterMs: retryAfter, ray };
      }
      return { status: res.statusCode, body: parsed.data, retryAfterMs: retryAfter, etag, ray };
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
  const code = failureCode(err);
  const notSent = connectionFate(err) === "never_left";
  // Stryker disable next-line StringLiteral: unreachable String(err); undici only throws Errors, which have a message
  return new NetworkError(info, `${code ? code + ": " : ""}${(err as { message?: string }).message ?? String(err)}`, false, notSent, { cause: err });
}
