/**
 * What `checkDomains` and `searchDomains` answer, given a client: shared by the SDK's functions (the
 * program's process) and the plugin's invokes, so both hosts answer alike.
 */
import type { RegistrarClient } from "../api/client";
import type { DomainAvailability as ApiAvailability } from "../api/schemas";
import { answerKey, namesToAsk, notAnswered, planNames } from "../domain/lookupNames";

/** One domain's answer, in the SDK's names (sdk/types.ts `DomainAvailability`). */
export interface Availability {
  name: string;
  normalizedName?: string;
  registrable: boolean;
  pricing?: { currency: string; registrationCost: string; renewalCost: string };
  reason?: string;
  advice?: string;
  tier?: string;
}

const toSdk = (d: ApiAvailability): Availability => ({
  name: d.name,
  registrable: d.registrable,
  ...(d.pricing ? { pricing: { currency: d.pricing.currency, registrationCost: d.pricing.registration_cost, renewalCost: d.pricing.renewal_cost } } : {}),
  ...(d.reason ? { reason: d.reason } : {}),
  ...(d.tier ? { tier: d.tier } : {}),
});

/** One answer per name given, in order; names that cannot be registered as written are answered here, not sent. */
export async function checkDomainsWith(c: RegistrarClient, domains: readonly string[], accountId?: string): Promise<Availability[]> {
  const planned = planNames([...domains]);
  const asked = namesToAsk(planned);
  const answers = new Map((asked.length > 0 ? await c.check(asked, accountId) : []).map((a) => [answerKey(a.name), a]));
  return planned.map((p): Availability => {
    const answer = "reason" in p ? undefined : answers.get(p.name);
    if (answer) return { ...toSdk(answer), name: p.given, normalizedName: p.name };
    const why = "reason" in p ? p : notAnswered(p.name, "domain-check");
    return { name: p.given, ...(p.name !== undefined ? { normalizedName: p.name } : {}), registrable: false, reason: why.reason, advice: why.advice };
  });
}

export async function searchDomainsWith(c: RegistrarClient, query: { query: string; extensions?: string[]; limit?: number }): Promise<Availability[]> {
  return (await c.search(query)).map(toSdk);
}
