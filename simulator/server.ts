/**
 * A local Cloudflare Registrar: a real HTTP server on 127.0.0.1 that answers the Registrar API (and the
 * Registrar Sandbox) under /client/v4, with scenarios, fault injection, a request log and a billing ledger.
 * This file is the HTTP adapter: it reads requests, applies connection-level faults, and writes what the
 * pure handlers (api.ts, control.ts) answer.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { ApiContext, handleApi } from "./api";
import { Namespace } from "./catalogue";
import { Clock, resolveClock } from "./clock";
import { CONTROL_PREFIX, handleControl } from "./control";
import { ApiResponse, failure } from "./envelope";
import { faultAnswer, FaultInjector, FaultKind, FaultRule } from "./faults";
import { Charge, Ledger } from "./ledger";
import { RateLimiter, RateLimitOptions } from "./rateLimit";
import { normalizeName, Registry, SimRegistration } from "./registry";
import { API_PREFIX, EndpointName, matchRoute } from "./routes";
import { DomainConfig, Scenario } from "./scenarios";

export { API_PREFIX } from "./routes";
export type { EndpointName } from "./routes";
export type { FaultRule, FaultKind } from "./faults";
export type { Clock } from "./clock";
export type { Charge } from "./ledger";
export type { Namespace } from "./catalogue";
export type { RateLimitOptions } from "./rateLimit";

export const DEFAULT_TOKEN = "sim-token";
export const DEFAULT_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  query: string;
  endpoint: EndpointName | "unknown";
  /** Which API the request went to; production unless the path says registrar-sandbox. */
  namespace: Namespace;
  /** HTTP status, or 0 when the connection was dropped, reset or left hanging without an answer. */
  status: number;
  fault?: FaultKind;
  /** Refused by the rate limiter. */
  rateLimited?: boolean;
  /** The cf-ray id sent with the answer. */
  ray: string;
  startedAt: string;
  durationMs: number;
  /** For domain-check: the names the request asked about, as sent. */
  domains?: string[];
}

export interface SimulatorOptions {
  host?: string;
  port?: number;
  /** API tokens and the accounts each may use ("*" = all). Default: sim-token for every account. */
  tokens?: Record<string, string[] | "*">;
  /** Legacy X-Auth-Key/X-Auth-Email pairs. */
  legacyKeys?: Array<{ key: string; email: string }>;
  accounts?: string[];
  /** How long a normal registration workflow takes. Default 300 ms. */
  registrationMs?: number;
  /** How long a normal update workflow takes. Default 0 (PATCH answers 200 at once). */
  updateMs?: number;
  /** How long a transfer in takes, most of it `blocked` (days in reality). Default 2000 ms. */
  transferMs?: number;
  /** How long create and PATCH hold the connection waiting for the workflow. Default 1000 ms. */
  waitWindowMs?: number;
  /** Default 500, the API's limit per account. */
  maxDomainsPerAccount?: number;
  hasDefaultContact?: boolean;
  /** Per-domain scenario and price (both namespaces). */
  domains?: Record<string, DomainConfig>;
  /** Registrations the accounts already own; `namespace` "registrar-sandbox" seeds the sandbox's books. */
  registrations?: Array<Partial<SimRegistration> & { domain_name: string; account_id?: string; namespace?: Namespace }>;
  faults?: FaultRule[];
  /** Default per_page of list endpoints. Default 20. */
  pageSize?: number;
  /** Per-token rate limit; off by default. Cloudflare allows about 1200 requests per 5 minutes. */
  rateLimit?: RateLimitOptions;
  /** The one clock for workflows, waits, delays, Retry-After dates and the log. Default: real time. */
  clock?: Clock;
  /** Shorthand for `clock: { now, sleep: real sleep }`. */
  now?: () => number;
}

const newRay = () => `${randomBytes(8).toString("hex")}-SIM`;

export class RegistrarSimulator {
  /** The production API's books. */
  readonly registry: Registry;
  /** The Registrar Sandbox's books, separate from production. */
  readonly sandbox: Registry;
  readonly clock: Clock;
  private readonly server: http.Server;
  private readonly log: RequestLogEntry[] = [];
  private readonly faults = new FaultInjector();
  private readonly ledger = new Ledger();
  private readonly domains = new Map<string, DomainConfig>();
  private readonly ctx: ApiContext;
  private seq = 0;

  constructor(private readonly options: SimulatorOptions = {}) {
    this.clock = resolveClock(options);
    for (const [d, c] of Object.entries(options.domains ?? {})) this.domains.set(normalizeName(d) ?? d, c);
    const registry = (namespace: Namespace) =>
      new Registry({
        namespace,
        clock: this.clock,
        ledger: this.ledger,
        registrationMs: options.registrationMs ?? 300,
        updateMs: options.updateMs ?? 0,
        maxDomainsPerAccount: options.maxDomainsPerAccount ?? 500,
        // The sandbox has no express mode, so no default address book entry.
        hasDefaultContact: namespace === "registrar" && (options.hasDefaultContact ?? true),
        transferMs: options.transferMs ?? 2_000,
        domains: this.domains,
      });
    this.registry = registry("registrar");
    this.sandbox = registry("registrar-sandbox");
    this.ctx = {
      clock: this.clock,
      registries: { registrar: this.registry, "registrar-sandbox": this.sandbox },
      tokens: options.tokens ?? { [DEFAULT_TOKEN]: "*" },
      legacyKeys: options.legacyKeys ?? [],
      accounts: new Set(options.accounts ?? [DEFAULT_ACCOUNT_ID]),
      waitWindowMs: options.waitWindowMs ?? 1_000,
      pageSize: options.pageSize ?? 20,
      rateLimiter: options.rateLimit ? new RateLimiter(options.rateLimit, this.clock) : undefined,
      lostOnce: new Set(),
    };
    for (const r of options.registrations ?? []) {
      const { account_id, namespace, ...reg } = r;
      this.registryFor(namespace ?? "registrar").seed(account_id ?? DEFAULT_ACCOUNT_ID, reg);
    }
    for (const f of options.faults ?? []) this.addFault(f);
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  /** Start listening (port 0 = a free port) and return the API base URL. */
  async start(): Promise<string> {
    this.server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1");
    await once(this.server, "listening");
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get origin(): string {
    const a = this.server.address() as AddressInfo;
    return `http://${a.address}:${a.port}`;
  }

  get baseUrl(): string {
    return `${this.origin}${API_PREFIX}`;
  }

  // ---- steering ------------------------------------------------------------------------------

  registryFor(namespace: Namespace): Registry {
    return namespace === "registrar-sandbox" ? this.sandbox : this.registry;
  }

  requests(filter: Partial<Pick<RequestLogEntry, "method" | "endpoint" | "namespace">> = {}): RequestLogEntry[] {
    return this.log.filter(
      (e) =>
        (!filter.method || e.method === filter.method) &&
        (!filter.endpoint || e.endpoint === filter.endpoint) &&
        (!filter.namespace || e.namespace === filter.namespace),
    );
  }

  /** Count of logged API requests per endpoint. */
  counts(): Partial<Record<EndpointName | "unknown", number>> {
    const out: Partial<Record<string, number>> = {};
    for (const e of this.log) out[e.endpoint] = (out[e.endpoint] ?? 0) + 1;
    return out;
  }

  clearRequests(): void {
    this.log.length = 0;
  }

  addFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** What the accounts were charged for registrations that succeeded, in order. */
  charges(filter: Partial<Pick<Charge, "accountId" | "domain" | "namespace">> = {}): Charge[] {
    this.registry.settleAll();
    this.sandbox.settleAll();
    return this.ledger.list(filter);
  }

  setDomain(domain: string, config: DomainConfig | undefined): void {
    const name = normalizeName(domain) ?? domain;
    if (config) this.domains.set(name, config);
    else this.domains.delete(name);
  }

  setScenario(domain: string, scenario: Scenario): void {
    this.setDomain(domain, { ...this.domains.get(normalizeName(domain) ?? domain), scenario });
  }

  // ---- HTTP adapter --------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator");
    const ray = newRay();
    try {
      const body = await text(req);
      if (url.pathname.startsWith(CONTROL_PREFIX)) return this.write(res, handleControl(this, req.method ?? "GET", url, body), ray);
      await this.api(req, res, url, body, ray);
    } catch (err) {
      if (!res.headersSent) this.write(res, { status: 500, body: failure(10000, `simulator error: ${(err as Error).message}`) }, ray);
    }
  }

  private async api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: string, ray: string): Promise<void> {
    const started = this.clock.now();
    const method = req.method ?? "GET";
    const route = matchRoute(method, url.pathname);
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      method,
      path: url.pathname,
      query: url.search,
      endpoint: route?.endpoint ?? "unknown",
      namespace: route?.namespace ?? (url.pathname.includes("/registrar-sandbox/") ? "registrar-sandbox" : "registrar"),
      status: 0,
      ray,
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
    };
    if (entry.endpoint === "domain-check") entry.domains = askedNames(body);
    this.log.push(entry);
    const finish = (status: number) => {
      entry.status = status;
      entry.durationMs = this.clock.now() - started;
    };
    const cut = (how: "drop" | "reset") => {
      finish(0);
      if (how === "reset") req.socket.resetAndDestroy();
      else req.socket.destroy();
    };

    const fault = route ? this.faults.pick(route.endpoint, route.namespace) : undefined;
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === "drop") return cut("drop");
    if (fault?.kind === "reset") return cut("reset");
    if (fault?.kind === "hang") return finish(0); // the socket stays open until the client gives up or stop()
    if (fault?.kind === "delay") await this.clock.sleep(fault.delayMs ?? 2_000);
    const injected = fault && faultAnswer(fault, this.clock);
    if (injected) {
      finish(injected.status);
      return this.write(res, injected, ray);
    }

    const answer = await handleApi(this.ctx, route, { method, url, headers: req.headers, body });
    if (answer.rateLimited) entry.rateLimited = true;
    if (fault?.kind === "drop_after" || answer.dropAfter) return cut("drop");
    if (fault?.kind === "reset_after") return cut("reset");
    finish(answer.status);
    this.write(res, answer, ray);
  }

  private write(res: http.ServerResponse, a: ApiResponse, ray: string): void {
    const headers: Record<string, string | number> = { "cf-ray": ray, date: new Date(this.clock.now()).toUTCString(), ...a.headers };
    if (a.body === undefined) {
      res.writeHead(a.status, headers);
      res.end();
      return;
    }
    const json = JSON.stringify(a.body);
    res.writeHead(a.status, { "content-type": "application/json", "content-length": Buffer.byteLength(json), ...headers });
    res.end(json);
  }
}

/** The names in a domain-check body, when it has them. */
function askedNames(body: string): string[] | undefined {
  try {
    const names = (JSON.parse(body) as { domains?: unknown }).domains;
    return Array.isArray(names) ? names.map(String) : undefined;
  } catch {
    return undefined;
  }
}
