/**
 * Where the client's settings come from: an explicit option first, then the environment.
 * (The dynamic provider layers Pulumi config on top, in provider/host/stackConfig.ts.)
 */
import { CredentialsError } from "./errors";
import type { RetryPolicy } from "./retry";
import type { Clock } from "./clock";
import type { Dispatcher } from "undici";

export const DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

export interface ClientOptions {
  /** API token, sent as `Authorization: Bearer`. Env: CLOUDFLARE_API_TOKEN. */
  apiToken?: string;
  /** Legacy global API key, used with `apiEmail`. Env: CLOUDFLARE_API_KEY. */
  apiKey?: string;
  /** Legacy account email, used with `apiKey`. Env: CLOUDFLARE_EMAIL. */
  apiEmail?: string;
  /** Env: CLOUDFLARE_ACCOUNT_ID. */
  accountId?: string;
  /** Env: CLOUDFLARE_BASE_URL; default https://api.cloudflare.com/client/v4. */
  baseUrl?: string;
  /** Per-request timeout (whole request, headers and body). Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Time for the retry waits and their total bound; default the real clock. Tests pass a virtual one. */
  clock?: Clock;
  /** Environment to read; default `process.env`. */
  env?: Record<string, string | undefined>;
  userAgent?: string;
  /** Use the Registrar Sandbox (no billing, com/net only). Env: CLOUDFLARE_REGISTRAR_SANDBOX. Default false. */
  sandbox?: boolean;
  /** This process's share of the API's rate limit, spent evenly. Default 1200 (Cloudflare's limit per user). */
  requestsPerFiveMinutes?: number;
  /**
   * The undici dispatcher requests go through (a proxy agent, or a MockAgent in tests); default a keep-alive
   * agent of the client's own. The caller keeps it, and closes it: `close()` closes only the client's own. The
   * origin guard holds either way: every URL is checked against the API base before it is handed to the dispatcher.
   */
  dispatcher?: Dispatcher;
}

export type Credentials = { kind: "token"; token: string } | { kind: "key"; key: string; email: string };

function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

export function resolveCredentials(opts: ClientOptions): Credentials {
  const env = opts.env ?? process.env;
  const token = nonEmpty(opts.apiToken) ?? nonEmpty(env.CLOUDFLARE_API_TOKEN);
  if (token) return { kind: "token", token };
  const key = nonEmpty(opts.apiKey) ?? nonEmpty(env.CLOUDFLARE_API_KEY);
  const email = nonEmpty(opts.apiEmail) ?? nonEmpty(env.CLOUDFLARE_EMAIL);
  if (key && email) return { kind: "key", key, email };
  if (key || email) {
    throw new CredentialsError(
      `Cloudflare legacy API key authentication needs both the key and the email: ` +
        `${key ? "the email is missing (option apiEmail, env CLOUDFLARE_EMAIL, config cloudflare-registrar:apiEmail)" : "the key is missing (option apiKey, env CLOUDFLARE_API_KEY, config cloudflare-registrar:apiKey)"}. ` +
        `An API token is preferred: option apiToken, env CLOUDFLARE_API_TOKEN, or config cloudflare-registrar:apiToken (secret).`,
    );
  }
  throw new CredentialsError(
    "No Cloudflare API credentials found. Set an API token with Registrar permissions: the option apiToken, " +
      "the Pulumi config cloudflare-registrar:apiToken (`pulumi config set --secret cloudflare-registrar:apiToken ...`; " +
      "cloudflare:apiToken is also read), or the environment variable CLOUDFLARE_API_TOKEN. " +
      "(Legacy: CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL.)",
  );
}

/** The account id from the option, else CLOUDFLARE_ACCOUNT_ID, or undefined when neither is set. */
export function configuredAccountId(explicit: string | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  return nonEmpty(explicit) ?? nonEmpty(env.CLOUDFLARE_ACCOUNT_ID);
}

/** An account id's syntax, held alike for the `accountId` input (validation.ts) and config or env. */
export const ACCOUNT_ID = /^[0-9a-f]{32}$/;
/** What a value that fails ACCOUNT_ID is not, and what would do. */
export const NOT_AN_ACCOUNT_ID = "not a Cloudflare account id: 32 lower-case hex characters, as in https://dash.cloudflare.com/<account id>";

/** The syntax the `accountId` input is held to, for a value from `from`. */
export function checkAccountId(id: string, from: string): string {
  if (!ACCOUNT_ID.test(id)) {
    throw new CredentialsError(
      `${from} is '${id}', ${NOT_AN_ACCOUNT_ID}. ` +
        "Set it to that id (`pulumi config set cloudflare-registrar:accountId <account id>`, or the accountId input).",
    );
  }
  return id;
}

export function resolveAccountId(explicit: string | undefined, env: Record<string, string | undefined> = process.env): string {
  const id = configuredAccountId(explicit, env);
  if (!id) {
    throw new CredentialsError(
      "No Cloudflare account id. Set the accountId option (or the DomainRegistration input accountId), " +
        "the Pulumi config cloudflare-registrar:accountId, or the environment variable CLOUDFLARE_ACCOUNT_ID. " +
        "It is the 32-character id in your dashboard URL: https://dash.cloudflare.com/<account id>.",
    );
  }
  return checkAccountId(id, nonEmpty(explicit) ? "The account id (accountId, or config cloudflare-registrar:accountId)" : "Env CLOUDFLARE_ACCOUNT_ID");
}

export function resolveBaseUrl(explicit: string | undefined, env: Record<string, string | undefined> = process.env): URL {
  const raw = nonEmpty(explicit) ?? nonEmpty(env.CLOUDFLARE_BASE_URL) ?? DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CredentialsError(
      `The Cloudflare API base URL '${raw}' is not a URL. Set baseUrl (config cloudflare-registrar:baseUrl, ` +
        `env CLOUDFLARE_BASE_URL) to e.g. ${DEFAULT_BASE_URL}, or unset it.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new CredentialsError(
      `The Cloudflare API base URL '${raw}' must be http(s). Set baseUrl (config cloudflare-registrar:baseUrl, env CLOUDFLARE_BASE_URL) ` +
        `to e.g. ${DEFAULT_BASE_URL} or http://127.0.0.1:8787/client/v4, or unset it.`,
    );
  }
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}

/** The sandbox switch: the option, else CLOUDFLARE_REGISTRAR_SANDBOX (`true`/`1`/`false`/`0`). */
export function resolveSandbox(explicit: boolean | undefined, env: Record<string, string | undefined> = process.env): boolean {
  if (explicit !== undefined) return explicit;
  const raw = nonEmpty(env.CLOUDFLARE_REGISTRAR_SANDBOX)?.toLowerCase();
  if (raw === undefined || raw === "false" || raw === "0") return false;
  if (raw === "true" || raw === "1") return true;
  throw new CredentialsError(`CLOUDFLARE_REGISTRAR_SANDBOX='${raw}' is not a boolean: set it to 'true' or 'false' (or unset it).`);
}
