/**
 * The state mapping of a registration, pure: the inputs in the SDK's names to the create body in the API's
 * wire names (so the body that would be sent is validated in the preview exactly as it will be sent), and
 * a registration as Cloudflare reports it to the outputs in state.
 */
import type { CreateRegistrationBody, RegistrantContact } from "../api/client";
import type { Quote } from "../domain/quote";
import { recordedPrivacyMode, registrationState, requestedPrivacyMode, setKeys } from "../purchase/mapping";
import type { Registration, RegistrationStatus } from "../api/schemas";
import { CONTACT_ROLES, type Contact, type ContactRole, type RegistrationArgs } from "../domain/validation";

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
  return {
    ...registrationState(reg, accountId),
    ...requestedPrivacyMode(inputs),
    ...setKeys(inputs, ["years", "contacts", "contactExtensions", "acknowledgements", "maxPrice"]),
    ...(quote !== undefined ? { quote } : {}),
  };
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
    ...setKeys(previous, ["years"]),
    ...recordedPrivacyMode(previous),
    ...setKeys(previous, ["contacts", "contactExtensions", "acknowledgements", "maxPrice", "quote"]),
  };
}

/** The contacts by role in the API's wire names (shared by the create and transfer-in bodies). */
export function wireContacts(contacts: Partial<Record<ContactRole, Contact>> | undefined): Partial<Record<ContactRole, RegistrantContact>> {
  const out: Partial<Record<ContactRole, RegistrantContact>> = {};
  for (const role of CONTACT_ROLES) {
    const c = contacts?.[role];
    if (c) out[role] = wireContact(c);
  }
  return out;
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
  const contacts = wireContacts(inputs.contacts);
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
