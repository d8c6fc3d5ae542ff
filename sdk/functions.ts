import * as pulumi from "@pulumi/pulumi";
import { RegistrarClient } from "../provider/client";
import { settingsFromConfig } from "../provider/config";
import type { DomainAvailability as ApiAvailability } from "../provider/schemas";
import type { DomainAvailability } from "./types";

export interface LookupOptions {
  /** Default: config cloudflare-registrar:accountId, else env CLOUDFLARE_ACCOUNT_ID. */
  accountId?: string;
  /** Default: config cloudflare-registrar:apiToken, else cloudflare:apiToken, else env CLOUDFLARE_API_TOKEN. */
  apiToken?: string;
  /** Default: config cloudflare-registrar:baseUrl, else env CLOUDFLARE_BASE_URL. */
  baseUrl?: string;
  /** Use the Registrar Sandbox. Default: config cloudflare-registrar:sandbox, else env CLOUDFLARE_REGISTRAR_SANDBOX, else false. */
  sandbox?: boolean;
}

/** A full config key ("namespace:name") from the program's stack config. */
function fromConfig(key: string): string | undefined {
  const [namespace, name] = key.split(":") as [string, string];
  try {
    return new pulumi.Config(namespace).get(name);
  } catch {
    return undefined; // outside a Pulumi program: the environment decides
  }
}

async function withClient<T>(opts: LookupOptions, fn: (c: RegistrarClient) => Promise<T>): Promise<T> {
  // The same config keys, in the same order, as the resource's provider reads.
  const { client: fromStack } = settingsFromConfig(fromConfig);
  const client = new RegistrarClient({
    ...fromStack,
    apiToken: opts.apiToken ?? fromStack.apiToken,
    accountId: opts.accountId ?? fromStack.accountId,
    baseUrl: opts.baseUrl ?? fromStack.baseUrl,
    sandbox: opts.sandbox ?? fromStack.sandbox,
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

export type { TransferCandidate, TransferCheck } from "../provider/transfer/check";

/**
 * Whether each domain can be transferred in, at what price, and, when it cannot, each reason with what to
 * do (any number of names; checked 10 at a time). Auth codes are given as the current registrar shows them.
 */
export async function checkTransfers(
  domains: Array<import("../provider/transfer/check").TransferCandidate>,
  opts: LookupOptions = {},
): Promise<Array<import("../provider/transfer/check").TransferCheck>> {
  // Loaded when called: a program that only declares resources never loads the HTTP client.
  const { RegistrarClient: Client } = require("../provider/client") as typeof import("../provider/client");
  const { checkTransferEligibility } = require("../provider/transfer/check") as typeof import("../provider/transfer/check");
  const { client: fromStack } = settingsFromConfig(fromConfig);
  const client = new Client({
    ...fromStack,
    apiToken: opts.apiToken ?? fromStack.apiToken,
    accountId: opts.accountId ?? fromStack.accountId,
    baseUrl: opts.baseUrl ?? fromStack.baseUrl,
    sandbox: opts.sandbox ?? fromStack.sandbox,
  });
  try {
    return await checkTransferEligibility(client, domains, opts.accountId);
  } finally {
    await client.close();
  }
}
