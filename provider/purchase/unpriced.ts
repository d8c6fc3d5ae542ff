/**
 * A preview of a new domain that this run cannot price (no credentials, or no account id) is the normal
 * case of a pull-request preview without secrets, and a silent pass there would undercut "nothing is
 * bought that the preview did not price". So it is said loudly, naming each missing setting, and the
 * `requirePricedPreview` switch makes it a failure for a job that must never approve an unpriced purchase.
 */
import type { CheckFailure } from "../domain/validation";

export const REQUIRE_PRICED_PREVIEW = "cloudflare-registrar:requirePricedPreview";
export const REQUIRE_PRICED_PREVIEW_ENV = "CLOUDFLARE_REGISTRAR_REQUIRE_PRICED_PREVIEW";

const SETTING = {
  credentials: "API token (config cloudflare-registrar:apiToken, set with --secret, or env CLOUDFLARE_API_TOKEN)",
  accountId: "account id (input accountId, config cloudflare-registrar:accountId or env CLOUDFLARE_ACCOUNT_ID)",
};

export interface Missing {
  credentials: boolean;
  accountId: boolean;
}

export type UnpricedVerdict = { warning: string } | { failure: CheckFailure };

export function unpricedPreview(domain: string, gerund: string, missing: Missing, required: boolean): UnpricedVerdict {
  const what = [missing.credentials ? SETTING.credentials : "", missing.accountId ? SETTING.accountId : ""].filter(Boolean).join(" and no ");
  const said = `${domain} was NOT PRICED: this run has no ${what}, so its availability, price and the extension's rules were not checked`;
  if (required) {
    return {
      failure: {
        property: "",
        reason: `${said}. Set ${what.includes(" and no ") ? "them" : "it"} for this run; ${REQUIRE_PRICED_PREVIEW} is true, so an unpriced preview fails.`,
      },
    };
  }
  return {
    warning:
      `${said}; \`pulumi up\` checks them before ${gerund} it. ` +
      `To fail such a preview instead, set ${REQUIRE_PRICED_PREVIEW} (or env ${REQUIRE_PRICED_PREVIEW_ENV}) to true.`,
  };
}
