/**
 * The registration's inputs in the SDK's names, mapped to the create body in the API's wire names.
 * Pure, so the body that would be sent can be validated in the preview exactly as it will be sent.
 */
import type { CreateRegistrationBody, RegistrantContact } from "./client";
import { CONTACT_ROLES, type Contact, type RegistrationArgs } from "./validation";

function wireContact(c: Contact): RegistrantContact {
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
