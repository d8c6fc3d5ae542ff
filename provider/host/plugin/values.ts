/**
 * Property values as the engine sends and takes them from a provider that accepts secrets: a secret is
 * `{ [SIG]: SECRET, value }` anywhere in the tree, an unknown is a fixed string (left as it is: the
 * lifecycle reads it). Pure: the server unwraps on the way in and wraps on the way out.
 */
import { SECRET_INPUTS } from "../../api/secrets";

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** The dynamic provider's field in state: a resource moved here by an alias still carries it. */
export const DYNAMIC_PROVIDER_FIELD = "__provider";

type Props = Record<string, unknown>;

const isSecret = (v: unknown): v is { value?: unknown } => !!v && typeof v === "object" && (v as Props)[SIG_KEY] === SECRET_SIG;

function plain(v: unknown, found: { secret: boolean }): unknown {
  if (isSecret(v)) {
    found.secret = true;
    return plain(v.value, found);
  }
  if (Array.isArray(v)) return v.map((x) => plain(x, found));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, found)]));
  return v;
}

/** The values without their secret markers, and the top-level keys that held a secret anywhere inside. */
export function unwrapSecrets(props: Props | undefined): { values: Props; secretKeys: Set<string> } {
  const values: Props = {};
  const secretKeys = new Set<string>();
  for (const [k, v] of Object.entries(props ?? {})) {
    if (k === DYNAMIC_PROVIDER_FIELD) continue;
    const found = { secret: false };
    values[k] = plain(v, found);
    if (found.secret) secretKeys.add(k);
  }
  return { values, secretKeys };
}

/**
 * The values with `alwaysSecret` keys (and any that arrived secret) marked secret, so the engine encrypts
 * them in state and never prints them. Absent values stay absent.
 */
export function wrapSecrets(values: Props, secretKeys: Iterable<string> = [], alwaysSecret: readonly string[] = SECRET_INPUTS): Props {
  const secret = new Set([...secretKeys, ...alwaysSecret]);
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, secret.has(k) && !isSecret(v) ? { [SIG_KEY]: SECRET_SIG, value: v } : v]),
  );
}
