/**
 * The pricing verdict: pure decisions on whether a domain may be bought at a price. No I/O, so every
 * edge (the maxPrice boundary, a premium domain the check calls registrable, a currency that changed
 * between preview and purchase) is unit-tested directly.
 */
import { extensionOf } from "../domain/names";
import { dearerThan, describeQuote, exceeds, Quote, quoteFor } from "../domain/quote";
import type { DomainAvailability } from "../api/schemas";
import type { CheckFailure } from "../domain/validation";

export type PriceVerdict = { quote: Quote } | { failure: CheckFailure };

/** What to do with a domain-check answer: a quote within the limit, or the reason not to buy. */
export function priceVerdict(domain: string, accountId: string, result: DomainAvailability | undefined, years: number, maxPrice: unknown): PriceVerdict {
  const refuse = (reason: string): PriceVerdict => ({ failure: { property: "domainName", reason } });
  if (!result) return refuse(`Cloudflare did not return an availability result for '${domain}': the name may be malformed.`);
  if (!result.registrable || !result.pricing) {
    switch (result.reason) {
      case "domain_unavailable":
        return refuse(
          `'${domain}' is not available: it is already registered, reserved or otherwise unavailable. Choose another name (searchDomains can suggest some).`,
        );
      case "domain_premium":
        return refuse(
          `'${domain}' is a premium domain; premium registration is not supported by the Cloudflare API. Choose another name, or buy it in the dashboard and adopt it.`,
        );
      case "extension_not_supported_via_api":
        return refuse(
          `'${domain}': Cloudflare sells this extension in the dashboard but not through the API. Register it at https://dash.cloudflare.com/${accountId}/domains/registrations; this resource then adopts it.`,
        );
      case "extension_not_supported":
        return refuse(
          `'${domain}': Cloudflare Registrar does not sell '.${extensionOf(domain)}' at all, in the dashboard or through the API. Choose another extension, or register it at a registrar that sells it.`,
        );
      case "extension_disallows_registration":
        return refuse(`'${domain}': the registry for this extension has frozen new registrations. No registrar can register it now.`);
      default:
        return refuse(`'${domain}' cannot be registered through the API (reason: ${result.reason ?? "not given"}).`);
    }
  }
  // The API says never to POST a premium domain, even when the check calls it registrable.
  if (result.tier === "premium") {
    return refuse(`'${domain}' is a premium domain; premium registration is not supported by the Cloudflare API.`);
  }
  const quote = quoteFor(result.pricing, years);
  if (typeof maxPrice === "number" && exceeds(quote, maxPrice)) {
    return {
      failure: {
        property: "maxPrice",
        reason: `'${domain}' costs ${describeQuote(quote)}, above maxPrice ${maxPrice}. Raise maxPrice if that price is acceptable, or choose another name.`,
      },
    };
  }
  return { quote };
}

/** Why the purchase must not go ahead at `fresh` after the preview showed `seen`, or undefined when it may. */
export function priceRoseSincePreview(domain: string, fresh: Quote, seen: Quote | undefined): string | undefined {
  if (!seen || !dearerThan(fresh, seen)) return undefined;
  return (
    `Not registering '${domain}': the price rose from ${describeQuote(seen)} (shown in the preview) to ` +
    `${describeQuote(fresh)}. Run \`pulumi preview\` again to review the new price, then \`pulumi up\`.`
  );
}
