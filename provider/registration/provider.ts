/**
 * DomainRegistration's provider: the shared purchase lifecycle (provider/purchase/) driven by what is
 * particular to a new registration (provider/registration/).
 */
import type { ProviderSettings } from "../host/stackConfig";
import { PurchaseLifecycle } from "../purchase/lifecycle";
import { PartialStateError } from "../purchase/partial";
import type { Quote } from "../domain/quote";
import { registrationKind } from "./kind";
import type { RegistrationInputs, RegistrationOutputs } from "./mapping";

export { deleteRefusal } from "../purchase/partial";
export type { RegistrationInputs, RegistrationOutputs } from "./mapping";

/** An unfinished registration, recorded by the engine so the next `pulumi up` resumes it instead of buying again. */
export const PartialRegistrationError = PartialStateError;
export type PartialRegistrationError = PartialStateError<RegistrationOutputs>;

export class RegistrationProvider extends PurchaseLifecycle<RegistrationInputs, Quote, RegistrationOutputs> {
  constructor(settings: ProviderSettings) {
    // Per process, never in state, shared with the process's other resources: the extensions' rules, fetched once each.
    const extensions = { get: (name: string, accountId: string) => this.lookups.extensions.get(name, accountId) };
    super(registrationKind(extensions), settings);
  }
}
