/**
 * What is particular to buying a new registration: its price comes from domain-check for the term the
 * extension's schema sets, the body must satisfy that schema, and the purchase is POST /registrations.
 */
import type { ExtensionCatalogue } from "../purchase/lookups/extensionCatalogue";
import { extensionOf } from "../domain/names";
import { describeQuote, Quote } from "../domain/quote";
import type { PurchaseContext, PurchaseKind, Priced } from "../purchase/kind";
import { CheckFailure, containsUnknown, isUnknown, validateInputs } from "../domain/validation";
import { REGISTRATION_PENDING } from "./inFlight";
import { TRANSFER_PENDING } from "../transfer/inFlight";
import { priceRoseSincePreview, priceVerdict } from "./verdict";
import { createBody, pendingRegistrationOutputs, registrationOutputs, registrationReadInputs, RegistrationInputs, RegistrationOutputs } from "./mapping";

/**
 * The term to buy and what the extension's schema says of the body that would be sent. The term is the
 * input, else the preview's quote, else the extension's published minimum, else 1: never the API's
 * unstated default, so the price shown is the price charged.
 */
async function purchasePlan(
  ctx: PurchaseContext,
  extensions: Pick<ExtensionCatalogue, "get">,
  inputs: RegistrationInputs,
  accountId: string,
): Promise<{ years: number; failures: CheckFailure[] }> {
  // Loaded on first use: ajv costs ~50 ms of start-up that an unchanged preview never needs.
  const { minimumTerm, schemaFailures } = require("../domain/extensionSchema") as typeof import("../domain/extensionSchema");
  const extension = extensionOf(inputs.domainName);
  const rules = await extensions.get(extension, accountId);
  const years = isUnknown(inputs.years) ? 1 : (inputs.years ?? inputs.quote?.years ?? minimumTerm(rules?.registration_schema) ?? 1);
  if (!rules || containsUnknown(inputs)) return { years, failures: [] };
  const failures = schemaFailures(rules.registration_schema, createBody(inputs, years), extension);
  if (failures === undefined)
    ctx.log(
      `${inputs.domainName}: the API's schema for '.${extension}' could not be read, so its rules were not checked here; Cloudflare checks them before any charge.`,
    );
  return { years, failures: failures ?? [] };
}

export function registrationKind(extensions: Pick<ExtensionCatalogue, "get">): PurchaseKind<RegistrationInputs, Quote, RegistrationOutputs> {
  return {
    noun: "registration",
    gerund: "registering",
    verb: "register",
    participle: "registered",
    resource: "DomainRegistration",
    pending: REGISTRATION_PENDING,
    inFlight: [REGISTRATION_PENDING, TRANSFER_PENDING],
    createOnly: ["years", "privacyMode", "contacts", "contactExtensions", "acknowledgements"],
    validate: validateInputs,

    async price(ctx, inputs, accountId): Promise<Priced<Quote>> {
      const domain = inputs.domainName;
      const plan = await purchasePlan(ctx, extensions, inputs, accountId);
      const verdict = priceVerdict(domain, accountId, await ctx.domainCheck(domain, accountId), plan.years, inputs.maxPrice);
      if ("failure" in verdict) return { failures: [...plan.failures, verdict.failure] };
      if (plan.failures.length) return { failures: plan.failures };
      return { quote: verdict.quote };
    },
    roseSincePreview: priceRoseSincePreview,
    describeQuote,

    async start(ctx, inputs, accountId, quote) {
      return (await ctx.client.createRegistration(createBody(inputs, quote.years), { accountId })).workflow;
    },
    status: (ctx, domain, accountId) => ctx.client.registrationStatus(domain, accountId),

    outputs: registrationOutputs,
    pendingOutputs: pendingRegistrationOutputs,
    readInputs: registrationReadInputs,
  };
}
