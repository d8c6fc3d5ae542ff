/**
 * The create body, checked as the API checks it before starting a workflow: by hand, from the catalogue
 * entry, with no JSON Schema library. Each failure names the field, the value and what is allowed.
 */
import { Catalogue, ExtensionEntry, MAX_YEARS, minYears, Namespace, splitName } from "./catalogue";
import { SimError } from "./envelope";
import { ADDRESS_FIELDS, COUNTRY_PATTERN, CONTACT_ROLES, EMAIL_PATTERN, PHONE_PATTERN, PRIVACY_MODES } from "./schemas";
import { normalizeName } from "./names";

export interface CreateRequest {
  domain_name: string;
  extension: ExtensionEntry;
  years: number;
  auto_renew?: boolean;
  privacy_mode?: string;
  contacts?: Record<string, unknown>;
  contact_extensions?: Record<string, string>;
  acknowledgements?: Record<string, true>;
}

const bad = (field: string, why: string) => new SimError(400, 10003, `${field}: ${why}`);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === "string" ? `'${v}'` : JSON.stringify(v));
const PHONE = new RegExp(PHONE_PATTERN);
const EMAIL = new RegExp(EMAIL_PATTERN);
const COUNTRY = new RegExp(COUNTRY_PATTERN);
const TOP_LEVEL = ["domain_name", "years", "auto_renew", "privacy_mode", "contacts", "contact_extensions", "acknowledgements"];

/**
 * The domain name, its catalogue entry, or an error. Extensions the namespace does not sell answer with
 * the check's reason code, so a client that skipped the check still learns why.
 */
export function resolveDomain(raw: unknown, catalogue: Catalogue, accountId: string): { name: string; entry: ExtensionEntry } {
  const name = typeof raw === "string" ? normalizeName(raw) : undefined;
  if (!name) throw bad("domain_name", `${show(raw)} is not a fully qualified domain name; give one like example.com`);
  const parts = splitName(name);
  if (parts.subdomain) throw bad("domain_name", `${name} is a subdomain of ${parts.registrable}; register ${parts.registrable}`);
  const refusal = catalogue.refusal(parts.extension);
  if (refusal === "extension_not_supported_via_api") {
    const where =
      catalogue.namespace === "registrar-sandbox" ? "the Registrar Sandbox sells only .com and .net" : `register it at ${Catalogue.dashboardUrl(accountId)}`;
    throw new SimError(400, 10411, `${name} cannot be registered: extension_not_supported_via_api (.${parts.extension}); ${where}`);
  }
  if (refusal)
    throw new SimError(400, 10411, `${name} cannot be registered: extension_not_supported (.${parts.extension} is not sold by Cloudflare Registrar)`);
  return { name, entry: catalogue.entry(parts.extension)! };
}

export function validateCreate(body: Record<string, unknown>, catalogue: Catalogue, accountId: string): CreateRequest {
  const extra = Object.keys(body).filter((k) => !TOP_LEVEL.includes(k));
  if (extra.length) throw bad(extra[0]!, `is not a field of the create body; allowed: ${TOP_LEVEL.join(", ")}`);
  const { name, entry } = resolveDomain(body.domain_name, catalogue, accountId);
  const min = minYears(entry);
  if (body.years !== undefined && !(Number.isInteger(body.years) && (body.years as number) >= 1 && (body.years as number) <= MAX_YEARS)) {
    throw bad("years", `must be an integer from ${min} to ${MAX_YEARS}; got ${show(body.years)}`);
  }
  if (body.years !== undefined && (body.years as number) < min) {
    throw bad("years", `must be an integer from ${min} to ${MAX_YEARS}: .${entry.name} has a minimum term of ${min} years; got ${body.years}`);
  }
  if (body.auto_renew !== undefined && typeof body.auto_renew !== "boolean") throw bad("auto_renew", `must be a boolean; got ${show(body.auto_renew)}`);
  if (body.privacy_mode !== undefined && !PRIVACY_MODES.includes(body.privacy_mode as never)) {
    throw bad("privacy_mode", `must be 'redaction' or 'off'; got ${show(body.privacy_mode)}`);
  }
  const contacts = checkContacts(body.contacts, catalogue.namespace);
  return {
    domain_name: name,
    extension: entry,
    years: (body.years as number | undefined) ?? min,
    auto_renew: body.auto_renew as boolean | undefined,
    privacy_mode: body.privacy_mode as string | undefined,
    contacts,
    contact_extensions: checkContactExtensions(body.contact_extensions, entry),
    acknowledgements: checkAcknowledgements(body.acknowledgements, entry),
  };
}

const TRANSFER_FIELDS = ["auth_code", "auto_renew", "privacy_mode", "contacts", "contact_extensions"];

export interface TransferRequest {
  domain_name: string;
  auth_code?: string;
  auto_renew?: boolean;
  privacy_mode?: string;
  contacts?: Record<string, unknown>;
  contact_extensions?: Record<string, string>;
}

/** The transfer-in body (the domain is in the path), checked like the create body. */
export function validateTransfer(domain: string, body: Record<string, unknown>, catalogue: Catalogue, accountId: string): TransferRequest {
  const extra = Object.keys(body).filter((k) => !TRANSFER_FIELDS.includes(k));
  if (extra.length) throw bad(extra[0]!, `is not a field of the transfer-in body; allowed: ${TRANSFER_FIELDS.join(", ")}`);
  const { name, entry } = resolveDomain(domain, catalogue, accountId);
  if (!entry.noAuthCode && (typeof body.auth_code !== "string" || !body.auth_code)) {
    throw bad("auth_code", `is required for .${entry.name}: the auth (EPP) code from the current registrar, base64-encoded`);
  }
  if (body.auth_code !== undefined && typeof body.auth_code !== "string") throw bad("auth_code", `must be a base64 string; got ${show(body.auth_code)}`);
  if (body.auto_renew !== undefined && typeof body.auto_renew !== "boolean") throw bad("auto_renew", `must be a boolean; got ${show(body.auto_renew)}`);
  if (body.privacy_mode !== undefined && !PRIVACY_MODES.includes(body.privacy_mode as never)) {
    throw bad("privacy_mode", `must be 'redaction' or 'off'; got ${show(body.privacy_mode)}`);
  }
  return {
    domain_name: name,
    auth_code: entry.noAuthCode ? undefined : (body.auth_code as string),
    auto_renew: body.auto_renew as boolean | undefined,
    privacy_mode: body.privacy_mode as string | undefined,
    contacts: checkContacts(body.contacts, catalogue.namespace),
    contact_extensions: checkContactExtensions(body.contact_extensions, entry),
  };
}

function checkContacts(raw: unknown, namespace: Namespace): Record<string, unknown> | undefined {
  if (raw === undefined) {
    if (namespace === "registrar-sandbox") throw noExpressMode();
    return undefined;
  }
  if (!isObject(raw)) throw bad("contacts", `must be an object with ${CONTACT_ROLES.join(", ")}; got ${show(raw)}`);
  const extra = Object.keys(raw).filter((k) => !CONTACT_ROLES.includes(k as never));
  if (extra.length) throw bad(`contacts.${extra[0]}`, `is not a contact role; allowed: ${CONTACT_ROLES.join(", ")}`);
  if (namespace === "registrar-sandbox" && raw.registrant === undefined) throw noExpressMode();
  for (const role of CONTACT_ROLES) if (raw[role] !== undefined) checkContact(`contacts.${role}`, raw[role]);
  return raw;
}

const noExpressMode = () =>
  bad("contacts.registrant", "is required in the Registrar Sandbox, which has no express mode (no default address book entry); give a full registrant contact");

function checkContact(path: string, c: unknown): void {
  if (!isObject(c)) throw bad(path, "must be an object with email, phone and postal_info");
  if (typeof c.email !== "string" || !EMAIL.test(c.email)) throw bad(`${path}.email`, `must be an email address; got ${show(c.email)}`);
  if (typeof c.phone !== "string" || !PHONE.test(c.phone)) throw bad(`${path}.phone`, `must be E.164 like +1.5555555555; got ${show(c.phone)}`);
  if (c.fax !== undefined && (typeof c.fax !== "string" || !PHONE.test(c.fax)))
    throw bad(`${path}.fax`, `must be E.164 like +1.5555555555; got ${show(c.fax)}`);
  const postal = c.postal_info;
  if (!isObject(postal) || typeof postal.name !== "string" || !postal.name) throw bad(`${path}.postal_info.name`, "is required: the contact's full name");
  const address = postal.address;
  for (const f of ADDRESS_FIELDS) {
    const v = isObject(address) ? address[f] : undefined;
    if (typeof v !== "string" || !v) throw bad(`${path}.postal_info.address.${f}`, "is required");
  }
  const country = (address as Record<string, string>).country_code;
  if (!COUNTRY.test(country)) throw bad(`${path}.postal_info.address.country_code`, `must be an ISO 3166-1 alpha-2 code like US or GB; got ${show(country)}`);
}

function checkContactExtensions(raw: unknown, entry: ExtensionEntry): Record<string, string> | undefined {
  const fields = entry.contactExtensions;
  if (!fields) {
    if (raw !== undefined) throw bad("contact_extensions", `.${entry.name} takes no contact extensions; omit the field`);
    return undefined;
  }
  const describe = () =>
    Object.entries(fields)
      .map(([k, f]) => `${k} (one of ${f.values.map(([c]) => c).join(", ")})`)
      .join(" and ");
  if (raw === undefined) throw bad("contact_extensions", `is required for .${entry.name}: give ${describe()}`);
  if (!isObject(raw)) throw bad("contact_extensions", `must be an object with ${describe()}; got ${show(raw)}`);
  const extra = Object.keys(raw).filter((k) => !(k in fields));
  if (extra.length) throw bad(`contact_extensions.${extra[0]}`, `is not a contact extension of .${entry.name}; allowed: ${Object.keys(fields).join(", ")}`);
  for (const [key, f] of Object.entries(fields)) {
    const allowed = f.values.map(([c]) => c);
    const v = raw[key];
    if (v === undefined) throw bad(`contact_extensions.${key}`, `is required for .${entry.name}: one of ${allowed.join(", ")}`);
    if (!allowed.includes(v as string)) throw bad(`contact_extensions.${key}`, `must be one of ${allowed.join(", ")}; got ${show(v)}`);
  }
  return raw as Record<string, string>;
}

function checkAcknowledgements(raw: unknown, entry: ExtensionEntry): Record<string, true> | undefined {
  const acks = entry.acknowledgements;
  if (!acks) {
    if (raw !== undefined) throw bad("acknowledgements", `.${entry.name} asks for no acknowledgements; omit the field`);
    return undefined;
  }
  if (!isObject(raw))
    throw bad(
      "acknowledgements",
      `is required for .${entry.name}: give ${Object.keys(acks)
        .map((k) => `${k}: true`)
        .join(", ")}`,
    );
  const extra = Object.keys(raw).filter((k) => !(k in acks));
  if (extra.length) throw bad(`acknowledgements.${extra[0]}`, `is not an acknowledgement of .${entry.name}; allowed: ${Object.keys(acks).join(", ")}`);
  for (const [key, what] of Object.entries(acks)) {
    if (raw[key] !== true) throw bad(`acknowledgements.${key}`, `must be true for .${entry.name} (${what}); got ${show(raw[key])}`);
  }
  return raw as Record<string, true>;
}
