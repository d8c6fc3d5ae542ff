/**
 * The state mapping of a registration, pure: the inputs in the SDK's names to the create body in the API's
 * wire names (so the body that would be sent is validated in the preview exactly as it will be sent), and
 * a registration as Cloudflare reports it to the outputs in state.
 */
import type { CreateRegistrationBody, RegistrantContact } from "../client";
import type { Quote } from "../quote";
import type { Registration, RegistrationStatus } from "../schemas";
import { CONTACT_ROLES, type Contact, type RegistrationArgs } from "../validation";

/** Inputs as stored in state (the SDK's names). */
export interface RegistrationInputs extends RegistrationArgs {
  /** Added by check: the price the preview showed. */
  quote?: Quote;
}

export interface RegistrationOutputs extends RegistrationInputs {
  domainName: string;
  autoRenew: boolean;
  accountId: string;
  status: RegistrationStatus;
  createdAt: string | null;
  expiresAt: string | null;
  locked: boolean;
  privacyMode: string;
  /** The privacyMode input as given, kept apart from the registration's actual privacyMode. */
  requestedPrivacyMode?: string;
  /** Set while a registration workflow has not finished: its last state. */
  workflowState?: string;
}

type WithRequested = RegistrationInputs & { requestedPrivacyMode?: string };

/** Outputs from the registration as Cloudflare reports it, with the inputs that only the program knows. */
export function registrationOutputs(inputs: WithRequested, accountId: string, reg: Registration, quote: Quote | undefined): RegistrationOutputs {
  const requested = "requestedPrivacyMode" in inputs ? inputs.requestedPrivacyMode : inputs.privacyMode;
  const outs: RegistrationOutputs = {
    domainName: reg.domain_name,
    accountId,
    autoRenew: reg.auto_renew,
    status: reg.status,
    createdAt: reg.created_at ?? null,
    expiresAt: reg.expires_at ?? null,
    locked: reg.locked,
    privacyMode: reg.privacy_mode,
  };
  if (requested !== undefined) outs.requestedPrivacyMode = requested;
  if (inputs.years !== undefined) outs.years = inputs.years;
  if (inputs.contacts !== undefined) outs.contacts = inputs.contacts;
  if (inputs.contactExtensions !== undefined) outs.contactExtensions = inputs.contactExtensions;
  if (inputs.acknowledgements !== undefined) outs.acknowledgements = inputs.acknowledgements;
  if (inputs.maxPrice !== undefined) outs.maxPrice = inputs.maxPrice;
  if (quote !== undefined) outs.quote = quote;
  return outs;
}

/** Outputs while a registration is in flight: what the program asked for, nothing settled yet. */
export function pendingRegistrationOutputs(inputs: RegistrationInputs, accountId: string, quote: Quote | undefined, state: string): RegistrationOutputs {
  const pending: Registration = {
    domain_name: inputs.domainName,
    status: "registration_pending",
    auto_renew: inputs.autoRenew ?? false,
    locked: false,
    privacy_mode: inputs.privacyMode ?? "redaction",
    created_at: null,
    expires_at: null,
  };
  return { ...registrationOutputs(inputs, accountId, pending, quote), workflowState: state };
}

/** The inputs a refresh reports: the registration's own values, and the create-only inputs as recorded. */
export function registrationReadInputs(previous: RegistrationOutputs, reg: Registration, accountId: string): WithRequested {
  return {
    domainName: reg.domain_name,
    autoRenew: reg.auto_renew,
    accountId,
    ...(previous.years !== undefined ? { years: previous.years } : {}),
    ...(previous.requestedPrivacyMode !== undefined ? { privacyMode: previous.requestedPrivacyMode, requestedPrivacyMode: previous.requestedPrivacyMode } : {}),
    ...(previous.contacts !== undefined ? { contacts: previous.contacts } : {}),
    ...(previous.contactExtensions !== undefined ? { contactExtensions: previous.contactExtensions } : {}),
    ...(previous.acknowledgements !== undefined ? { acknowledgements: previous.acknowledgements } : {}),
    ...(previous.maxPrice !== undefined ? { maxPrice: previous.maxPrice } : {}),
    ...(previous.quote !== undefined ? { quote: previous.quote } : {}),
  };
}

/** A contact in the API's wire names (shared by the create and transfer-in bodies). */
export function wireContact(c: Contact): RegistrantContact {
  return {
    email: c.email,
    phone: c.phone,
    ...(c.fax ? { fax: c.fax } : {}),
    postal_info: {
      name: c.postalInfo.name,
      ...(c.postalInfo.organization ? { organization: c.postalInfo.organization } : {}),
      address: {
        street: c.postalInfo.address.street,
        city: c.postalInfo.address.city,
        state: c.postalInfo.address.state,
        postal_code: c.postalInfo.address.postalCode,
        country_code: c.postalInfo.address.countryCode.toUpperCase(),
      },
    },
  };
}

/**
 * The create body. `years` is always explicit: the term the quote was priced for, so the charge is
 * exactly what the preview showed and never the API's default.
 */
export function createBody(inputs: RegistrationArgs, years: number): CreateRegistrationBody {
  const contacts: NonNullable<CreateRegistrationBody["contacts"]> = {};
  for (const role of CONTACT_ROLES) {
    const c = inputs.contacts?.[role];
    if (c) contacts[role] = wireContact(c);
  }
  return {
    domain_name: inputs.domainName,
    auto_renew: inputs.autoRenew ?? false,
    years,
    ...(inputs.privacyMode !== undefined ? { privacy_mode: inputs.privacyMode as "redaction" | "off" } : {}),
    ...(Object.keys(contacts).length ? { contacts } : {}),
    ...(inputs.contactExtensions !== undefined ? { contact_extensions: inputs.contactExtensions } : {}),
    ...(inputs.acknowledgements !== undefined ? { acknowledgements: inputs.acknowledgements } : {}),
  };
}
