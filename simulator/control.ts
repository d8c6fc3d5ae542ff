/**
 * The control API under /__simulator: how tests and demos in another process steer the simulator.
 * No auth (it listens on loopback). Seeding routes take an optional namespace segment:
 * `/__simulator/registrar-sandbox/accounts/{id}/...` reaches the sandbox's books.
 */
import type { Namespace } from "./catalogue";
import { answer, ApiResponse, envelope, fail, failure, SimError } from "./envelope";
import type { FaultRule } from "./faults";
import type { Charge } from "./ledger";
import { publicRegistration, Registry } from "./registry";
import type { DomainConfig } from "./scenarios";

export const CONTROL_PREFIX = "/__simulator";

export interface ControlTarget {
  requests(): unknown[];
  clearRequests(): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setDomain(domain: string, config: DomainConfig | undefined): void;
  charges(): Charge[];
  registryFor(namespace: Namespace): Registry;
}

export function handleControl(sim: ControlTarget, method: string, url: URL, rawBody: string): ApiResponse {
  let body: Record<string, unknown> = {};
  try {
    if (rawBody) body = JSON.parse(rawBody);
  } catch {
    return answer(400, failure(10002, "Request body is not valid JSON"));
  }
  const path = url.pathname.slice(CONTROL_PREFIX.length);
  const ok = (result: unknown = {}) => answer(200, envelope(result ?? {}));
  try {
    if (path === "/requests" && method === "GET") return ok(sim.requests());
    if (path === "/requests" && method === "DELETE") return ok(sim.clearRequests());
    if (path === "/faults" && method === "POST") return ok(sim.addFault(body as unknown as FaultRule));
    if (path === "/faults" && method === "DELETE") return ok(sim.clearFaults());
    if (path === "/charges" && method === "GET") return ok(sim.charges());
    let m = path.match(/^\/domains\/([^/]+)$/);
    if (m && method === "PUT") return ok(sim.setDomain(decodeURIComponent(m[1]!), body as DomainConfig));
    if (m && method === "DELETE") return ok(sim.setDomain(decodeURIComponent(m[1]!), undefined));

    m = path.match(/^(?:\/(registrar|registrar-sandbox))?\/accounts\/([^/]+)\/registrations(?:\/([^/]+))?(\/resolve)?$/);
    if (m) {
      const registry = sim.registryFor((m[1] as Namespace | undefined) ?? "registrar");
      const [account, domain, resolve] = [decodeURIComponent(m[2]!), m[3] && decodeURIComponent(m[3]), m[4]];
      if (!domain && method === "POST") return ok(publicRegistration(registry.seed(account, body as never)));
      if (domain && resolve && method === "POST") return ok(registry.resolveAction(account, domain));
      if (domain && !resolve && method === "PATCH") return ok(publicRegistration(registry.patchOutOfBand(account, domain, body)));
    }
    return answer(404, failure(7003, `No control route ${method} ${url.pathname}`));
  } catch (err) {
    if (err instanceof SimError) return fail(err);
    throw err;
  }
}
