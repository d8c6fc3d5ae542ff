/**
 * Provider settings from Pulumi stack config (as the dynamic-provider host hands it to `configure`),
 * falling back to the environment. The token is read here, at run time in the provider process,
 * and never becomes part of the serialized provider, an input or state.
 */
import { CredentialsError } from "../api/errors";
import { DEFAULT_EXPIRY_WARNING_DAYS } from "../domain/renewal";
import { checkAccountId, resolveBaseUrl, resolveSandbox } from "../api/clientOptions";
import type { PollOptions } from "../workflow/poll";
import type { ClientOptions } from "../api/clientOptions";

export interface ProviderSettings {
  client: ClientOptions;
  poll?: PollOptions;
  /**
   * How long create awaits a transfer-in workflow before it returns `transfer_pending` (refresh follows it
   * from there): transfers take days, and `pulumi up` must not. Default 60 s.
   */
  transferWaitMs?: number;
  /** Where the provider reports progress and quotes; the engine shows the provider's stderr. */
  log?: (message: string) => void;
  /** Where warnings go. Default: the engine, at warning severity (provider/host/engineLog.ts); with only `log` given, `log`. */
  warn?: (message: string) => void;
  /** Fail, rather than warn about, the preview of a new domain that this run cannot price (no credentials or account id). */
  requirePricedPreview?: boolean;
  /** Expiry and status warnings: how many days ahead, and whether they fail the run instead. */
  renewal?: { warningDays: number; fail: boolean };
  /** Milliseconds since the epoch; the renewal warnings' "today". Default Date.now. */
  now?: () => number;
}

export type ConfigLookup = (key: string) => string | undefined;

type Env = Record<string, string | undefined>;

/** A setting's value from the first config key that has one, and where it came from; else from `envName`. */
function reader(get: ConfigLookup, env: Env) {
  const first = (...keys: string[]) => {
    for (const k of keys) {
      const v = get(k);
      if (typeof v === "string" && v.trim() !== "") return v.trim();
    }
    return undefined;
  };
  const setting = (key: string, envName?: string): { raw: string; from: string } | undefined => {
    const raw = first(key);
    if (raw !== undefined) return { raw, from: `Config ${key}` };
    return envName && env[envName]?.trim() ? { raw: env[envName]!.trim(), from: `Env ${envName}` } : undefined;
  };
  return { first, setting };
}

/**
 * The client's settings: `options` (the SDK functions' explicit ones) first, then stack config, then the
 * environment. Only what the client will use is checked, so a malformed value that an option overrides,
 * or that only the resource provider reads, does not fail the call.
 */
export function clientSettingsFromConfig(get: ConfigLookup, env: Env = process.env, options: Partial<ClientOptions> = {}): ClientOptions {
  const { first, setting } = reader(get, env);
  // Each value is checked here, as strictly as the equivalent input, so a malformed one fails with its
  // name and fix instead of reaching the API (or being taken for "no credentials").
  const given = options.accountId?.trim() || undefined;
  const accountId = given ?? first("cloudflare-registrar:accountId");
  const account = given !== undefined ? { raw: given, from: "Option accountId" } : setting("cloudflare-registrar:accountId", "CLOUDFLARE_ACCOUNT_ID");
  if (account) checkAccountId(account.raw, account.from);
  const baseUrl = options.baseUrl ?? first("cloudflare-registrar:baseUrl");
  resolveBaseUrl(baseUrl, env);
  const sandbox = options.sandbox ?? booleanSetting("cloudflare-registrar:sandbox", first("cloudflare-registrar:sandbox"));
  resolveSandbox(sandbox, env);
  return {
    apiToken: options.apiToken ?? first("cloudflare-registrar:apiToken", "cloudflare:apiToken"),
    apiKey: options.apiKey ?? first("cloudflare-registrar:apiKey", "cloudflare:apiKey"),
    apiEmail: options.apiEmail ?? first("cloudflare-registrar:apiEmail", "cloudflare:email"),
    accountId,
    baseUrl,
    sandbox,
    requestsPerFiveMinutes: options.requestsPerFiveMinutes ?? requestBudget(first("cloudflare-registrar:requestsPerFiveMinutes")),
    env,
  };
}

export function settingsFromConfig(get: ConfigLookup, env: Env = process.env): ProviderSettings {
  const { setting } = reader(get, env);
  const client = clientSettingsFromConfig(get, env);
  const timeout = setting("cloudflare-registrar:workflowTimeoutSeconds", "CLOUDFLARE_REGISTRAR_WORKFLOW_TIMEOUT_SECONDS");
  const timeoutMs = seconds("cloudflare-registrar:workflowTimeoutSeconds", timeout?.raw, timeout?.from, { positive: true });
  const transferWait = setting("cloudflare-registrar:transferWaitSeconds", "CLOUDFLARE_REGISTRAR_TRANSFER_WAIT_SECONDS");
  return {
    transferWaitMs: seconds("cloudflare-registrar:transferWaitSeconds", transferWait?.raw, transferWait?.from),
    client,
    poll: timeoutMs !== undefined ? { deadlineMs: timeoutMs } : undefined,
    requirePricedPreview:
      booleanSetting(
        "cloudflare-registrar:requirePricedPreview",
        setting("cloudflare-registrar:requirePricedPreview", "CLOUDFLARE_REGISTRAR_REQUIRE_PRICED_PREVIEW"),
      ) ?? false,
    renewal: {
      warningDays: wholeDays(
        "cloudflare-registrar:expiryWarningDays",
        setting("cloudflare-registrar:expiryWarningDays", "CLOUDFLARE_REGISTRAR_EXPIRY_WARNING_DAYS"),
      ),
      fail:
        booleanSetting(
          "cloudflare-registrar:failOnExpiryWarning",
          setting("cloudflare-registrar:failOnExpiryWarning", "CLOUDFLARE_REGISTRAR_FAIL_ON_EXPIRY_WARNING"),
        ) ?? false,
    },
  };
}

/** A number of seconds, in ms: non-negative (0 means "do not wait"), or with `positive`, above 0. */
function seconds(key: string, raw: string | undefined, from = `Config ${key}`, { positive = false } = {}): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (positive && n === 0)) {
    const example = positive ? `\`pulumi config set ${key} 600\` (the default)` : `\`pulumi config set ${key} 60\` (0 returns at once)`;
    throw new CredentialsError(`${from} is '${raw}', not a ${positive ? "positive " : ""}number of seconds: ${example}.`);
  }
  return n * 1000;
}

/** A value and where it came from (`Config <key>` or `Env <NAME>`), for messages that name the real source. */
type Sourced = { raw: string; from: string } | undefined;

/** `true` or `false`; an environment variable's in any case. */
function booleanSetting(key: string, value: Sourced | string): boolean | undefined {
  const v = typeof value === "string" ? { raw: value, from: `Config ${key}` } : value;
  if (v === undefined) return undefined;
  const raw = v.from.startsWith("Env ") ? v.raw.toLowerCase() : v.raw;
  if (raw === "true") return true;
  if (raw === "false") return false;
  const fix = v.from.startsWith("Env ") ? `set it to true or false, or \`pulumi config set ${key} true\`` : `\`pulumi config set ${key} true\` (or false)`;
  throw new CredentialsError(`${v.from} is '${v.raw}', not a boolean: ${fix}.`);
}

function requestBudget(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 20) {
    throw new CredentialsError(
      `Config cloudflare-registrar:requestsPerFiveMinutes is '${raw}', not a whole number of requests of at least 20: ` +
        "`pulumi config set cloudflare-registrar:requestsPerFiveMinutes 1200` (Cloudflare's limit per user, the default), or less to leave room for other tools using the same token.",
    );
  }
  return n;
}

function wholeDays(key: string, value: Sourced): number {
  if (value === undefined) return DEFAULT_EXPIRY_WARNING_DAYS;
  const { raw, from } = value;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw new CredentialsError(
      `${from} is '${raw}', not a whole number of days: \`pulumi config set ${key} 30\` (the default), or 0 to warn only once a domain has expired.`,
    );
  }
  return n;
}
