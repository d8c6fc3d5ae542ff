/**
 * The price of a registration's first term, computed in integer micro-units from the API's decimal
 * strings so that no float rounding can let a dearer price through.
 */
import type { DomainPricing } from "../api/schemas";

export interface Quote {
  currency: string;
  /** First-year price, as the API gave it. */
  registrationCost: string;
  /** Price of each later year and each renewal, as the API gave it. */
  renewalCost: string;
  years: number;
  /** registrationCost + renewalCost × (years − 1). */
  firstTermTotal: string;
}

const SCALE = 1_000_000n;

export function toMicros(amount: string | number): bigint {
  const text = typeof amount === "number" ? amount.toFixed(6) : amount;
  const m = /^(\d+)(?:\.(\d{1,6})\d*)?$/.exec(text.trim());
  if (!m) throw new Error(`not a decimal amount: '${text}'`);
  return BigInt(m[1]!) * SCALE + BigInt((m[2] ?? "").padEnd(6, "0"));
}

export function fromMicros(micros: bigint): string {
  const whole = micros / SCALE;
  const frac = (micros % SCALE).toString().padStart(6, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${whole}.${frac}`;
}

export function quoteFor(pricing: DomainPricing, years: number): Quote {
  const total = toMicros(pricing.registration_cost) + toMicros(pricing.renewal_cost) * BigInt(years - 1);
  return {
    currency: pricing.currency,
    registrationCost: pricing.registration_cost,
    renewalCost: pricing.renewal_cost,
    years,
    firstTermTotal: fromMicros(total),
  };
}

/** True when `quote` costs more than `limit` (in the quote's currency). */
export function exceeds(quote: Quote, limit: number): boolean {
  return toMicros(quote.firstTermTotal) > toMicros(limit);
}

/** True when `fresh` costs more than `seen` did, or is in another currency. */
export function dearerThan(fresh: Quote, seen: Quote): boolean {
  return fresh.currency !== seen.currency || toMicros(fresh.firstTermTotal) > toMicros(seen.firstTermTotal);
}

export function describeQuote(q: Quote): string {
  const term = q.years === 1 ? "1 year" : `${q.years} years`;
  return `${q.currency} ${q.firstTermTotal} for ${term} (first year ${q.registrationCost}, then ${q.renewalCost}/year; renews at ${q.renewalCost}/year)`;
}
