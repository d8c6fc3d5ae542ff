/**
 * What to do about each reason domain-transfer-check gives for a domain that cannot move here. Pure: the
 * words for the preview's failures and for `checkTransfers`. The API's own description of each code is in
 * the SDK (registrar.d.ts, `Reason.code`); this adds the fix, because "domain_locked" alone does not say
 * where the lock is or how to lift it.
 */
import type { TransferReason } from "../api/schemas";

export interface ReasonContext {
  domain: string;
  accountId: string;
  /** The extension, e.g. `co.uk`. */
  extension: string;
}

export interface Advice {
  code: TransferReason;
  /** The input to fix: `authCode` for a code problem, else `domainName`. */
  property: "domainName" | "authCode";
  /** What is wrong and what to do, naming the domain. */
  message: string;
}

type Explain = (c: ReasonContext) => string;

const ADVICE: Record<string, { property?: "authCode"; explain: Explain }> = {
  extension_not_supported_via_api: {
    explain: (c) =>
      `Cloudflare takes '.${c.extension}' transfers in the dashboard but not through the API. Start it at https://dash.cloudflare.com/${c.accountId}/domains/transfer; once it is in the account, this resource adopts it.`,
  },
  extension_not_supported: {
    explain: (c) => `Cloudflare Registrar does not support '.${c.extension}' at all, so it cannot be transferred here. Keep it at its current registrar.`,
  },
  domain_premium: {
    explain: (c) =>
      `'${c.domain}' is a premium domain, and the API does not transfer premium domains. Transfer it in the dashboard (https://dash.cloudflare.com/${c.accountId}/domains/transfer); this resource then adopts it.`,
  },
  extension_disallows_transfer: {
    explain: (c) => `the registry for '.${c.extension}' is not accepting transfers at the moment. No registrar can take it now; try again later.`,
  },
  domain_not_exists: {
    explain: (c) =>
      `'${c.domain}' is not registered anywhere, so there is nothing to transfer. Check the spelling, or register it with DomainRegistration instead.`,
  },
  domain_on_cloudflare: {
    explain: (c) =>
      `'${c.domain}' is already registered at Cloudflare. If it is in this account, declare it with DomainRegistration (which adopts it); if it is in another Cloudflare account, move it between accounts in the dashboard.`,
  },
  domain_locked: {
    explain: (c) =>
      `'${c.domain}' is locked at its current registrar (clientTransferProhibited). Unlock it there (often "Domain lock" or "Transfer lock" in their control panel), wait a few minutes, then run the preview again.`,
  },
  registry_status: {
    explain: (c) =>
      `the registry's status for '${c.domain}' blocks a transfer (for example a transfer or a deletion already pending, or a server hold). Ask the current registrar what status the domain has and to clear it; run the preview again afterwards.`,
  },
  domain_outside_transfer_window: {
    explain: (c) =>
      `'${c.domain}' is inside a transfer wait window: ICANN forbids moving a domain within 60 days of its registration or its previous transfer (and many registrars after a registrant change). The registry does not say the date here; it is 60 days after the creation or last-transfer date the current registrar shows (or RDAP/WHOIS). Run \`pulumi up\` again after that date.`,
  },
  domain_max_term: {
    explain: (c) =>
      `a transfer adds a year to '${c.domain}', and that would exceed the registry's 10-year maximum. Wait until the expiry date is less than 9 years away, then transfer.`,
  },
  invalid_auth_code: {
    property: "authCode",
    explain: (c) =>
      `the current registrar rejected the auth code (authCode) given for '${c.domain}'. Get the current code from the current registrar (codes expire and change when regenerated), set it again with \`pulumi config set --secret\`, and run the preview again.`,
  },
  invalid_auth_code_format: {
    property: "authCode",
    explain: (c) =>
      `the auth code (authCode) for '${c.domain}' did not reach Cloudflare in the expected form. Give the code exactly as the current registrar shows it (this package base64-encodes it); if it was already base64-encoded, give the original instead.`,
  },
  dnssec_enabled: {
    explain: (c) =>
      `DNSSEC is enabled for '${c.domain}'. Turn it off first: remove the DS record at the current registrar and disable DNSSEC on the zone, wait for the DS record's TTL, then run the preview again. Turn it back on in Cloudflare after the transfer.`,
  },
  zone_not_found: {
    explain: (c) =>
      `account ${c.accountId} has no Cloudflare zone for '${c.domain}', and a transfer needs one. Declare it first, with @pulumi/cloudflare: \`new cloudflare.Zone("zone", { account: { id }, name: "${c.domain}" })\`, and give this resource \`{ dependsOn: [zone] }\`.`,
  },
  zone_status_invalid: {
    explain: (c) =>
      `the Cloudflare zone for '${c.domain}' is not in a state that allows a transfer (for example pending or moved). Finish setting it up so that it is active (its nameservers pointing at Cloudflare), then run the preview again.`,
  },
  invalid_zone_plan: {
    explain: (c) =>
      `the plan of the Cloudflare zone for '${c.domain}' does not allow a registrar transfer. Change the zone's plan in the dashboard, then run the preview again.`,
  },
  domain_unsupported: {
    explain: (c) =>
      `'${c.domain}' is not a name this endpoint accepts (a subdomain or a malformed name). Give the registrable name, such as 'example.${c.extension}'.`,
  },
};

/** What to do about one reason code, naming the domain; a code this package does not know is shown as given. */
export function reasonAdvice(code: TransferReason, c: ReasonContext): Advice {
  const known = ADVICE[code];
  if (!known) {
    return {
      code,
      property: "domainName",
      message: `'${c.domain}' cannot be transferred in (reason: ${code}). See the domain in the Cloudflare dashboard for what it needs.`,
    };
  }
  return { code, property: known.property ?? "domainName", message: `Cannot transfer '${c.domain}' [${code}]: ${known.explain(c)}` };
}

/** Every code this module explains: the 17 the SDK lists. */
export const EXPLAINED_REASONS: readonly string[] = Object.keys(ADVICE);
