/**
 * Transfer eligibility for many domains at once, for `checkTransfers`: the client's batches of 10, each
 * reason translated into what to do. Auth codes are base64-encoded here and never returned.
 */
import type { RegistrarClient } from "../client";
import { extensionOf } from "../names";
import { normalizeDomainName } from "../validation";
import { LABELS, redactError } from "../secrets";
import { encodeAuthCode } from "./authCode";
import { reasonAdvice } from "./reasons";

export interface TransferCandidate {
  domainName: string;
  /** As the current registrar shows it; base64-encoded before sending. */
  authCode?: string;
}

export interface TransferCheck {
  name: string;
  transferable: boolean;
  pricing?: { currency: string; transferCost: string; renewalCost: string };
  /** Why not, each with what to do; empty when transferable. */
  reasons: Array<{ code: string; advice: string }>;
}

export async function checkTransferEligibility(
  client: RegistrarClient,
  candidates: readonly TransferCandidate[],
  accountId?: string,
): Promise<TransferCheck[]> {
  const account = client.accountId(accountId);
  const names = candidates.map((c) => {
    const n = normalizeDomainName(c.domainName);
    return "name" in n ? n.name : c.domainName;
  });
  const codes = candidates.flatMap((c) => (typeof c.authCode === "string" ? [{ value: c.authCode, label: LABELS.authCode }] : []));
  const answers = await client
    .transferCheck(
      candidates.map((c, i) => ({ domain_name: names[i]!, ...(c.authCode !== undefined ? { auth_code: encodeAuthCode(c.authCode) } : {}) })),
      account,
    )
    .catch((e: unknown) => {
      throw redactError(e, codes);
    });
  return names.map((name) => {
    const r = answers[name] ?? Object.values(answers).find((a) => a.name === name);
    if (!r)
      return {
        name,
        transferable: false,
        reasons: [{ code: "no_result", advice: `Cloudflare returned no transfer-check result for '${name}': the name may be malformed.` }],
      };
    return {
      name,
      transferable: r.transferable,
      ...(r.pricing ? { pricing: { currency: r.pricing.currency, transferCost: r.pricing.transfer_cost, renewalCost: r.pricing.renewal_cost } } : {}),
      reasons: (r.transferable ? [] : (r.reasons ?? [])).map((x) => ({
        code: x.code,
        advice: reasonAdvice(x.code, { domain: name, accountId: account, extension: extensionOf(name) }).message,
      })),
    };
  });
}
