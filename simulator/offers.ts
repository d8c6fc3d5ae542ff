/**
 * What the registry offers for a name: whether it can be registered, at what price, and which scenario the
 * tests configured for it. Whether a name is already held is the books' answer, asked through `held`.
 */
import { Catalogue, PREMIUM_PRICE, splitName } from "./catalogue";
import { DomainConfig, Scenario, scenarioFor } from "./scenarios";

export interface Availability {
  name: string;
  registrable: boolean;
  pricing?: { currency: string; registration_cost: string; renewal_cost: string };
  reason?: string;
  tier?: string;
}

export class Offers {
  constructor(
    readonly catalogue: Catalogue,
    private readonly domains: Map<string, DomainConfig>,
    /** Whether any account holds the name, with finished workflows applied. */
    readonly heldAnywhere: (domain: string) => boolean,
  ) {}

  domainConfig(domain: string): DomainConfig | undefined {
    return this.domains.get(domain);
  }

  scenario(domain: string): Scenario {
    return scenarioFor(domain, this.domains.get(domain));
  }

  /** What domain-check answers for a well-formed name. */
  availability(name: string): Availability {
    const { extension } = splitName(name);
    const refusal = this.catalogue.refusal(extension);
    if (refusal) return { name, registrable: false, reason: refusal };
    const scenario = this.scenario(name);
    if (scenario.kind === "extension_disallows_registration") {
      return { name, registrable: false, reason: "extension_disallows_registration" };
    }
    if (scenario.kind === "unavailable" || this.heldAnywhere(name)) {
      return { name, registrable: false, reason: "domain_unavailable" };
    }
    if (scenario.kind === "premium") return { name, registrable: false, reason: "domain_premium", tier: "premium" };
    const { registration, renewal, currency } = this.priceOf(name);
    return { name, registrable: true, tier: "standard", pricing: { currency, registration_cost: registration, renewal_cost: renewal } };
  }

  /** The per-year prices of a name on a sold extension: its configured override, else its extension's. */
  priceOf(name: string): { registration: string; renewal: string; transfer: string; currency: string } {
    const entry = this.catalogue.entry(splitName(name).extension)!;
    const override = this.domains.get(name)?.price;
    const registration = override?.registration ?? entry.registration;
    const renewal = override?.renewal ?? override?.registration ?? entry.renewal ?? entry.registration;
    return { registration, renewal, transfer: entry.transfer ?? renewal, currency: override?.currency ?? entry.currency ?? "USD" };
  }

  /** Premium prices show in search results (they are advisory there). */
  searchEntry(name: string): Availability {
    const a = this.availability(name);
    if (a.reason === "domain_premium") {
      return { ...a, pricing: { currency: "USD", registration_cost: PREMIUM_PRICE, renewal_cost: PREMIUM_PRICE } };
    }
    return a;
  }
}
