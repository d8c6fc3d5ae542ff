/**
 * Will this domain lapse? A pure reading of what the state already says (status, autoRenew, expiresAt),
 * so every preview and refresh can warn at no API cost, and the SDK can derive `daysUntilExpiry` and
 * `renewalRisk` in the program without writing a daily-changing value into state.
 */

export type RenewalRisk = "none" | "expiring" | "lapsed";

export interface RenewalFacts {
  domainName: string;
  status?: string;
  autoRenew?: boolean;
  expiresAt?: string | null;
}

export interface RenewalAssessment {
  /** Whole days until `expiresAt` (negative once past), or null while it is unknown (pending). */
  daysUntilExpiry: number | null;
  risk: RenewalRisk;
  /** What to tell the user, naming the domain and the one thing to do; absent when all is well. */
  warning?: string;
}

export const DEFAULT_EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

const LAPSED: Record<string, string> = {
  expired:
    "has EXPIRED and may stop resolving at any time. Renew it now in the Cloudflare dashboard (Domain Registration > Manage): " +
    "this is the last chance before it enters the redemption period, where restoring costs far more",
  redemption_period:
    "is in the REDEMPTION PERIOD: it has lapsed and will be deleted and released to the public. This is the last chance: " +
    "restore it now in the Cloudflare dashboard (Domain Registration > Manage); restoring carries the registry's redemption fee on top of a renewal",
  pending_delete:
    "is PENDING DELETE: the registry will release it to the public within days and it can no longer be renewed or restored. " +
    "If you still need it, be ready to register it again the moment it is released",
};

export function daysUntil(expiresAt: string | null | undefined, now: number): number | null {
  if (!expiresAt) return null;
  const at = Date.parse(expiresAt);
  return Number.isNaN(at) ? null : Math.floor((at - now) / DAY_MS);
}

export function assessRenewal(facts: RenewalFacts, now: number, thresholdDays: number = DEFAULT_EXPIRY_WARNING_DAYS): RenewalAssessment {
  const days = daysUntil(facts.expiresAt, now);
  const d = facts.domainName;
  const lapsed = facts.status ? LAPSED[facts.status] : undefined;
  if (lapsed) return { daysUntilExpiry: days, risk: "lapsed", warning: `${d} ${lapsed}.` };
  if (facts.status === "suspended") {
    return {
      daysUntilExpiry: days,
      risk: "none",
      warning: `${d} is SUSPENDED by its registry: it does not resolve. Look in the Cloudflare dashboard (Domain Registration > Manage) and the registrant's email for the registry's notice, usually a contact verification or an abuse report.`,
    };
  }
  if (facts.autoRenew === false && days !== null && days <= thresholdDays) {
    const when =
      days < 0 ? `expired ${-days} day${days === -1 ? "" : "s"} ago` : days === 0 ? "expires today" : `expires in ${days} day${days === 1 ? "" : "s"}`;
    return { daysUntilExpiry: days, risk: "expiring", warning: `${d} ${when} and will not renew; set autoRenew: true or renew in the dashboard.` };
  }
  return { daysUntilExpiry: days, risk: "none" };
}
