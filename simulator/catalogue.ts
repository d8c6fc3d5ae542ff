/**
 * The simulated registrar's extension catalogue, as data. The simulator decides what a name's extension is
 * and whether the API sells it from this table alone (longest matching suffix), never from the provider's
 * rules or a Public Suffix List library: it models the API, so it must be able to disagree with the client.
 */

export type Namespace = "registrar" | "registrar-sandbox";
export const NAMESPACES: readonly Namespace[] = ["registrar", "registrar-sandbox"];

export interface ContactExtensionField {
  description: string;
  values: ReadonlyArray<readonly [code: string, meaning: string]>;
}

export interface ExtensionEntry {
  /** The public suffix after the registrable label: "com", "co.uk". */
  name: string;
  /** First-year price, a decimal string as the API sends it. */
  registration: string;
  /** Price of each later year; default: the registration price. */
  renewal?: string;
  /** Price of a transfer in (which adds a year); default: the renewal price. Nominet charges nothing. */
  transfer?: string;
  currency?: string;
  /** The registry's minimum term in years; the API charges it when `years` is omitted. */
  minYears?: number;
  /** Registrant facts the registry demands, sent as `contact_extensions`. */
  contactExtensions?: Readonly<Record<string, ContactExtensionField>>;
  /** Agreements the registrant must accept, sent as `acknowledgements` (each `true`). */
  acknowledgements?: Readonly<Record<string, string>>;
  /** Registries without auth codes (Nominet's .uk) take transfers on public data. */
  noAuthCode?: boolean;
}

export const MAX_YEARS = 10;

const US_NEXUS: ContactExtensionField = {
  description: "The registrant's nexus with the United States (usTLD Nexus Requirements).",
  values: [
    ["C11", "A natural person who is a United States citizen"],
    ["C12", "A natural person who is a permanent resident of the United States"],
    ["C21", "A United States organisation incorporated within one of the fifty states or a US possession"],
    ["C31", "A foreign entity or organisation that regularly engages in lawful activities in the United States"],
    ["C32", "An entity or organisation that has an office or other facility in the United States"],
  ],
};

const US_PURPOSE: ContactExtensionField = {
  description: "The intended use of the .us domain.",
  values: [
    ["P1", "Business use for profit"],
    ["P2", "Non-profit business, club, association, religious organisation"],
    ["P3", "Personal use"],
    ["P4", "Educational purposes"],
    ["P5", "Government purposes"],
  ],
};

/** Nominet's registrant types. */
const UK_REGISTRANT_TYPE: ContactExtensionField = {
  description: "The legal type of the registrant, as Nominet classifies it.",
  values: [
    ["IND", "UK individual"],
    ["FIND", "Non-UK individual"],
    ["LTD", "UK limited company"],
    ["PLC", "UK public limited company"],
    ["PTNR", "UK partnership"],
    ["LLP", "UK limited liability partnership"],
    ["STRA", "UK sole trader"],
    ["IP", "UK industrial/provident registered company"],
    ["SCH", "UK school"],
    ["RCHAR", "UK registered charity"],
    ["GOV", "UK government body"],
    ["CRC", "UK corporation by royal charter"],
    ["STAT", "UK statutory body"],
    ["OTHER", "UK entity that is not one of the above"],
    ["FCORP", "Non-UK corporation"],
    ["FOTHER", "Non-UK entity that is not one of the above"],
  ],
};

/** CIRA's legal types for .ca (Canadian Presence Requirements). */
const CA_LEGAL_TYPE: ContactExtensionField = {
  description: "The registrant's legal type under CIRA's Canadian Presence Requirements.",
  values: [
    ["CCT", "Canadian citizen"],
    ["CCO", "Corporation (Canada or Canadian province or territory)"],
    ["RES", "Permanent resident of Canada"],
    ["GOV", "Government or government entity in Canada"],
    ["EDU", "Canadian educational institution"],
    ["ASS", "Canadian unincorporated association"],
    ["HOP", "Canadian hospital"],
    ["PRT", "Partnership registered in Canada"],
    ["TDM", "Trademark registered in Canada (by a non-Canadian owner)"],
    ["TRD", "Canadian trade union"],
    ["PLT", "Canadian political party"],
    ["LAM", "Canadian library, archive or museum"],
    ["TRS", "Trust established in Canada"],
    ["ABO", "Aboriginal peoples (individuals or groups) indigenous to Canada"],
    ["INB", "Indian Band recognised by the Indian Act of Canada"],
    ["LGR", "Legal representative of a Canadian citizen or permanent resident"],
    ["OMK", "Official mark registered in Canada"],
    ["MAJ", "His Majesty the King"],
  ],
};

const UK = { contactExtensions: { uk_registrant_type: UK_REGISTRANT_TYPE }, noAuthCode: true, transfer: "0.00" } as const;

/** What the API sells, in the order search suggests them. Prices are USD per year. */
export const CATALOGUE: readonly ExtensionEntry[] = [
  { name: "com", registration: "10.44" },
  { name: "net", registration: "11.84" },
  { name: "org", registration: "10.11" },
  { name: "dev", registration: "12.00" },
  { name: "app", registration: "14.00" },
  { name: "xyz", registration: "11.00" },
  { name: "info", registration: "13.50" },
  { name: "io", registration: "42.00" },
  { name: "ai", registration: "80.00", renewal: "75.00", minYears: 2 },
  { name: "us", registration: "8.50", contactExtensions: { us_nexus_category: US_NEXUS, us_app_purpose: US_PURPOSE } },
  {
    name: "ca",
    registration: "13.00",
    contactExtensions: { ca_legal_type: CA_LEGAL_TYPE },
    acknowledgements: { ca_registrant_agreement: "The registrant accepts the CIRA Registrant Agreement." },
  },
  { name: "co.uk", registration: "5.37", ...UK },
  { name: "org.uk", registration: "5.37", ...UK },
  { name: "me.uk", registration: "5.37", ...UK },
  { name: "uk", registration: "5.37", ...UK },
  { name: "de", registration: "6.50" },
  { name: "co", registration: "25.00" },
  { name: "me", registration: "16.00" },
  { name: "biz", registration: "18.00" },
  { name: "pro", registration: "17.00" },
  { name: "tech", registration: "40.00", renewal: "48.00" },
  { name: "cloud", registration: "19.50" },
  { name: "page", registration: "12.00" },
];

/** Sold in the dashboard only; the API answers `extension_not_supported_via_api`. */
export const DASHBOARD_ONLY: readonly string[] = ["giving", "mom", "inc", "lol", "sh", "link", "cc", "new"];

/** The Registrar Sandbox sells only these. */
export const SANDBOX_EXTENSIONS: readonly string[] = ["com", "net"];

export const PREMIUM_PRICE = "2500.00";

const BY_NAME = new Map(CATALOGUE.map((e) => [e.name, e]));
const KNOWN = new Set([...BY_NAME.keys(), ...DASHBOARD_ONLY]);

export type Unregistrable = "extension_not_supported_via_api" | "extension_not_supported";

/** A domain name split at its extension, by the catalogue's longest matching suffix. */
export interface NameParts {
  /** The registrable name: one label plus the extension. */
  registrable: string;
  extension: string;
  /** The labels in front of the registrable name, if any ("www" in www.example.com). */
  subdomain?: string;
}

export function splitName(ascii: string): NameParts {
  const labels = ascii.split(".");
  let at = labels.length - 1;
  for (let i = 1; i < labels.length; i++) {
    if (KNOWN.has(labels.slice(i).join("."))) {
      at = i;
      break;
    }
  }
  const extension = labels.slice(at).join(".");
  const registrable = labels.slice(at - 1).join(".");
  return at > 1 ? { registrable, extension, subdomain: labels.slice(0, at - 1).join(".") } : { registrable, extension };
}

/** Whether a string is an extension the registrar knows of (sold through the API or only in the dashboard). */
export const isKnownExtension = (ext: string): boolean => KNOWN.has(ext);

/** One namespace's view: the production API sells the catalogue, the sandbox only com and net. */
export class Catalogue {
  readonly entries: readonly ExtensionEntry[];

  constructor(readonly namespace: Namespace) {
    this.entries = namespace === "registrar" ? CATALOGUE : CATALOGUE.filter((e) => SANDBOX_EXTENSIONS.includes(e.name));
  }

  /** The entry for an extension this namespace sells through the API. */
  entry(ext: string): ExtensionEntry | undefined {
    const e = BY_NAME.get(ext);
    return e && this.entries.includes(e) ? e : undefined;
  }

  /** Why an extension cannot be bought here, or undefined when it can. */
  refusal(ext: string): Unregistrable | undefined {
    if (this.entry(ext)) return undefined;
    if (this.namespace === "registrar-sandbox" || DASHBOARD_ONLY.includes(ext)) return "extension_not_supported_via_api";
    return "extension_not_supported";
  }

  /** The dashboard URL a user is sent to for extensions the API does not sell. */
  static dashboardUrl(accountId: string): string {
    return `https://dash.cloudflare.com/${accountId}/domains/registrations`;
  }
}

export const minYears = (e: ExtensionEntry): number => e.minYears ?? 1;
export const tldOf = (e: ExtensionEntry): string => e.name.slice(e.name.lastIndexOf(".") + 1);
