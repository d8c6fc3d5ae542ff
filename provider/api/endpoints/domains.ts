/** Finding names: domain search (suggestions) and domain check (the authoritative answer, with prices). */
import * as schema from "../schemas";
import { ApiArea } from "./area";

export const CHECK_BATCH_SIZE = 20;

export interface SearchParams {
  query: string;
  extensions?: string[];
  limit?: number;
}

export class DomainsApi extends ApiArea {
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
}
