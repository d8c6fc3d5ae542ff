/**
 * Domain-check and domain-search for programs. The client (and with it undici and zod) is loaded on the
 * first call, not on import: most programs only declare resources, and the SDK should cost them nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import type { RegistrarClient } from "../provider/api/client";
import type { DomainAvailability } from "./types";

/** Where `checkDomains` and `searchDomains` send their requests, and as whom. */
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

/** The options of `searchDomains`: where to ask, and what to ask for. */
export interface SearchOptions extends LookupOptions {
  /** Extensions to suggest names under, without the dot (e.g. `["com", "dev"]`); default: the API's choice. */
  extensions?: string[];
  /** The most suggestions to return; default: the API's. */
  limit?: number;
}

/** {@link LookupOptions} whose values may be `pulumi.Input`s (a secret token from config, an account id from another resource). */
export type LookupOutputOptions = { [K in keyof LookupOptions]?: pulumi.Input<NonNullable<LookupOptions[K]>> };

/** {@link SearchOptions} whose values may be `pulumi.Input`s. */
export type SearchOutputOptions = LookupOutputOptions & {
  /** Extensions to suggest names under, without the dot (e.g. `["com", "dev"]`); default: the API's choice. */
  extensions?: pulumi.Input<pulumi.Input<string>[]>;
  /** The most suggestions to return; default: the API's. */
  limit?: pulumi.Input<number>;
};

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
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see the module comment */
  const { RegistrarClient } = require("../provider/api/client") as typeof import("../provider/api/client");
  const { clientSettingsFromConfig } = require("../provider/host/stackConfig") as typeof import("../provider/host/stackConfig");
  /* eslint-enable @typescript-eslint/no-require-imports */
  let client: RegistrarClient | undefined;
  try {
    // The same config keys, in the same order, as the resource's provider reads; only what is used is checked.
    const { apiToken, accountId, baseUrl, sandbox } = opts;
    client = new RegistrarClient(clientSettingsFromConfig(fromConfig, process.env, { apiToken, accountId, baseUrl, sandbox }));
    return await fn(client);
  } catch (err) {
    // Redacted as the provider's messages are (provider/api/secrets.ts): the program prints what this throws.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see the module comment
    throw (require("../provider/api/secrets") as typeof import("../provider/api/secrets")).redactError(err);
  } finally {
    await client?.close();
  }
}

/**
 * Authoritative availability and price for each domain, from Cloudflare's domain-check (any number of
 * names; checked 20 at a time). Reads the same credentials as the resource unless `opts` gives them.
 *
 * @param domains The domains to check, e.g. `["example.com", "example.dev"]`.
 * @param opts Credentials, account and endpoint; default: the stack's config, then the environment.
 * @returns One answer per name given, in the order given, each `name` exactly as given (`normalizedName`
 *   is the name asked about). A name that cannot be registered as written (malformed, a subdomain, a bare
 *   extension) is not sent: its answer has `registrable: false`, a `reason` and `advice`.
 */
export async function checkDomains(domains: string[], opts: LookupOptions = {}): Promise<DomainAvailability[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, like the client
  const { checkDomainsWith } = require("../provider/host/lookups") as typeof import("../provider/host/lookups");
  return withClient(opts, (c) => checkDomainsWith(c, domains));
}

/**
 * Suggestions for a keyword or name, from Cloudflare's domain-search. Advisory: confirm a name with
 * `checkDomains` before relying on its availability or price.
 *
 * @param query A keyword or a name, e.g. `"rocket"`.
 * @param opts What to search (extensions, limit), and credentials, account and endpoint as for `checkDomains`.
 */
export async function searchDomains(query: string, opts: SearchOptions = {}): Promise<DomainAvailability[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, like the client
  const { searchDomainsWith } = require("../provider/host/lookups") as typeof import("../provider/host/lookups");
  return withClient(opts, (c) => searchDomainsWith(c, { query, extensions: opts.extensions, limit: opts.limit }));
}

/**
 * `checkDomains` for `pulumi.Input`s: the check runs once every input is known (not during a preview in
 * which one is unknown), and the result is secret if an input was (e.g. a token from secret config).
 *
 * @example
 * const names = pulumi.output(["example.com", "example.dev"]);
 * export const free = checkDomainsOutput(names).apply((ds) => ds.filter((d) => d.registrable).map((d) => d.name));
 */
export function checkDomainsOutput(domains: pulumi.Input<pulumi.Input<string>[]>, opts: LookupOutputOptions = {}): pulumi.Output<DomainAvailability[]> {
  return pulumi.output({ domains, opts }).apply(({ domains, opts }) => checkDomains(domains, opts));
}

/**
 * `searchDomains` for `pulumi.Input`s: the search runs once every input is known, and the result is
 * secret if an input was.
 */
export function searchDomainsOutput(query: pulumi.Input<string>, opts: SearchOutputOptions = {}): pulumi.Output<DomainAvailability[]> {
  return pulumi.output({ query, opts }).apply(({ query, opts }) => searchDomains(query, opts));
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
  return withClient(opts, async (c) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, like the client
    const { checkTransferEligibility } = require("../provider/transfer/check") as typeof import("../provider/transfer/check");
    return checkTransferEligibility(c, domains, opts.accountId);
  });
}
