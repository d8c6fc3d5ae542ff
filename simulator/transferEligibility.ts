/** Whether a domain can be transferred in, as domain-transfer-check and transfer-in judge it. */
import { splitName } from "./catalogue";
import type { Offers } from "./offers";

/** One domain's transfer-check answer. */
export interface TransferEligibility {
  name: string;
  transferable: boolean;
  pricing?: { currency: string; transfer_cost: string; renewal_cost: string };
  reasons?: Array<{ code: string }>;
}

/**
 * What domain-transfer-check answers. A name can move here only if it is registered elsewhere: the
 * `taken-`/`unavailable-` scenarios, or a `transfer_refused` one that says why it cannot move yet.
 */
export function transferEligibility(
  r: Pick<Offers, "catalogue" | "priceOf" | "scenario" | "heldAnywhere" | "domainConfig">,
  name: string,
  authCode: string | undefined,
): TransferEligibility {
  const parts = splitName(name);
  if (parts.subdomain) return { name, transferable: false, reasons: [{ code: "domain_unsupported" }] };
  const refusal = r.catalogue.refusal(parts.extension);
  if (refusal) return { name, transferable: false, reasons: [{ code: refusal }] };
  const entry = r.catalogue.entry(parts.extension)!;
  const { transfer, renewal, currency } = r.priceOf(name);
  const pricing = { currency, transfer_cost: transfer, renewal_cost: renewal };
  const scenario = r.scenario(name);
  const reasons: string[] = [];
  if (r.heldAnywhere(name)) reasons.push("domain_on_cloudflare");
  else if (scenario.kind === "premium") reasons.push("domain_premium");
  else if (scenario.kind === "transfer_refused") reasons.push(...scenario.reasons);
  else if (scenario.kind !== "unavailable") reasons.push("domain_not_exists");
  // Nominet has no auth codes; the API ignores one sent for .uk names.
  if (!entry.noAuthCode && authCode !== undefined) {
    if (!isBase64(authCode)) reasons.push("invalid_auth_code_format");
    else {
      const expected = r.domainConfig(name)?.authCode;
      if (expected !== undefined && Buffer.from(authCode, "base64").toString("utf8") !== expected) reasons.push("invalid_auth_code");
    }
  }
  // Pricing comes only with `transferable: true` (the SDK's transferCheck): a price beside a refusal reads as an offer.
  return reasons.length ? { name, transferable: false, reasons: reasons.map((code) => ({ code })) } : { name, transferable: true, pricing, reasons: [] };
}

const isBase64 = (s: string) => s.length > 0 && s.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(s);
