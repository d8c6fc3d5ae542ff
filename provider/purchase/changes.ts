/**
 * Changes to an existing purchase that would need a second one: refused in the preview, never planned as
 * a replacement. Pure.
 */
import { isDeepStrictEqual } from "node:util";
import { CheckFailure, containsUnknown, isUnknown } from "../domain/validation";
import type { PurchaseInputs, PurchaseKind } from "./kind";

/** How a kind of purchase is named in a refusal, and which of its inputs only the purchase uses. */
export type ChangeWords = Pick<PurchaseKind<PurchaseInputs, unknown, unknown>, "noun" | "verb" | "participle" | "resource" | "createOnly">;

/** Failures for a new domain name or account, or a changed create-only input. */
export function refuseChanges(olds: Record<string, unknown>, news: Record<string, unknown>, kind: ChangeWords): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const oldName = olds.domainName as string;
  const { noun, resource } = kind;
  if (!isUnknown(news.domainName) && news.domainName !== oldName) {
    failures.push({
      property: "domainName",
      reason:
        `domainName cannot change from '${oldName}' to ${JSON.stringify(news.domainName)}: that would mean buying a second domain ` +
        `(registrations are non-refundable), so it is never planned. To ${kind.verb} another domain, add a new ${resource}; ` +
        `to stop managing '${oldName}', remove it with retainOnDelete: true or \`pulumi state delete\`.`,
    });
  }
  if (olds.accountId !== undefined && news.accountId !== undefined && !isUnknown(news.accountId) && news.accountId !== olds.accountId) {
    failures.push({
      property: "accountId",
      reason: `accountId cannot change from '${olds.accountId}' to '${news.accountId}': the ${noun} of '${oldName}' belongs to the first account. Move it between accounts in the Cloudflare dashboard, then adopt it in a new resource.`,
    });
  }
  // Objects cross the engine with their keys in any order, which deep equality does not look at.
  for (const key of kind.createOnly) {
    const [was, now] = [olds[key], news[key]];
    if (was === undefined || now === undefined || containsUnknown(now) || isDeepStrictEqual(was, now)) continue;
    const secretish = key === "contacts" || key === "contactExtensions" || key === "authCode";
    const shown = secretish ? `the ${key}` : `${key} from ${JSON.stringify(was)} to ${JSON.stringify(now)}`;
    failures.push({
      property: key,
      reason:
        `Cannot change ${shown} of '${oldName}': ${key} is used only when the domain is ${kind.participle}, and changing it would need ` +
        `a new ${noun}, which is never planned. Restore the previous value (or remove it from the program); ` +
        `change registrant details or renew in the Cloudflare dashboard.`,
    });
  }
  return failures;
}
