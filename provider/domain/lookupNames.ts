/**
 * Names as a program gives them to `checkDomains` and `checkTransfers`, before anything is asked: each is
 * normalised as the `domainName` input is, and one that no registry could sell (malformed, a subdomain, a
 * bare extension) gets its reason here instead of going to the API, which leaves such names out of its
 * answer without a word. Pure: the functions map answers back onto the names as given, in their order.
 */
import { normalizeDomainName, registrableProblem } from "./validation";

/** Why a name was not asked about, or got no answer; codes apart from the API's own reasons. */
export type LocalReason = "name_malformed" | "name_is_subdomain" | "name_is_extension" | "not_answered";

export type Planned = { given: string; name: string } | { given: string; name?: string; reason: LocalReason; advice: string };

/** Each name as given, with its normalised form, or why it cannot be asked about. */
export function planNames(given: readonly unknown[]): Planned[] {
  return given.map((raw) => {
    const shown = typeof raw === "string" ? raw : String(raw);
    const n = normalizeDomainName(raw);
    // The shared messages name the resource's input; here the name is one of a list.
    if ("reason" in n) return { given: shown, reason: "name_malformed", advice: n.reason.replace(/^domainName /, "") };
    const problem = registrableProblem(n.name);
    if (problem === undefined) return { given: shown, name: n.name };
    return {
      given: shown,
      name: n.name,
      reason: problem.includes("is a subdomain") ? "name_is_subdomain" : "name_is_extension",
      advice: problem.replace(/^domainName /, ""),
    };
  });
}

/** The normalised names worth asking about, each once, in the order first given. */
export function namesToAsk(planned: readonly Planned[]): string[] {
  return [...new Set(planned.flatMap((p) => ("reason" in p ? [] : [p.name])))];
}

/** The reason for a name the API was asked about but left out of its answer. */
export function notAnswered(name: string, endpoint: string): { reason: "not_answered"; advice: string } {
  return {
    reason: "not_answered",
    advice: `Cloudflare's ${endpoint} gave no answer for '${name}' (it leaves out names it cannot read): check the spelling, then ask again.`,
  };
}

/** The key an API answer is matched on: its name normalised as the question's was. */
export function answerKey(name: string): string {
  const n = normalizeDomainName(name);
  return "name" in n ? n.name : name;
}
