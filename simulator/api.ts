/**
 * The API's handlers, free of HTTP: a parsed request in, `{status, body, headers}` out. The same handlers
 * serve both namespaces; each namespace has its own registry (state) and catalogue (what it sells).
 */
import { Namespace, splitName } from "./catalogue";
import type { Clock } from "./clock";
import { answer, ApiResponse, envelope, fail, failure, SimError } from "./envelope";
import { normalizeName } from "./names";
import { compareBy, page, readPage } from "./pagination";
import type { RateLimiter } from "./rateLimit";
import { publicRegistration, Registry, SimRegistration } from "./registry";
import type { Route } from "./routes";
import { getExtension, listExtensions } from "./extensions";
import { search } from "./search";
import { transferCheck, transferIn, transferInStatus } from "./transfers";
import { validateCreate } from "./validate";

export interface ApiRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ApiContext {
  clock: Clock;
  registries: Record<Namespace, Registry>;
  tokens: Record<string, string[] | "*">;
  legacyKeys: Array<{ key: string; email: string }>;
  accounts: ReadonlySet<string>;
  waitWindowMs: number;
  pageSize: number;
  rateLimiter?: RateLimiter;
  /** Creates whose answer the lost_answer scenario already dropped once. */
  lostOnce: Set<string>;
}

const header = (req: ApiRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
};

export async function handleApi(ctx: ApiContext, route: Route | undefined, req: ApiRequest): Promise<ApiResponse> {
  if (!route) {
    const status = ["GET", "POST", "PATCH"].includes(req.method) ? 404 : 405;
    return answer(status, failure(7003, `Could not route to ${req.url.pathname}, perhaps your object identifier is invalid?`));
  }
  try {
    const credential = authenticate(ctx, req, route.accountId);
    const limited = ctx.rateLimiter?.take(credential);
    if (limited) return limited;
    let body: Record<string, unknown> = {};
    if (req.method !== "GET" && req.body) {
      try {
        body = JSON.parse(req.body);
      } catch {
        throw new SimError(400, 10002, "Request body is not valid JSON");
      }
      if (!body || typeof body !== "object" || Array.isArray(body)) throw new SimError(400, 10002, "Request body must be a JSON object");
    }
    return await dispatch(ctx, route, req, body);
  } catch (err) {
    if (err instanceof SimError) return fail(err);
    throw err;
  }
}

/** Who is calling, as a key for the rate limiter; throws 401/403 as the API does. */
function authenticate(ctx: ApiContext, req: ApiRequest, accountId: string): string {
  const auth = header(req, "authorization");
  let allowed: string[] | "*" | undefined;
  let credential = "";
  if (auth?.startsWith("Bearer ")) {
    credential = auth.slice(7);
    allowed = Object.hasOwn(ctx.tokens, credential) ? ctx.tokens[credential] : undefined;
  } else if (header(req, "x-auth-key") && header(req, "x-auth-email")) {
    const ok = ctx.legacyKeys.some((k) => k.key === header(req, "x-auth-key") && k.email === header(req, "x-auth-email"));
    credential = `key:${header(req, "x-auth-email")}`;
    allowed = ok ? "*" : undefined;
  }
  if (!allowed) throw new SimError(401, 10000, "Authentication error");
  if (!ctx.accounts.has(accountId) || (allowed !== "*" && !allowed.includes(accountId))) {
    throw new SimError(403, 9109, "Unauthorized to access requested resource");
  }
  return credential;
}

async function dispatch(ctx: ApiContext, route: Route, req: ApiRequest, body: Record<string, unknown>): Promise<ApiResponse> {
  const { accountId } = route;
  const r = ctx.registries[route.namespace];
  const domain = () => {
    const name = normalizeName(decodeURIComponent(route.subject!));
    if (!name) throw new SimError(400, 10003, `Invalid domain name '${route.subject}'`);
    return name;
  };
  switch (route.endpoint) {
    case "domain-search":
      return answer(200, envelope({ domains: search(r, req.url) }));
    case "domain-check":
      return answer(200, envelope({ domains: check(r, body) }));
    case "create-registration":
      return create(ctx, r, accountId, req, body);
    case "list-registrations":
      return listRegistrations(ctx, r, accountId, req.url);
    case "get-registration": {
      const name = domain();
      const reg = r.get(accountId, name);
      if (!reg) throw new SimError(404, 10404, `No registration for ${name} in this account`);
      return answer(200, envelope(publicRegistration(reg)));
    }
    case "update-registration": {
      const extra = Object.keys(body).filter((k) => k !== "auto_renew");
      if (extra.length) throw new SimError(400, 10006, `Only auto_renew can be updated; not ${extra.join(", ")}`);
      // auto_renew is optional (the SDK's own example sends an empty body): an edit that changes nothing still succeeds.
      if (body.auto_renew !== undefined && typeof body.auto_renew !== "boolean") {
        throw new SimError(400, 10007, `auto_renew: must be a boolean; got ${JSON.stringify(body.auto_renew)}`);
      }
      const wf = r.updateRegistration(accountId, domain(), { auto_renew: body.auto_renew });
      const { finished, async } = await waitFor(ctx, r, wf, req);
      return answer(finished ? 200 : 202, envelope(r.workflowJson(wf)), async);
    }
    case "registration-status": {
      const name = domain();
      const wf = r.registrationWorkflow(accountId, name);
      if (!wf) throw new SimError(404, 10404, `No registration workflow for ${name}`);
      return answer(200, envelope(r.workflowJson(wf)));
    }
    case "update-status": {
      const name = domain();
      const wf = r.updateWorkflow(accountId, name);
      if (!wf) throw new SimError(404, 10404, `No update workflow for ${name}`);
      return answer(200, envelope(r.workflowJson(wf)));
    }
    case "list-extensions":
      return listExtensions(r.catalogue, { url: req.url, ifNoneMatch: header(req, "if-none-match") }, ctx.pageSize);
    case "get-extension":
      return getExtension(r.catalogue, decodeURIComponent(route.subject!), { url: req.url, ifNoneMatch: header(req, "if-none-match") });
    case "transfer-check":
      return transferCheck(r, body);
    case "transfer-in":
      return transferIn(r, accountId, domain(), body);
    case "transfer-in-status":
      return transferInStatus(r, accountId, domain());
  }
}

function check(r: Registry, body: Record<string, unknown>) {
  const domains = body.domains;
  if (!Array.isArray(domains) || domains.length === 0) throw new SimError(400, 10004, "domains must be a non-empty array of domain names");
  if (domains.length > 20) throw new SimError(400, 10005, `At most 20 domains per request; got ${domains.length}`);
  return domains.flatMap((d) => {
    const name = typeof d === "string" ? normalizeName(d) : undefined;
    // Malformed names, subdomains among them, may be left out of the answer, as the reference allows.
    return name && !splitName(name).subdomain ? [r.availability(name)] : [];
  });
}

async function create(ctx: ApiContext, r: Registry, accountId: string, req: ApiRequest, body: Record<string, unknown>): Promise<ApiResponse> {
  const payload = validateCreate(body, r.catalogue, accountId);
  const wf = r.createRegistration(accountId, payload);
  const key = `${r.namespace}/${accountId}/${payload.domain_name}`;
  if (r.scenario(payload.domain_name).kind === "lost_answer" && !ctx.lostOnce.has(key)) {
    ctx.lostOnce.add(key);
    return { status: 0, dropAfter: true };
  }
  const { finished, async } = await waitFor(ctx, r, wf, req);
  return answer(finished ? 201 : 202, envelope(r.workflowJson(wf)), async);
}

/**
 * Hold the connection while the workflow may finish, as the real API does, unless asked not to. The
 * window is measured in time slept on the clock, so it ends whether or not that clock's `now` moves.
 */
async function waitFor(ctx: ApiContext, r: Registry, wf: Parameters<Registry["stateOf"]>[0], req: ApiRequest) {
  const state = () => r.stateOf(wf).state;
  const terminal = () => state() === "succeeded" || state() === "failed";
  // An applied respond-async is an immediate 202 (RFC 7240, the SDK's create and edit), even for a workflow
  // that is already over: `Preference-Applied` beside a 200/201 would claim a preference the status denies.
  if (/respond-async/i.test(header(req, "prefer") ?? "")) return { finished: false, async: { "preference-applied": "respond-async" } };
  let slept = 0;
  while (!terminal() && state() !== "action_required" && slept < ctx.waitWindowMs) {
    const step = Math.min(20, ctx.waitWindowMs - slept);
    await ctx.clock.sleep(step);
    slept += step;
  }
  return { finished: terminal(), async: undefined };
}

function listRegistrations(ctx: ApiContext, r: Registry, accountId: string, url: URL): ApiResponse {
  const p = readPage(url, ["registry_created_at", "registry_expires_at", "name"] as const, "registry_created_at", ctx.pageSize);
  const key = (x: SimRegistration): string | number =>
    p.sortBy === "name" ? x.domain_name : p.sortBy === "registry_expires_at" ? (x.expires_at ?? "9999") : x.seq;
  const all = r.list(accountId).sort(compareBy(key, p.direction, (x) => x.seq));
  const { items, resultInfo } = page(all, p);
  return answer(200, envelope(items.map(publicRegistration), resultInfo));
}
