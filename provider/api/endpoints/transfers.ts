/** Moving a domain in: whether it can move, and the transfer itself (billable on success). */
import * as schema from "../schemas";
import { ApiArea, WorkflowAnswer } from "./area";
import type { CreateRegistrationBody } from "./registrations";

/** domain-transfer-check takes at most 10 domains per request. */
export const TRANSFER_CHECK_BATCH_SIZE = 10;

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

export class TransfersApi extends ApiArea {
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

  async transferIn(domain: string, body: TransferInBody, options: { accountId?: string } = {}): Promise<WorkflowAnswer> {
    const answer = await this.send({
      endpoint: "transfer-in",
      method: "POST",
      path: this.registrationPath(domain, options.accountId, "/transfer-in"),
      body,
      // Billable like Create Registration: the transport sends it again only if it provably never left.
      idempotent: false,
      domain,
    });
    return { httpStatus: answer.status, workflow: this.parseWorkflow(answer, "transfer-in") };
  }
}
