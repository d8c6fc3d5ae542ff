/** Transfers in: domain-transfer-check, transfer-in and its status workflow (production API only). */
import { answer, ApiResponse, envelope, SimError } from "./envelope";
import { normalizeName } from "./names";
import type { Registry } from "./registry";
import { transferEligibility, TransferEligibility } from "./transferEligibility";
import { validateTransfer } from "./validate";

export const MAX_TRANSFER_CHECK = 10;

/** Up to 10 `{domain_name, auth_code?}`; the answer is a map keyed by domain name. */
export function transferCheck(r: Registry, body: Record<string, unknown>): ApiResponse {
  const domains = body.domains;
  if (!Array.isArray(domains) || domains.length === 0) throw new SimError(400, 10004, "domains must be a non-empty array of {domain_name, auth_code?}");
  if (domains.length > MAX_TRANSFER_CHECK) throw new SimError(400, 10005, `At most ${MAX_TRANSFER_CHECK} domains per request; got ${domains.length}`);
  const out: Record<string, TransferEligibility> = {};
  domains.forEach((d, i) => {
    const item = d as { domain_name?: unknown; auth_code?: unknown } | null;
    if (!item || typeof item.domain_name !== "string") throw new SimError(400, 10004, `domains[${i}].domain_name: is required, a fully qualified domain name`);
    if (item.auth_code !== undefined && typeof item.auth_code !== "string") throw new SimError(400, 10004, `domains[${i}].auth_code: must be a base64 string`);
    const name = normalizeName(item.domain_name);
    out[name ?? item.domain_name] = name
      ? transferEligibility(r, name, item.auth_code as string | undefined)
      : { name: item.domain_name, transferable: false, reasons: [{ code: "domain_unsupported" }] };
  });
  return answer(200, envelope({ domains: out }));
}

/** Starting a transfer always answers 202: transfers take days. */
export function transferIn(r: Registry, accountId: string, domain: string, body: Record<string, unknown>): ApiResponse {
  const wf = r.startTransfer(accountId, validateTransfer(domain, body, r.catalogue, accountId));
  return answer(202, envelope(r.workflowJson(wf)));
}

export function transferInStatus(r: Registry, accountId: string, domain: string): ApiResponse {
  const wf = r.transferWorkflow(accountId, domain);
  if (!wf) throw new SimError(404, 10404, `No transfer-in workflow for ${domain}`);
  return answer(200, envelope(r.workflowJson(wf)));
}
