/**
 * Inputs used only at purchase that a domain this stack did not buy (an adoption), or bought before the
 * input was given, cannot take. Nothing sends them, no plan changes them, and a diff would show the
 * resource `unchanged`: so the preview says which ones, and what the registration has instead. Pure.
 */
import { containsUnknown } from "../domain/validation";

/** The create-only inputs `given` that the registration will not have, named for a warning (values only where not secret). */
function described(given: Record<string, unknown>, keys: readonly string[], privacyNow: unknown): string[] {
  return keys.map((k) => {
    if (k === "privacyMode") return `privacyMode ${JSON.stringify(given[k])} (the registration's is ${JSON.stringify(privacyNow)})`;
    if (k === "years") return `years ${JSON.stringify(given[k])}`;
    return k; // contacts and contact extensions are secret: named, never shown
  });
}

function warning(domain: string, how: string, items: string[]): string {
  const many = items.length > 1;
  const list = many ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : items[0]!;
  return (
    `${domain} ${how}, so ${list} ${many ? "are" : "is"} not applied: ${many ? "they are" : "it is"} used only when a domain is bought. ` +
    `Change WHOIS privacy or registrant details (or renew) in the Cloudflare dashboard, or remove ${many ? "them" : "it"} from the program to silence this.`
  );
}

const given = (v: unknown) => v !== undefined && !containsUnknown(v);

/** For a new resource about to adopt `privacyNow`'s registration: the create-only inputs it ignores. */
export function unappliedOnAdoption(domain: string, inputs: Record<string, unknown>, createOnly: readonly string[], privacyNow: unknown): string | undefined {
  const keys = createOnly.filter((k) => given(inputs[k]) && !(k === "privacyMode" && inputs[k] === privacyNow));
  return keys.length ? warning(domain, "is already in the account and is adopted, not bought", described(inputs, keys, privacyNow)) : undefined;
}

/**
 * For an existing resource (its recorded outputs `olds`): a privacyMode the registration does not have,
 * and, on an adopted one, a create-only input added after the adoption.
 */
export function unappliedInState(olds: Record<string, unknown>, news: Record<string, unknown>, createOnly: readonly string[]): string | undefined {
  const adopted = olds.quote === undefined;
  const keys = createOnly.filter((k) => {
    if (!given(news[k])) return false;
    if (k === "privacyMode") return typeof olds.privacyMode === "string" && news[k] !== olds.privacyMode;
    return adopted && olds[k] === undefined;
  });
  if (!keys.length || typeof olds.domainName !== "string") return undefined;
  return warning(olds.domainName, adopted ? "was adopted, not bought" : "is already bought", described(news, keys, olds.privacyMode));
}
