import * as pulumi from "@pulumi/pulumi";
import { RegistrarClient } from "../provider/client";
import type { DomainAvailability as ApiAvailability } from "../provider/schemas";
import type { DomainAvailability } from "./types";

export interface LookupOptions {
  /** Default: config cloudflare-registrar:accountId, else env CLOUDFLARE_ACCOUNT_ID. */
  accountId?: string;
  /** Default: config cloudflare-registrar:apiToken, else cloudflare:apiToken, else env CLOUDFLARE_API_TOKEN. */
  apiToken?: string;
  /** Default: config cloudflare-registrar:baseUrl, else env CLOUDFLARE_BASE_URL. */
  baseUrl?: string;
}

function fromConfig(namespace: string, key: string): string | undefined {
  try {
    return new pulumi.Config(namespace).get(key);
  } catch {
    return undefined; // outside a Pulumi program: the environment decides
  }
}

async function withClient<T>(opts: LookupOptions, fn: (c: RegistrarClient) => Promise<T>): Promise<T> {
  const client = new RegistrarClient({
    apiToken: opts.apiToken ?? fromConfig("cloudflare-registrar", "apiToken") ?? fromConfig("cloudflare", "apiToken"),
    accountId: opts.accountId ?? fromConfig("cloudflare-registrar", "accountId"),
    baseUrl: opts.baseUrl ?? fromConfig("cloudflare-registrar", "baseUrl"),
  });
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

const toSdk = (d: ApiAvailability): DomainAvailability => ({
  name: d.name,
  registrable: d.registrable,
  ...(d.pricing
    ? { pricing: { currency: d.pricing.currency, registrationCost: d.pricing.registration_cost, renewalCost: d.pricing.renewal_cost } }
    : {}),
  ...(d.reason ? { reason: d.reason } : {}),
  ...(d.tier ? { tier: d.tier } : {}),
});

/** Authoritative availability and price for each domain (any number; checked 20 at a time). */
export async function checkDomains(domains: string[], opts: LookupOptions = {}): Promise<DomainAvailability[]> {
  return withClient(opts, async (c) => (await c.check(domains)).map(toSdk));
}

/** Suggestions for a keyword or name; advisory, confirm with checkDomains. */
export async function searchDomains(
  query: string,
  opts: LookupOptions & { extensions?: string[]; limit?: number } = {},
): Promise<DomainAvailability[]> {
  return withClient(opts, async (c) => (await c.search({ query, extensions: opts.extensions, limit: opts.limit })).map(toSdk));
}
