/**
 * The JSON Schemas (draft 2020-12) that GET /extensions/{ext} publishes for the create and transfer-in
 * bodies, derived from the catalogue entry. The simulator's own request checks (validate.ts) derive from
 * the same entry, not from these documents, so a client's schema validator and the server can be compared.
 */
import { Catalogue, ExtensionEntry, MAX_YEARS, minYears, Namespace, tldOf } from "./catalogue";

export const SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
export const CONTACT_ROLES = ["registrant", "administrator", "billing", "technical"] as const;
export const ADDRESS_FIELDS = ["street", "city", "state", "postal_code", "country_code"] as const;
export const PRIVACY_MODES = ["redaction", "off"] as const;

/** E.164 as the API writes it: +{country code}.{number}. */
export const PHONE_PATTERN = "^\\+[0-9]{1,3}\\.[0-9]{1,14}$";
export const EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
export const COUNTRY_PATTERN = "^[A-Z]{2}$";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export const domainPattern = (ext: string) => `^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.${escape(ext)}$`;

const CONTACT_DEF = {
  type: "object",
  additionalProperties: false,
  required: ["email", "phone", "postal_info"],
  properties: {
    email: { type: "string", pattern: EMAIL_PATTERN, description: "An email address" },
    phone: { type: "string", pattern: PHONE_PATTERN, description: "E.164, e.g. +1.5555555555" },
    fax: { type: "string", pattern: PHONE_PATTERN },
    postal_info: {
      type: "object",
      additionalProperties: false,
      required: ["name", "address"],
      properties: {
        name: { type: "string", minLength: 1 },
        organization: { type: "string" },
        address: {
          type: "object",
          additionalProperties: false,
          required: [...ADDRESS_FIELDS],
          properties: {
            street: { type: "string", minLength: 1 },
            city: { type: "string", minLength: 1 },
            state: { type: "string", minLength: 1 },
            postal_code: { type: "string", minLength: 1 },
            country_code: { type: "string", pattern: COUNTRY_PATTERN, description: "ISO 3166-1 alpha-2" },
          },
        },
      },
    },
  },
};

function contactsSchema(namespace: Namespace) {
  return {
    type: "object",
    additionalProperties: false,
    // The sandbox has no express mode: no default address book entry stands in for the registrant.
    ...(namespace === "registrar-sandbox" ? { required: ["registrant"] } : {}),
    properties: Object.fromEntries(CONTACT_ROLES.map((r) => [r, { $ref: "#/$defs/contact" }])),
  };
}

function contactExtensionsSchema(e: ExtensionEntry) {
  const fields = Object.entries(e.contactExtensions ?? {});
  return {
    type: "object",
    additionalProperties: false,
    required: fields.map(([k]) => k),
    properties: Object.fromEntries(
      fields.map(([k, f]) => [
        k,
        { type: "string", enum: f.values.map(([code]) => code), description: `${f.description} ${f.values.map(([c, m]) => `${c}: ${m}`).join("; ")}.` },
      ]),
    ),
  };
}

function acknowledgementsSchema(e: ExtensionEntry) {
  const acks = Object.entries(e.acknowledgements ?? {});
  return {
    type: "object",
    additionalProperties: false,
    required: acks.map(([k]) => k),
    properties: Object.fromEntries(acks.map(([k, description]) => [k, { type: "boolean", const: true, description }])),
  };
}

/** The properties both bodies share, and what the extension adds to them. */
function common(e: ExtensionEntry, namespace: Namespace) {
  const properties: Record<string, unknown> = {
    auto_renew: { type: "boolean", default: false },
    privacy_mode: { type: "string", enum: [...PRIVACY_MODES], default: "redaction" },
    contacts: contactsSchema(namespace),
  };
  const required: string[] = [];
  if (namespace === "registrar-sandbox") required.push("contacts");
  if (e.contactExtensions) {
    properties.contact_extensions = contactExtensionsSchema(e);
    required.push("contact_extensions");
  }
  return { properties, required };
}

export function registrationSchema(e: ExtensionEntry, namespace: Namespace) {
  const common_ = common(e, namespace);
  // The transfer body names its domain in the path; the create body carries it.
  const properties: Record<string, unknown> = {
    domain_name: { type: "string", pattern: domainPattern(e.name), description: `A fully qualified .${e.name} name in punycode` },
    ...common_.properties,
  };
  const required = ["domain_name", ...common_.required];
  const min = minYears(e);
  properties.years = {
    type: "integer",
    minimum: min,
    maximum: MAX_YEARS,
    default: min,
    description: `Term in years; the registry's minimum for .${e.name} is ${min}`,
  };
  if (e.acknowledgements) {
    properties.acknowledgements = acknowledgementsSchema(e);
    required.push("acknowledgements");
  }
  return {
    $schema: SCHEMA_DIALECT,
    title: `Register a .${e.name} domain`,
    type: "object",
    additionalProperties: false,
    required,
    properties,
    $defs: { contact: CONTACT_DEF },
  };
}

export function transferSchema(e: ExtensionEntry, namespace: Namespace) {
  const { properties, required } = common(e, namespace);
  if (!e.noAuthCode) {
    properties.auth_code = {
      type: "string",
      contentEncoding: "base64",
      minLength: 1,
      description: "The auth (EPP) code from the current registrar, base64-encoded",
    };
    required.push("auth_code");
  }
  return {
    $schema: SCHEMA_DIALECT,
    title: `Transfer a .${e.name} domain in`,
    type: "object",
    additionalProperties: false,
    required,
    properties,
    $defs: { contact: CONTACT_DEF },
  };
}

/** The API's Extension resource. */
export function extensionResource(e: ExtensionEntry, catalogue: Catalogue) {
  return {
    metadata: { name: e.name, tld: tldOf(e) },
    registration_schema: registrationSchema(e, catalogue.namespace),
    transfer_schema: transferSchema(e, catalogue.namespace),
  };
}
