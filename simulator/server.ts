/**
 * A local Cloudflare Registrar: a real HTTP server on 127.0.0.1 that answers the registrations API
 * under /client/v4 as the reference describes, with scenarios, fault injection and a request log.
 * A control API under /__simulator lets tests and demos steer it from another process.
 */
import { once } from "node:events";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { DomainConfig, Scenario } from "./scenarios";
import { normalizeName, publicRegistration, Registry, SimError, SimRegistration } from "./registry";
import { isSupportedExtension, SUPPORTED_EXTENSIONS } from "../provider/extensions";

export const API_PREFIX = "/client/v4";
export const DEFAULT_TOKEN = "sim-token";
export const DEFAULT_ACCOUNT_ID = "0123456789abcdef0123456789abcdef";

export type EndpointName =
  | "domain-search"
  | "domain-check"
  | "create-registration"
  | "list-registrations"
  | "get-registration"
  | "update-registration"
  | "registration-status"
  | "update-status";

export interface FaultRule {
  /** Which endpoint; default every endpoint. */
  endpoint?: EndpointName;
  /**
   * status: answer `status` (429 with Retry-After, 5xx...) without processing.
   * drop: close the connection without processing or answering.
   * drop_after: process the request, then close the connection without answering.
   * delay: wait `delayMs`, then answer normally.
   * malformed: answer 200 with an envelope whose result lacks the fields the reference promises.
   */
  kind: "status" | "drop" | "drop_after" | "delay" | "malformed";
  status?: number;
  /** Sent as Retry-After (seconds) with a status fault. */
  retryAfterSeconds?: number;
  delayMs?: number;
  /** Apply to every Nth matching request (default 1: every one). */
  every?: number;
  /** Stop after this many injections (default: no limit). */
  times?: number;
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  query: string;
  endpoint: EndpointName | "unknown";
  /** HTTP status, or 0 when the connection was dropped without an answer. */
  status: number;
  fault?: FaultRule["kind"];
  startedAt: string;
  durationMs: number;
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
  /** How long create and PATCH hold the connection waiting for the workflow. Default 1000 ms. */
  waitWindowMs?: number;
  maxDomainsPerAccount?: number;
  hasDefaultContact?: boolean;
  /** Per-domain scenario and price. */
  domains?: Record<string, DomainConfig>;
  /** Registrations the accounts already own. */
  registrations?: Array<Partial<SimRegistration> & { domain_name: string; account_id?: string }>;
  faults?: FaultRule[];
  pageSize?: number;
  now?: () => number;
}

interface ActiveFault extends FaultRule {
  seen: number;
  injected: number;
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
};

const envelope = (result: unknown, resultInfo?: unknown) => ({
  success: true,
  errors: [],
  messages: [],
  result,
  ...(resultInfo === undefined ? {} : { result_info: resultInfo }),
});
const failure = (code: number, message: string) => ({ success: false, errors: [{ code, message }], messages: [], result: null });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RegistrarSimulator {
  readonly registry: Registry;
  private readonly server: http.Server;
  private readonly log: RequestLogEntry[] = [];
  private faults: ActiveFault[] = [];
  private readonly domains = new Map<string, DomainConfig>();
  private readonly tokens: Record<string, string[] | "*">;
  private readonly accounts: Set<string>;
  private readonly dropOnce = new Set<string>();
  private seq = 0;
  private readonly o: Required<Pick<SimulatorOptions, "waitWindowMs" | "pageSize">> & SimulatorOptions;

  constructor(options: SimulatorOptions = {}) {
    this.o = { waitWindowMs: 1_000, pageSize: 20, ...options };
    for (const [d, c] of Object.entries(options.domains ?? {})) this.domains.set(normalizeName(d) ?? d, c);
    this.tokens = options.tokens ?? { [DEFAULT_TOKEN]: "*" };
    this.accounts = new Set(options.accounts ?? [DEFAULT_ACCOUNT_ID]);
    this.registry = new Registry({
      now: options.now ?? Date.now,
      registrationMs: options.registrationMs ?? 300,
      updateMs: options.updateMs ?? 0,
      maxDomainsPerAccount: options.maxDomainsPerAccount ?? 100,
      hasDefaultContact: options.hasDefaultContact ?? true,
      domains: this.domains,
    });
    for (const r of options.registrations ?? []) {
      const { account_id, ...reg } = r;
      this.registry.seed(account_id ?? DEFAULT_ACCOUNT_ID, reg);
    }
    for (const f of options.faults ?? []) this.addFault(f);
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  /** Start listening (port 0 = a free port) and return the API base URL. */
  async start(): Promise<string> {
    this.server.listen(this.o.port ?? 0, this.o.host ?? "127.0.0.1");
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

  requests(filter: Partial<Pick<RequestLogEntry, "method" | "endpoint">> = {}): RequestLogEntry[] {
    return this.log.filter((e) => (!filter.method || e.method === filter.method) && (!filter.endpoint || e.endpoint === filter.endpoint));
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
    this.faults.push({ ...rule, seen: 0, injected: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  setDomain(domain: string, config: DomainConfig | undefined): void {
    const name = normalizeName(domain) ?? domain;
    if (config) this.domains.set(name, config);
    else this.domains.delete(name);
  }

  setScenario(domain: string, scenario: Scenario): void {
    this.setDomain(domain, { ...this.domains.get(normalizeName(domain) ?? domain), scenario });
  }

  // ---- request handling ------------------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator");
    try {
      const body = await readBody(req);
      if (url.pathname.startsWith("/__simulator")) return this.control(req.method ?? "GET", url, body, res);
      await this.api(req, url, body, res);
    } catch (err) {
      if (!res.headersSent) json(res, 500, failure(10000, `simulator error: ${(err as Error).message}`));
    }
  }

  private async api(req: http.IncomingMessage, url: URL, rawBody: string, res: http.ServerResponse): Promise<void> {
    const started = Date.now();
    const method = req.method ?? "GET";
    const route = matchRoute(method, url.pathname);
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      method,
      path: url.pathname,
      query: url.search,
      endpoint: route?.endpoint ?? "unknown",
      status: 0,
      startedAt: new Date(started).toISOString(),
      durationMs: 0,
    };
    this.log.push(entry);
    const finish = (status: number) => {
      entry.status = status;
      entry.durationMs = Date.now() - started;
    };
    const drop = () => {
      finish(0);
      req.socket.destroy();
    };
    const send = (status: number, body: unknown, headers?: Record<string, string>) => {
      finish(status);
      json(res, status, body, headers);
    };

    const fault = route ? this.pickFault(route.endpoint) : undefined;
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === "drop") return drop();
    if (fault?.kind === "delay") await sleep(fault.delayMs ?? 2_000);
    if (fault?.kind === "malformed") return send(200, envelope({ unexpected: true }));
    if (fault?.kind === "status") {
      const status = fault.status ?? 500;
      const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
      return send(
        status,
        failure(status === 429 ? 971 : 10000, status === 429 ? "Please wait and consider throttling your request speed" : "Internal Server Error"),
        headers,
      );
    }

    if (!route) {
      return send(method === "GET" || method === "POST" || method === "PATCH" ? 404 : 405, failure(7003, `Could not route to ${url.pathname}, perhaps your object identifier is invalid?`));
    }
    const authError = this.authenticate(req, route.accountId);
    if (authError) return send(authError.status, failure(authError.code, authError.message));

    let body: Record<string, unknown> = {};
    if (method !== "GET" && rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return send(400, failure(10002, "Request body is not valid JSON"));
      }
      if (!body || typeof body !== "object" || Array.isArray(body)) return send(400, failure(10002, "Request body must be a JSON object"));
    }

    try {
      const answer = await this.dispatch(route, url, body, req);
      if (fault?.kind === "drop_after" || answer.dropAfter) return drop();
      send(answer.status, answer.body);
    } catch (err) {
      if (!(err instanceof SimError)) throw err;
      send(err.status, failure(err.code, err.message));
    }
  }

  private pickFault(endpoint: EndpointName): ActiveFault | undefined {
    for (const f of this.faults) {
      if (f.endpoint && f.endpoint !== endpoint) continue;
      if (f.times !== undefined && f.injected >= f.times) continue;
      f.seen++;
      if (f.seen % (f.every ?? 1) !== 0) continue;
      f.injected++;
      return f;
    }
    return undefined;
  }

  private authenticate(req: http.IncomingMessage, accountId: string): SimError | undefined {
    const auth = req.headers.authorization;
    let allowed: string[] | "*" | undefined;
    if (auth?.startsWith("Bearer ")) {
      allowed = this.tokens[auth.slice(7)];
    } else if (req.headers["x-auth-key"] && req.headers["x-auth-email"]) {
      const ok = (this.o.legacyKeys ?? []).some((k) => k.key === req.headers["x-auth-key"] && k.email === req.headers["x-auth-email"]);
      allowed = ok ? "*" : undefined;
    }
    if (!allowed) return new SimError(401, 10000, "Authentication error");
    if (!this.accounts.has(accountId) || (allowed !== "*" && !allowed.includes(accountId))) {
      return new SimError(403, 9109, "Unauthorized to access requested resource");
    }
    return undefined;
  }

  private async dispatch(
    route: Route,
    url: URL,
    body: Record<string, unknown>,
    req: http.IncomingMessage,
  ): Promise<{ status: number; body: unknown; dropAfter?: boolean }> {
    const { accountId } = route;
    const domain = route.domain === undefined ? undefined : normalizeName(decodeURIComponent(route.domain));
    if (route.domain !== undefined && !domain) throw new SimError(400, 10003, `Invalid domain name '${route.domain}'`);
    const r = this.registry;
    switch (route.endpoint) {
      case "domain-search":
        return { status: 200, body: envelope({ domains: this.search(url) }) };
      case "domain-check": {
        const domains = body.domains;
        if (!Array.isArray(domains) || domains.length === 0) throw new SimError(400, 10004, "domains must be a non-empty array of domain names");
        if (domains.length > 20) throw new SimError(400, 10005, `At most 20 domains per request; got ${domains.length}`);
        const results = domains.flatMap((d) => {
          const name = typeof d === "string" ? normalizeName(d) : undefined;
          return name ? [r.availability(name)] : []; // malformed names are left out, as the reference allows
        });
        return { status: 200, body: envelope({ domains: results }) };
      }
      case "create-registration": {
        const payload = validateCreate(body);
        const wf = r.createRegistration(accountId, payload);
        const scenario = r.scenario(payload.domain_name);
        if (scenario.kind === "lost_answer" && !this.dropOnce.has(`${accountId}/${payload.domain_name}`)) {
          this.dropOnce.add(`${accountId}/${payload.domain_name}`);
          return { status: 0, body: null, dropAfter: true };
        }
        const finished = await this.waitFor(wf, req);
        return { status: finished ? 201 : 202, body: envelope(r.workflowJson(wf)) };
      }
      case "list-registrations":
        return this.listPage(accountId, url);
      case "get-registration": {
        const reg = r.get(accountId, domain!);
        if (!reg) throw new SimError(404, 10404, `No registration for ${domain} in this account`);
        return { status: 200, body: envelope(publicRegistration(reg)) };
      }
      case "update-registration": {
        const extra = Object.keys(body).filter((k) => k !== "auto_renew");
        if (extra.length) throw new SimError(400, 10006, `Only auto_renew can be updated; not ${extra.join(", ")}`);
        if (typeof body.auto_renew !== "boolean") throw new SimError(400, 10007, "auto_renew must be a boolean");
        const wf = r.updateRegistration(accountId, domain!, { auto_renew: body.auto_renew });
        const finished = await this.waitFor(wf, req);
        return { status: finished ? 200 : 202, body: envelope(r.workflowJson(wf)) };
      }
      case "registration-status": {
        const wf = r.registrationWorkflow(accountId, domain!);
        if (!wf) throw new SimError(404, 10404, `No registration workflow for ${domain}`);
        return { status: 200, body: envelope(r.workflowJson(wf)) };
      }
      case "update-status": {
        const wf = r.updateWorkflow(accountId, domain!);
        if (!wf) throw new SimError(404, 10404, `No update workflow for ${domain}`);
        return { status: 200, body: envelope(r.workflowJson(wf)) };
      }
    }
  }

  /** Hold the connection while the workflow may finish, as the real API does, unless asked not to. */
  private async waitFor(wf: Parameters<Registry["workflowJson"]>[0], req: http.IncomingMessage): Promise<boolean> {
    const terminal = () => ["succeeded", "failed"].includes(this.registry.stateOf(wf).state);
    if (/respond-async/i.test(String(req.headers.prefer ?? ""))) return terminal();
    const until = Date.now() + this.o.waitWindowMs;
    while (!terminal() && this.registry.stateOf(wf).state !== "action_required" && Date.now() < until) {
      await sleep(Math.min(20, until - Date.now()));
    }
    return terminal();
  }

  private search(url: URL): unknown[] {
    const q = (url.searchParams.get("q") ?? "").trim().toLowerCase();
    if (!q) throw new SimError(400, 10008, "q is required: a keyword, phrase or domain name");
    if (/^\.?[a-z]+$/.test(q) && isSupportedExtension(q.replace(/^\./, ""))) {
      throw new SimError(400, 10009, "Searching with just a domain extension is not supported; give a keyword or domain name");
    }
    const base = (q.includes(".") ? q.split(".")[0]! : q).replace(/[^a-z0-9-]/g, "");
    if (!base) throw new SimError(400, 10008, "q has no usable keyword");
    const wanted = (url.searchParams.get("extensions") ?? "")
      .split(",")
      .map((e) => e.trim().replace(/^\./, ""))
      .filter(Boolean);
    const exts = wanted.length ? SUPPORTED_EXTENSIONS.filter((e) => wanted.includes(e)) : SUPPORTED_EXTENSIONS;
    const limit = Math.max(1, Math.min(100, Number(url.searchParams.get("limit") ?? 20) || 20));
    const names = [...exts.map((e) => `${base}.${e}`), ...exts.map((e) => `get${base}.${e}`)];
    if (q.includes(".") && normalizeName(q) && isSupportedExtension(q.slice(q.indexOf(".") + 1))) {
      names.unshift(normalizeName(q)!);
    }
    return [...new Set(names)].slice(0, limit).map((n) => this.registry.searchEntry(n));
  }

  private listPage(accountId: string, url: URL) {
    const sortBy = url.searchParams.get("sort_by") ?? "registry_created_at";
    const direction = url.searchParams.get("direction") ?? "asc";
    if (!["registry_created_at", "registry_expires_at", "name"].includes(sortBy)) throw new SimError(400, 10010, `Invalid sort_by '${sortBy}'`);
    if (!["asc", "desc"].includes(direction)) throw new SimError(400, 10011, `Invalid direction '${direction}'`);
    const perPage = Number(url.searchParams.get("per_page") ?? this.o.pageSize);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new SimError(400, 10012, "per_page must be an integer from 1 to 100");
    const cursor = url.searchParams.get("cursor") ?? "";
    let offset = 0;
    if (cursor) {
      offset = Number(Buffer.from(cursor, "base64url").toString().replace(/^o:/, ""));
      if (!Number.isInteger(offset) || offset < 0) throw new SimError(400, 10013, "Invalid cursor");
    }
    const key = (r: SimRegistration): string | number =>
      sortBy === "name" ? r.domain_name : sortBy === "registry_expires_at" ? (r.expires_at ?? "9999") : r.seq;
    const all = this.registry.list(accountId).sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const c = x < y ? -1 : x > y ? 1 : a.seq - b.seq;
      return direction === "desc" ? -c : c;
    });
    const page = all.slice(offset, offset + perPage);
    const next = offset + perPage < all.length ? Buffer.from(`o:${offset + perPage}`).toString("base64url") : "";
    return { status: 200, body: envelope(page.map(publicRegistration), { count: page.length, per_page: perPage, cursor: next }) };
  }

  // ---- control API ---------------------------------------------------------------------------

  private control(method: string, url: URL, rawBody: string, res: http.ServerResponse): void {
    const body = rawBody ? JSON.parse(rawBody) : {};
    const path = url.pathname.replace(/^\/__simulator/, "");
    const ok = (result: unknown = {}) => json(res, 200, envelope(result));
    try {
      let m: RegExpMatchArray | null;
      if (path === "/requests" && method === "GET") return ok(this.requests());
      if (path === "/requests" && method === "DELETE") return ok(this.clearRequests());
      if (path === "/faults" && method === "POST") return ok(this.addFault(body));
      if (path === "/faults" && method === "DELETE") return ok(this.clearFaults());
      if ((m = path.match(/^\/domains\/([^/]+)$/)) && method === "PUT") return ok(this.setDomain(m[1]!, body));
      if ((m = path.match(/^\/domains\/([^/]+)$/)) && method === "DELETE") return ok(this.setDomain(m[1]!, undefined));
      if ((m = path.match(/^\/accounts\/([^/]+)\/registrations$/)) && method === "POST") {
        return ok(publicRegistration(this.registry.seed(m[1]!, body)));
      }
      if ((m = path.match(/^\/accounts\/([^/]+)\/registrations\/([^/]+)\/resolve$/)) && method === "POST") {
        return ok(this.registry.resolveAction(m[1]!, m[2]!));
      }
      if ((m = path.match(/^\/accounts\/([^/]+)\/registrations\/([^/]+)$/)) && method === "PATCH") {
        return ok(publicRegistration(this.registry.patchOutOfBand(m[1]!, m[2]!, body)));
      }
      json(res, 404, failure(7003, `No control route ${method} ${url.pathname}`));
    } catch (err) {
      if (err instanceof SimError) return json(res, err.status, failure(err.code, err.message));
      throw err;
    }
  }
}

interface Route {
  endpoint: EndpointName;
  accountId: string;
  domain?: string;
}

const ROUTES: Array<[string, RegExp, EndpointName]> = [
  ["GET", /^\/accounts\/([^/]+)\/registrar\/domain-search$/, "domain-search"],
  ["POST", /^\/accounts\/([^/]+)\/registrar\/domain-check$/, "domain-check"],
  ["POST", /^\/accounts\/([^/]+)\/registrar\/registrations$/, "create-registration"],
  ["GET", /^\/accounts\/([^/]+)\/registrar\/registrations$/, "list-registrations"],
  ["GET", /^\/accounts\/([^/]+)\/registrar\/registrations\/([^/]+)$/, "get-registration"],
  ["PATCH", /^\/accounts\/([^/]+)\/registrar\/registrations\/([^/]+)$/, "update-registration"],
  ["GET", /^\/accounts\/([^/]+)\/registrar\/registrations\/([^/]+)\/registration-status$/, "registration-status"],
  ["GET", /^\/accounts\/([^/]+)\/registrar\/registrations\/([^/]+)\/update-status$/, "update-status"],
];

function matchRoute(method: string, pathname: string): Route | undefined {
  if (!pathname.startsWith(API_PREFIX + "/")) return undefined;
  const path = pathname.slice(API_PREFIX.length);
  for (const [m, re, endpoint] of ROUTES) {
    const match = method === m ? path.match(re) : null;
    if (match) return { endpoint, accountId: decodeURIComponent(match[1]!), domain: match[2] };
  }
  return undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const E164 = /^\+\d{1,3}\.\d{1,14}$/;

/** The create body, checked as the real API would before starting a workflow. */
function validateCreate(body: Record<string, unknown>) {
  const bad = (field: string, why: string) => new SimError(400, 10003, `${field}: ${why}`);
  const name = typeof body.domain_name === "string" ? normalizeName(body.domain_name) : undefined;
  if (!name) throw bad("domain_name", "a fully qualified domain name is required");
  if (body.years !== undefined && !(Number.isInteger(body.years) && (body.years as number) >= 1 && (body.years as number) <= 10)) {
    throw bad("years", "must be an integer from 1 to 10");
  }
  if (body.auto_renew !== undefined && typeof body.auto_renew !== "boolean") throw bad("auto_renew", "must be a boolean");
  if (body.privacy_mode !== undefined && !["redaction", "off"].includes(body.privacy_mode as string)) {
    throw bad("privacy_mode", "must be 'redaction' or 'off'");
  }
  const registrant = (body.contacts as { registrant?: Record<string, unknown> } | undefined)?.registrant;
  if (registrant) {
    if (typeof registrant.email !== "string" || !registrant.email.includes("@")) throw bad("contacts.registrant.email", "must be an email address");
    if (typeof registrant.phone !== "string" || !E164.test(registrant.phone)) throw bad("contacts.registrant.phone", "must be E.164 like +1.5555555555");
    const postal = registrant.postal_info as { name?: unknown; address?: Record<string, unknown> } | undefined;
    if (!postal || typeof postal.name !== "string") throw bad("contacts.registrant.postal_info.name", "is required");
    for (const f of ["street", "city", "state", "postal_code", "country_code"]) {
      if (typeof postal.address?.[f] !== "string") throw bad(`contacts.registrant.postal_info.address.${f}`, "is required");
    }
  }
  return {
    domain_name: name,
    years: body.years as number | undefined,
    auto_renew: body.auto_renew as boolean | undefined,
    privacy_mode: body.privacy_mode as string | undefined,
    contacts: body.contacts,
  };
}
