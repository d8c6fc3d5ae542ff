/**
 * Transfer eligibility for many domains at once, for `checkTransfers`: the client's batches of 10, each
 * reason translated into what to do. Auth codes are base64-encoded here and never returned.
 */
import type { RegistrarClient } from "../api/client";
import { answerKey, notAnswered, planNames } from "../domain/lookupNames";
import { extensionOf } from "../domain/names";
import type { TransferEligibility } from "../api/schemas";
import { LABELS, redactError } from "../api/secrets";
import { encodeAuthCode } from "./authCode";
import { reasonAdvice } from "./reasons";

export interface TransferCandidate {
  domainName: string;
  /** As the current registrar shows it; base64-encoded before sending. */
  authCode?: string;
}

export interface TransferCheck {
  /** The domain exactly as given, so each answer matches its question. */
  name: string;
  /** The name asked about: trimmed, lower-case, ASCII (punycode for IDNs). Absent when `name` is not a domain name. */
  normalizedName?: string;
  transferable: boolean;
  pricing?: { currency: string; transferCost: string; renewalCost: string };
  /**
   * Why not, each with what to do; empty when transferable. Besides the API's codes: `name_malformed`,
   * `name_is_subdomain`, `name_is_extension` (not asked about) and `not_answered`.
   */
  reasons: Array<{ code: string; advice: string }>;
}

/**
 * One answer per candidate, in the order given. Names no registry could transfer are answered here and
 * not sent; the same name with two codes is asked in two requests, since the API answers by name.
 */
export async function checkTransferEligibility(
  client: RegistrarClient,
  candidates: readonly TransferCandidate[],
  accountId?: string,
): Promise<TransferCheck[]> {
  const account = client.accountId(accountId);
  const planned = planNames(candidates.map((c) => c.domainName));
  const questions = candidates.flatMap((c, i) => {
    const p = planned[i]!;
    return "reason" in p ? [] : [{ name: p.name, authCode: c.authCode }];
  });
  // Rounds in which each name appears once; within a round, each (name, code) question is asked once.
  const rounds: Array<Map<string, string | undefined>> = [];
  for (const q of questions) {
    if (rounds.some((r) => r.has(q.name) && r.get(q.name) === q.authCode)) continue;
    const round = rounds.find((r) => !r.has(q.name)) ?? rounds[rounds.push(new Map()) - 1]!;
    round.set(q.name, q.authCode);
  }
  const answers = new Map<string, TransferEligibility>();
  // A refused request's message may quote what was sent: the codes are hidden in every form they were sent in.
  const codes = candidates.flatMap((c) => (typeof c.authCode === "string" ? [{ value: c.authCode, label: LABELS.authCode }] : []));
  const key = (name: string, code: string | undefined) => `${name}\u0000${code === undefined ? "" : encodeAuthCode(code)}`;
  for (const round of rounds) {
    const asked = [...round].map(([name, code]) => ({ domain_name: name, ...(code !== undefined ? { auth_code: encodeAuthCode(code) } : {}) }));
    const result = await client.transferCheck(asked, account).catch((e: unknown) => {
      throw redactError(e, codes);
    });
    for (const [name, code] of round) {
      const r = result[name] ?? Object.values(result).find((a) => a.name !== undefined && answerKey(a.name) === name);
      if (r) answers.set(key(name, code), r);
    }
  }
  return candidates.map((c, i): TransferCheck => {
    const p = planned[i]!;
    const given = { name: p.given, ...(p.name !== undefined ? { normalizedName: p.name } : {}) };
    if ("reason" in p) return { ...given, transferable: false, reasons: [{ code: p.reason, advice: p.advice }] };
    const r = answers.get(key(p.name, c.authCode));
    if (!r) {
      const why = notAnswered(p.name, "domain-transfer-check");
      return { ...given, transferable: false, reasons: [{ code: why.reason, advice: why.advice }] };
    }
    return {
      ...given,
      transferable: r.transferable,
      ...(r.pricing ? { pricing: { currency: r.pricing.currency, transferCost: r.pricing.transfer_cost, renewalCost: r.pricing.renewal_cost } } : {}),
      reasons: (r.transferable ? [] : (r.reasons ?? [])).map((x) => ({
        code: x.code,
        advice: reasonAdvice(x.code, { domain: p.name, accountId: account, extension: extensionOf(p.name) }).message,
      })),
    };
  });
}
