/**
 * The provider's own configuration, as Configure and CheckConfig receive it (an explicit provider's
 * arguments, or the stack's `cloudflare-registrar:*` config for the default one), read through the same
 * code as the dynamic provider's stack config: one set of keys, one set of checks and messages.
 */
import { CredentialsError } from "../../api/errors";
import { redact } from "../../api/secrets";
import { type ConfigLookup, settingsFromConfig } from "../stackConfig";
import { CONFIG, PACKAGE, SECRET_CONFIG } from "./schema";

type Props = Record<string, unknown>;

/** A lookup by full key (`cloudflare-registrar:apiToken`) over the unwrapped arguments. */
export function configLookup(args: Props): ConfigLookup {
  return (key) => {
    const [namespace, name] = key.split(":");
    if (namespace !== PACKAGE || name === undefined) return undefined;
    const v = args[name];
    if (v === undefined || v === null) return undefined;
    return typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
  };
}

/**
 * The arguments from Configure: the `args` struct when the engine sends one, else the legacy
 * `variables` map (`cloudflare-registrar:config:apiToken`).
 */
export function configureArgs(args: Props | undefined, variables: Map<string, string> | Array<[string, string]>): Props {
  if (args && Object.keys(args).length > 0) return args;
  const out: Props = {};
  for (const [k, v] of variables instanceof Map ? variables : new Map(variables)) {
    const m = /^([^:]+):(?:config:)?(.+)$/.exec(k);
    if (m && m[1] === PACKAGE) out[m[2]!] = v;
  }
  return out;
}

export interface ConfigFailure {
  property: string;
  reason: string;
}

/**
 * CheckConfig's verdict: a malformed setting named with its value and fix (the message the dynamic
 * provider gives), or a key this provider does not have. A failure is attached to its property only when
 * that setting is known not to be secret, because the engine prints the value beside it: a misspelt key
 * may hold a token (`apiTokn`), so it is named in the reason instead.
 */
export function checkConfig(args: Props, env: Record<string, string | undefined> = process.env): ConfigFailure[] {
  const failures: ConfigFailure[] = [];
  for (const key of Object.keys(args)) {
    if (key === "version" || key in CONFIG) continue;
    failures.push({
      property: "",
      reason: `${key} is not a setting of the ${PACKAGE} provider. The settings are: ${Object.keys(CONFIG).join(", ")}. Remove it, or fix its spelling.`,
    });
  }
  try {
    settingsFromConfig(configLookup(args), env);
  } catch (err) {
    if (!(err instanceof CredentialsError)) throw err;
    const key = new RegExp(`${PACKAGE}:(\\w+)`).exec(err.message)?.[1] ?? "";
    failures.push({ property: SECRET_CONFIG.includes(key) ? "" : key, reason: redact(err.message) });
  }
  return failures;
}
