/**
 * The accounts' registrations as stored: one map per account, in creation order. Reading them as the API
 * does (with finished workflows applied first) is the registry's job; these are the raw books it settles into.
 */
import { SimError } from "./envelope";
import { normalizeName } from "./names";

/** Registration.status, as the API lists it. */
export type RegistrationStatus = "active" | "registration_pending" | "transfer_pending" | "expired" | "suspended" | "redemption_period" | "pending_delete";

export interface SimRegistration {
  domain_name: string;
  status: RegistrationStatus | string;
  auto_renew: boolean;
  locked: boolean;
  privacy_mode: string;
  created_at: string | null;
  expires_at: string | null;
  /** Order of creation, for sorting by registry_created_at. */
  seq: number;
  years: number;
  contacts?: unknown;
  contact_extensions?: Record<string, string>;
  acknowledgements?: Record<string, true>;
}

export const addYears = (ms: number, years: number) => {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
};

export class Books {
  private readonly registrations = new Map<string, Map<string, SimRegistration>>();
  private seq = 0;

  /** The account's registrations, created empty on first use. */
  account(accountId: string): Map<string, SimRegistration> {
    let regs = this.registrations.get(accountId);
    if (!regs) this.registrations.set(accountId, (regs = new Map()));
    return regs;
  }

  find(accountId: string, domain: string): SimRegistration | undefined {
    return this.registrations.get(accountId)?.get(domain);
  }

  /** Whether any account holds the domain (registered or in flight). */
  heldAnywhere(domain: string): boolean {
    for (const regs of this.registrations.values()) if (regs.has(domain)) return true;
    return false;
  }

  /** A new registration at the end of the creation order. */
  add(accountId: string, reg: Omit<SimRegistration, "seq">): SimRegistration {
    const full = { ...reg, seq: ++this.seq };
    this.account(accountId).set(reg.domain_name, full);
    return full;
  }

  seed(accountId: string, reg: Partial<SimRegistration> & { domain_name: string }, now: number): SimRegistration {
    const domain = normalizeName(reg.domain_name);
    if (!domain) throw new SimError(400, 10003, `Invalid domain_name '${reg.domain_name}'`);
    const inFlight = reg.status === "transfer_pending" || reg.status === "registration_pending";
    return this.add(accountId, {
      status: "active",
      auto_renew: false,
      locked: true,
      privacy_mode: "redaction",
      created_at: new Date(now).toISOString(),
      // The API may return null for a domain still being registered or transferred.
      expires_at: inFlight ? null : addYears(now, 1),
      years: 1,
      ...reg,
      domain_name: domain,
    });
  }

  /** An out-of-band change, as if made in the dashboard or by the registry. */
  patchOutOfBand(accountId: string, domain: string, change: Partial<SimRegistration>): SimRegistration {
    const reg = this.find(accountId, domain);
    if (!reg) throw new SimError(404, 10404, `No registration for ${domain} in this account`);
    Object.assign(reg, change, { domain_name: reg.domain_name, seq: reg.seq });
    return reg;
  }

  /** A registration that lapsed and was deleted by the registry: the name is free for anyone again. */
  release(accountId: string, domain: string): boolean {
    return this.registrations.get(accountId)?.delete(domain) ?? false;
  }
}

export function publicRegistration(reg: SimRegistration): Record<string, unknown> {
  return {
    domain_name: reg.domain_name,
    status: reg.status,
    auto_renew: reg.auto_renew,
    locked: reg.locked,
    privacy_mode: reg.privacy_mode,
    created_at: reg.created_at,
    expires_at: reg.expires_at,
  };
}
