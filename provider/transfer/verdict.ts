/**
 * The transfer verdict, pure: whether a domain may be transferred in at the price domain-transfer-check
 * gives. Amounts are compared in integer micro-units, so no float rounding lets a dearer price through.
 */
import { fromMicros, toMicros } from "../domain/quote";
import type { TransferEligibility } from "../api/schemas";
import type { CheckFailure } from "../domain/validation";
import type { TransferQuote } from "./mapping";
import { reasonAdvice } from "./reasons";

export type TransferVerdict = { quote: TransferQuote } | { failures: CheckFailure[] };

export function describeTransferQuote(q: TransferQuote): string {
  const charge =
    toMicros(q.transferCost) === 0n
      ? `${q.currency} ${fromMicros(0n)} (no charge for this extension's transfers)`
      : `${q.currency} ${q.transferCost} for the transfer, which adds a year`;
  return `${charge}; renews at ${q.renewalCost}/year`;
}

/** What to do with a domain-transfer-check answer: a quote within the limit, or every reason not to transfer. */
export function transferVerdict(
  domain: string,
  accountId: string,
  extension: string,
  result: TransferEligibility | undefined,
  maxPrice: unknown,
): TransferVerdict {
  const refuse = (reason: string): TransferVerdict => ({ failures: [{ property: "domainName", reason }] });
  if (!result) return refuse(`Cloudflare did not return a transfer-check result for '${domain}': the name may be malformed.`);
  if (!result.transferable) {
    const reasons = result.reasons ?? [];
    if (!reasons.length) return refuse(`'${domain}' cannot be transferred in, and Cloudflare gave no reason. See the domain in the Cloudflare dashboard.`);
    return { failures: reasons.map((r) => reasonAdvice(r.code, { domain, accountId, extension })).map((a) => ({ property: a.property, reason: a.message })) };
  }
  if (!result.pricing)
    return refuse(
      `Cloudflare called '${domain}' transferable but gave no price, so it is not transferred: nothing is bought without a price. Run the preview again later.`,
    );
  const quote: TransferQuote = { currency: result.pricing.currency, transferCost: result.pricing.transfer_cost, renewalCost: result.pricing.renewal_cost };
  if (typeof maxPrice === "number" && toMicros(quote.transferCost) > toMicros(maxPrice)) {
    return {
      failures: [
        {
          property: "maxPrice",
          reason: `Transferring '${domain}' costs ${describeTransferQuote(quote)}, above maxPrice ${maxPrice}. Raise maxPrice if that price is acceptable.`,
        },
      ],
    };
  }
  return { quote };
}

/** Why the transfer must not start at `fresh` after the preview showed `seen`, or undefined when it may. */
export function transferRoseSincePreview(domain: string, fresh: TransferQuote, seen: TransferQuote | undefined): string | undefined {
  if (!seen) return undefined;
  if (fresh.currency === seen.currency && toMicros(fresh.transferCost) <= toMicros(seen.transferCost)) return undefined;
  return (
    `Not transferring '${domain}': the price changed from ${describeTransferQuote(seen)} (shown in the preview) to ` +
    `${describeTransferQuote(fresh)}. Run \`pulumi preview\` again to review the new price, then \`pulumi up\`.`
  );
}
