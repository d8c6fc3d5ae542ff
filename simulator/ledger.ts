/**
 * What the simulated accounts were charged. Registrations are non-refundable, so tests assert the amount
 * a purchase really cost (the minimum term when `years` was omitted), not only that it happened.
 */
import type { Namespace } from "./catalogue";

export interface Charge {
  accountId: string;
  domain: string;
  kind: "registration" | "transfer";
  years: number;
  /** Decimal string, as the API prices: registration_cost + renewal_cost × (years − 1), or transfer_cost. */
  amount: string;
  currency: string;
  /** The sandbox records charges too (nothing real is billed), so tests can see what it would cost. */
  namespace: Namespace;
  at: string;
}

export class Ledger {
  private readonly charges: Charge[] = [];

  record(charge: Charge): void {
    this.charges.push(charge);
  }

  list(filter: Partial<Pick<Charge, "accountId" | "domain" | "namespace">> = {}): Charge[] {
    return this.charges.filter(
      (c) =>
        (!filter.accountId || c.accountId === filter.accountId) &&
        (!filter.domain || c.domain === filter.domain) &&
        (!filter.namespace || c.namespace === filter.namespace),
    );
  }
}

const SCALE = 1_000_000n;

/** A decimal price string in exact micro-units. */
export function toMicros(price: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(price);
  if (!m) throw new Error(`not a price: '${price}'`);
  return BigInt(m[1]!) * SCALE + BigInt((m[2] ?? "").padEnd(6, "0"));
}

/** Micro-units as a decimal string with at least two places ("20.88", "0.125"). */
export function fromMicros(micros: bigint): string {
  const whole = micros / SCALE;
  const frac = (micros % SCALE).toString().padStart(6, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${whole}.${frac}`;
}

export function termCost(registration: string, renewal: string, years: number): string {
  return fromMicros(toMicros(registration) + toMicros(renewal) * BigInt(years - 1));
}
