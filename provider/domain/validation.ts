/**
 * Input normalisation and validation for DomainRegistration. Every message names the field, the
 * value and the fix, and all of it runs before any API write.
 */
import { domainToASCII } from "node:url";
// The package, not Node's deprecated built-in of the same name (the trailing slash picks the package).
import { decode as decodePunycode } from "punycode/";
import { nameParts } from "./names";
import { ACCOUNT_ID, NOT_AN_ACCOUNT_ID } from "../api/clientOptions";

/** What the engine sends for a value not known until apply (`pulumi preview`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const isUnknown = (v: unknown): boolean => v === UNKNOWN;

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v && typeof v === "object") return Object.values(v).some(containsUnknown);
  return false;
}

export interface CheckFailure {
  property: string;
  reason: string;
}

export const PRIVACY_MODES = ["redaction", "off"] as const;

const ISO_3166_ALPHA2 = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
    "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
    "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
    "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
    "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

const E164 = /^\+\d{1,3}\.\d{1,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

const show = (v: unknown): string => (typeof v === "string" ? `'${v}'` : (JSON.stringify(v) ?? String(v)));

/**
 * Normalise a domain name (trim, lower-case, drop the trailing dot, IDN to punycode) and check its
 * syntax. Returns the ASCII name, or the reason it is not one.
 */
export function normalizeDomainName(raw: unknown): { name: string } | { reason: string } {
  const fix = "Use a registrable name like 'example.com' (internationalised names are fine: 'bücher.dev').";
  if (typeof raw !== "string") return { reason: `domainName must be a string, got ${show(raw)}. ${fix}` };
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, "");
  if (!trimmed) return { reason: `domainName is empty. ${fix}` };
  if (/[\s/:@]/.test(trimmed)) {
    return { reason: `domainName ${show(raw)} contains a space, '/', ':' or '@': give the bare domain, not a URL or address. ${fix}` };
  }
  const ascii = domainToASCII(trimmed);
  if (!ascii) return { reason: `domainName ${show(raw)} is not a valid (internationalised) domain name. ${fix}` };
  if (ascii.length > 253) return { reason: `domainName ${show(raw)} is ${ascii.length} characters; the limit is 253. ${fix}` };
  const labels = ascii.split(".");
  if (labels.length < 2) return { reason: `domainName ${show(raw)} has no extension. ${fix}` };
  for (const label of labels) {
    if (!label) return { reason: `domainName ${show(raw)} has an empty label (two dots in a row). ${fix}` };
    if (label.length > 63) return { reason: `domainName ${show(raw)}: the label '${label}' is ${label.length} characters; the limit is 63.` };
    if (!LABEL.test(label)) {
      return { reason: `domainName ${show(raw)}: the label '${label}' may hold only letters, digits and inner hyphens. ${fix}` };
    }
    if (label.slice(2, 4) === "--" && !label.startsWith("xn--")) {
      return { reason: `domainName ${show(raw)}: the label '${label}' has '--' in positions 3-4, which is reserved for punycode ('xn--').` };
    }
    if (label.startsWith("xn--") && !isALabel(label)) {
      return {
        reason: `domainName ${show(raw)}: the label '${label}' is not valid punycode. Write the name in Unicode ('bücher.dev') and it is converted for you.`,
      };
    }
  }
  return { name: ascii };
}

/**
 * Whether an `xn--` label is a real A-label: it decodes, and its Unicode form converts back to exactly it.
 * Checked here because Node's own converter stopped refusing bad punycode in Node 24 (`xn--zz` passes).
 */
export function isALabel(label: string): boolean {
  let unicode: string;
  try {
    unicode = decodePunycode(label.slice(4));
  } catch {
    return false;
  }
  return domainToASCII(`${unicode}.invalid`) === `${label}.invalid`;
}

/**
 * Why this name is not one a registry sells, if it is not: a subdomain (`www.example.co.uk`) or a bare
 * extension (`co.uk`). Whether the extension itself can be bought is the API's call (domain-check).
 */
export function registrableProblem(name: string): string | undefined {
  const parts = nameParts(name);
  if (parts.kind === "subdomain") {
    return `domainName '${name}' is a subdomain of '${parts.parent}': only the registrable name can be registered. Use '${parts.parent}' and create '${name}' as a DNS record in its zone.`;
  }
  if (parts.kind === "suffix") {
    return `domainName '${name}' is an extension (a public suffix), not a domain. Give a name under it, such as 'example.${name}'.`;
  }
  return undefined;
}

export interface Contact {
  email: string;
  phone: string;
  fax?: string;
  postalInfo: {
    name: string;
    organization?: string;
    address: { street: string; city: string; state: string; postalCode: string; countryCode: string };
  };
}

function validateContact(c: unknown, at: string, failures: CheckFailure[]): void {
  const fail = (field: string, reason: string): void => {
    failures.push({ property: field ? `${at}.${field}` : at, reason });
  };
  if (containsUnknown(c)) return;
  if (!c || typeof c !== "object") return fail("", `${at} must be an object with email, phone and postalInfo.`);
  // Untrusted input, narrowed field by field below.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const contact = c as Record<string, any>;
  const str = (v: unknown) => typeof v === "string" && v.trim() !== "";
  if (!str(contact.email) || !EMAIL.test(contact.email)) {
    fail("email", `${at}.email ${show(contact.email)} is not an email address. Give one like 'hostmaster@example.com'.`);
  }
  for (const f of ["phone", "fax"] as const) {
    if (f === "fax" && contact.fax === undefined) continue;
    if (!str(contact[f]) || !E164.test(contact[f])) {
      fail(
        f,
        `${at}.${f} ${show(contact[f])} is not in E.164 form '+<country code>.<number>' with no spaces or dashes, e.g. '+1.5555555555' or '+44.2071234567'.`,
      );
    }
  }
  const postal = contact.postalInfo;
  if (!postal || typeof postal !== "object") {
    fail("postalInfo", `${at}.postalInfo is required: { name, organization?, address: { street, city, state, postalCode, countryCode } }.`);
    return;
  }
  if (!str(postal.name)) fail("postalInfo.name", `${at}.postalInfo.name is required: the registrant's full legal name.`);
  if (postal.organization !== undefined && typeof postal.organization !== "string") {
    fail("postalInfo.organization", `${at}.postalInfo.organization must be a string when given, got ${show(postal.organization)}.`);
  }
  const address = postal.address;
  if (!address || typeof address !== "object") {
    fail("postalInfo.address", `${at}.postalInfo.address is required: { street, city, state, postalCode, countryCode }.`);
    return;
  }
  for (const f of ["street", "city", "state", "postalCode"]) {
    if (!str(address[f])) fail(`postalInfo.address.${f}`, `${at}.postalInfo.address.${f} is required (got ${show(address[f])}).`);
  }
  const cc = address.countryCode;
  if (typeof cc !== "string" || !ISO_3166_ALPHA2.has(cc.toUpperCase())) {
    const hint = cc === "UK" || cc === "uk" ? " The code for the United Kingdom is 'GB'." : "";
    fail(
      "postalInfo.address.countryCode",
      `${at}.postalInfo.address.countryCode ${show(cc)} is not an ISO 3166-1 alpha-2 code such as 'US', 'GB' or 'DE'.${hint}`,
    );
  }
}

/** The contact roles the create body accepts; every one has the registrant's shape. */
export const CONTACT_ROLES = ["registrant", "administrator", "billing", "technical"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export interface RegistrationArgs {
  domainName: string;
  autoRenew?: boolean;
  years?: number;
  privacyMode?: string;
  contacts?: Partial<Record<ContactRole, Contact>>;
  /** Registry-specific registrant values (`.us` nexus, `.uk` registrant type, ...), sent verbatim. */
  contactExtensions?: Record<string, unknown>;
  /** Acknowledgements an extension requires, sent verbatim. */
  acknowledgements?: Record<string, unknown>;
  accountId?: string;
  maxPrice?: number;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/**
 * Validate and normalise the inputs. Unknown values pass. What the extension itself requires (terms,
 * contact extensions, acknowledgements) is checked later against the API's schema for it.
 */
export function validateInputs(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const inputs: Record<string, unknown> = { ...news };
  const failures: CheckFailure[] = [];

  if (!isUnknown(news.domainName)) {
    const n = normalizeDomainName(news.domainName);
    if ("reason" in n) failures.push({ property: "domainName", reason: n.reason });
    else {
      inputs.domainName = n.name;
      const problem = registrableProblem(n.name);
      if (problem) failures.push({ property: "domainName", reason: problem });
    }
  }
  if (news.autoRenew !== undefined && !isUnknown(news.autoRenew) && typeof news.autoRenew !== "boolean") {
    failures.push({ property: "autoRenew", reason: `autoRenew must be true or false, got ${show(news.autoRenew)}.` });
  }
  if (news.years !== undefined && !isUnknown(news.years)) {
    const y = news.years;
    if (typeof y !== "number" || !Number.isInteger(y) || y < 1 || y > 10) {
      failures.push({
        property: "years",
        reason: `years must be a whole number of years from 1 to 10, got ${show(y)}. Omit it for the extension's minimum term.`,
      });
    }
  }
  if (news.privacyMode !== undefined && !isUnknown(news.privacyMode) && !PRIVACY_MODES.includes(news.privacyMode as never)) {
    failures.push({
      property: "privacyMode",
      reason: `privacyMode must be 'redaction' (the default: WHOIS redaction) or 'off', got ${show(news.privacyMode)}.`,
    });
  }
  if (news.contacts !== undefined && !isUnknown(news.contacts)) {
    const contacts = news.contacts;
    if (!isPlainObject(contacts)) {
      failures.push({
        property: "contacts",
        reason: `contacts must be an object { registrant: {...} }, got ${show(contacts)}. Omit it to use the account's default address-book entry.`,
      });
    } else {
      for (const [role, contact] of Object.entries(contacts)) {
        if (!CONTACT_ROLES.includes(role as ContactRole)) {
          failures.push({ property: `contacts.${role}`, reason: `contacts.${role} is not a contact role; the roles are ${CONTACT_ROLES.join(", ")}.` });
        } else if (contact !== undefined) {
          validateContact(contact, `contacts.${role}`, failures);
        }
      }
    }
  }
  for (const key of ["contactExtensions", "acknowledgements"] as const) {
    const v = news[key];
    if (v !== undefined && !isUnknown(v) && !isPlainObject(v)) {
      failures.push({
        property: key,
        reason: `${key} must be an object of the keys the extension's registration schema names (sent verbatim), got ${show(v)}.`,
      });
    }
  }
  if (news.accountId !== undefined && !isUnknown(news.accountId)) {
    if (typeof news.accountId !== "string" || !ACCOUNT_ID.test(news.accountId)) {
      failures.push({
        property: "accountId",
        reason: `accountId ${show(news.accountId)} is ${NOT_AN_ACCOUNT_ID}.`,
      });
    }
  }
  if (news.maxPrice !== undefined && !isUnknown(news.maxPrice)) {
    const p = news.maxPrice;
    if (typeof p !== "number" || !Number.isFinite(p) || p < 0) {
      failures.push({
        property: "maxPrice",
        reason: `maxPrice must be a non-negative number in the quote's currency (e.g. 20 for USD 20.00), got ${show(p)}.`,
      });
    }
  }
  return { inputs, failures };
}
