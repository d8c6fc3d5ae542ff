/**
 * What is particular to transferring a domain in: its price and eligibility come from
 * domain-transfer-check, the body must satisfy the extension's `transfer_schema`, the purchase is
 * POST /registrations/{domain}/transfer-in, and create waits only briefly, because a transfer takes days
 * (the losing registrar has five to approve it) and refresh follows it from there.
 */
import { answerKey } from "../domain/lookupNames";
import type { ExtensionCatalogue } from "../purchase/lookups/extensionCatalogue";
import { NotFoundError } from "../api/errors";
import { extensionOf } from "../domain/names";
import type { PurchaseContext, PurchaseKind, Priced } from "../purchase/kind";
import type { Extension } from "../api/schemas";
import { CheckFailure, containsUnknown, isUnknown, validateInputs } from "../domain/validation";
import { LABELS, redactError } from "../api/secrets";
import { TRANSFER_PENDING } from "./inFlight";
import { REGISTRATION_PENDING } from "../registration/inFlight";
import { authCodeProblem, encodeAuthCode } from "./authCode";
import { pendingTransferOutputs, transferBody, TransferInputs, TransferOutputs, TransferQuote, transferOutputs, transferReadInputs } from "./mapping";
import { describeTransferQuote, transferRoseSincePreview, transferVerdict } from "./verdict";

export const DEFAULT_TRANSFER_WAIT_MS = 60_000;

/** Inputs of DomainRegistration that a transfer does not have. */
const NOT_FOR_TRANSFERS: Record<string, string> = {
  years: "a transfer always adds one year to the registration",
  acknowledgements: "the transfer-in body takes none",
};

/** Normalise and validate the inputs; no I/O. The auth code is judged without ever being repeated. */
export function validateTransferInputs(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const { authCode, ...rest } = news;
  const { inputs, failures } = validateInputs(rest);
  for (const [key, why] of Object.entries(NOT_FOR_TRANSFERS)) {
    if (news[key] !== undefined) failures.push({ property: key, reason: `${key} is not an input of DomainTransfer: ${why}. Remove it.` });
  }
  if (authCode !== undefined) {
    inputs.authCode = authCode;
    const problem = isUnknown(authCode) ? undefined : authCodeProblem(authCode);
    if (problem) failures.push({ property: "authCode", reason: problem });
  }
  return { inputs, failures };
}

/** The code as a secret to hide, for the two requests that carry it. */
function codeOf(inputs: TransferInputs) {
  return typeof inputs.authCode === "string" ? [{ value: inputs.authCode, label: LABELS.authCode }] : [];
}

/** Whether the extension's transfer schema has an auth code; without a schema, send what was given. */
function takesAuthCode(rules: Extension | undefined): boolean {
  const schema = rules?.transfer_schema as { properties?: Record<string, unknown> } | undefined;
  return schema?.properties === undefined || "auth_code" in schema.properties;
}

export function transferKind(
  extensions: Pick<ExtensionCatalogue, "get">,
  waitMs: () => number | undefined,
): PurchaseKind<TransferInputs, TransferQuote, TransferOutputs> {
  /** The transfer body as it would be sent, and what the extension's transfer schema says of it. */
  async function plan(ctx: PurchaseContext, inputs: TransferInputs, accountId: string) {
    const extension = extensionOf(inputs.domainName);
    const rules = await extensions.get(extension, accountId);
    const withCode = takesAuthCode(rules);
    const failures: CheckFailure[] = [];
    if (rules?.transfer_schema !== undefined && !containsUnknown(inputs)) {
      // Loaded on first use, as registration's is: ajv costs ~50 ms of start-up that an unchanged preview never needs.
      const { schemaFailures } = require("../domain/extensionSchema") as typeof import("../domain/extensionSchema");
      const found = schemaFailures(rules.transfer_schema, transferBody(inputs, withCode), extension, { purpose: "transfers", secret: ["auth_code"] });
      if (found === undefined)
        ctx.log(
          `${inputs.domainName}: the API's transfer schema for '.${extension}' could not be read, so its rules were not checked here; Cloudflare checks them before the transfer starts.`,
        );
      for (const f of found ?? []) {
        // The schema's "give a string" says nothing of where the code comes from.
        if (f.property === "authCode" && inputs.authCode === undefined) {
          failures.push({
            property: "authCode",
            reason: `authCode is required to transfer '.${extension}' domains: the auth (EPP) code from the current registrar, exactly as it shows it. Keep it in secret config (\`pulumi config set --secret authCode <code>\`) and pass it to the resource.`,
          });
        } else failures.push(f);
      }
    }
    if (!withCode && inputs.authCode !== undefined)
      ctx.log(`${inputs.domainName}: '.${extension}' transfers take no auth code, so the authCode given is not sent.`);
    return { extension, withCode, failures };
  }

  return {
    noun: "transfer",
    gerund: "transferring",
    eligible: "transferable",
    verb: "transfer",
    participle: "transferred",
    resource: "DomainTransfer",
    pending: TRANSFER_PENDING,
    inFlight: [REGISTRATION_PENDING, TRANSFER_PENDING],
    // The auth code is not among them: it matters only when the transfer starts, and codes are rotated.
    createOnly: ["privacyMode", "contacts", "contactExtensions"],
    onDeadline: "pending",
    stateOutput: "transferState",
    followInRead: true,
    afterFailure:
      "The transfer is over and will not be retried automatically; nothing was charged. Fix what the reason names at the current registrar (lock, auth code), then run pulumi up again to start a new transfer.",
    deleteNote: "The API cannot cancel a transfer in, and a landed transfer is a registration like any other.",
    validate: validateTransferInputs,

    async price(ctx, inputs, accountId): Promise<Priced<TransferQuote>> {
      const domain = inputs.domainName;
      if (ctx.client.sandbox) {
        return {
          failures: [
            {
              property: "domainName",
              reason: `Cannot transfer '${domain}' in the Registrar Sandbox: it has no transfer endpoints (only search, check, registrations and extensions). Turn cloudflare-registrar:sandbox off to transfer for real, or try it against the local simulator (README).`,
            },
          ],
        };
      }
      const p = await plan(ctx, inputs, accountId);
      const code = p.withCode && typeof inputs.authCode === "string" && !isUnknown(inputs.authCode) ? { auth_code: encodeAuthCode(inputs.authCode) } : {};
      const answer = await ctx.client.transferCheck([{ domain_name: domain, ...code }], accountId).catch((e: unknown) => {
        throw redactError(e, codeOf(inputs));
      });
      const result = answer[domain] ?? Object.values(answer).find((r) => r.name !== undefined && answerKey(r.name) === domain);
      const verdict = transferVerdict(domain, accountId, p.extension, result, inputs.maxPrice);
      if ("failures" in verdict) return { failures: [...p.failures, ...verdict.failures] };
      if (p.failures.length) return { failures: p.failures };
      return { quote: verdict.quote };
    },
    roseSincePreview: transferRoseSincePreview,
    describeQuote: describeTransferQuote,

    async start(ctx, inputs, accountId) {
      const rules = await extensions.get(extensionOf(inputs.domainName), accountId);
      try {
        return (await ctx.client.transferIn(inputs.domainName, transferBody(inputs, takesAuthCode(rules)), { accountId })).workflow;
      } catch (err) {
        throw redactError(err, codeOf(inputs));
      }
    },
    async status(ctx, domain, accountId) {
      try {
        return await ctx.client.transferInStatus(domain, accountId);
      } catch (err) {
        // A domain moved in some other way (the dashboard) may have no workflow here to follow.
        if (err instanceof NotFoundError) return undefined;
        throw err;
      }
    },
    // The ceilings are the API's: every 30 s while pending or in progress, every 30 minutes while blocked on the
    // losing registrar; create's default 60 s wait reaches neither. Starting at 0.5 s and waiting a quarter of the
    // time waited so far, it notices a transfer that lands in its first 4 s within a second, and a later one within
    // a quarter of the time waited, instead of sleeping out transferWaitSeconds.
    poll: { initialIntervalMs: 500, maxIntervalMs: 30_000, blockedIntervalMs: 30 * 60_000 },
    awaitMs: () => waitMs() ?? DEFAULT_TRANSFER_WAIT_MS,

    outputs: transferOutputs,
    pendingOutputs: pendingTransferOutputs,
    readInputs: transferReadInputs,
  };
}
