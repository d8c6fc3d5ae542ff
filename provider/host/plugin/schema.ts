/**
 * The plugin's Pulumi package schema, described once here. `npm run schema` writes it to the committed
 * schema.json beside this file (the file the SDK generators read); GetSchema serves this object itself.
 * Descriptions repeat the TypeScript SDK's, because each language's SDK shows them to its users.
 */

/** The package name: the plugin is `pulumi-resource-<name>`, its tokens `<name>:index:<Type>`. */
export const PACKAGE = "cloudflare-registrar";

const token = (name: string) => `${PACKAGE}:index:${name}`;
const ref = (name: string) => ({ $ref: `#/types/${token(name)}` });

interface Property {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  $ref?: string;
  items?: Property;
  additionalProperties?: Property;
  description: string;
  secret?: boolean;
}

type Properties = Record<string, Property>;

const str = (description: string): Property => ({ type: "string", description });
const bool = (description: string): Property => ({ type: "boolean", description });
const anyMap = (description: string): Property => ({ type: "object", additionalProperties: { $ref: "pulumi.json#/Any", description: "" }, description });
const withRef = (name: string, description: string): Property => ({ ...ref(name), description });
const list = (name: string, description: string): Property => ({ type: "array", items: { ...ref(name), description: "" }, description });

function objectType(description: string, properties: Properties, required: string[]) {
  return { type: "object", description, properties, required };
}

/** Settings: the same keys the dynamic provider reads from stack config (`cloudflare-registrar:<key>`). */
export const CONFIG: Properties = {
  accountId: str("The Cloudflare account id (32 hex characters); default env CLOUDFLARE_ACCOUNT_ID. A resource's accountId input overrides it."),
  apiToken: { ...str("An API token with Registrar edit permission; default env CLOUDFLARE_API_TOKEN. Keep it in secret config."), secret: true },
  apiKey: { ...str("A Global API Key, with apiEmail, instead of a token; default env CLOUDFLARE_API_KEY."), secret: true },
  apiEmail: str("The account email that goes with apiKey; default env CLOUDFLARE_EMAIL."),
  baseUrl: str("The API's base URL; default https://api.cloudflare.com/client/v4 (or env CLOUDFLARE_BASE_URL), e.g. a local simulator's."),
  sandbox: bool("Use the Registrar Sandbox (no real charge); default false."),
  requestsPerFiveMinutes: {
    type: "integer",
    description: "The request budget per five minutes for this provider (at least 20); default 1200, Cloudflare's limit.",
  },
  workflowTimeoutSeconds: {
    type: "number",
    description: "How long create awaits a registration workflow before it records a resumable partial state; default 600.",
  },
  transferWaitSeconds: {
    type: "number",
    description: "How long create awaits a transfer before it ends with transfer_pending; default 60 (0 returns at once).",
  },
  requirePricedPreview: bool("Fail, rather than warn about, the preview of a new domain that cannot be priced (no credentials or account id)."),
  expiryWarningDays: { type: "integer", description: "Warn this many days before a domain without autoRenew expires; default 30." },
  failOnExpiryWarning: bool("Fail the run instead of warning about an expiring or lapsed domain."),
};

const contactProps: Properties = {
  email: str("The contact's email."),
  phone: str("E.164 with a dot after the country code: `+1.5555555555`."),
  fax: str("Fax, in the phone's format."),
  postalInfo: withRef("PostalInfo", "Name, organization and address."),
};

const quoteProps: Properties = {
  currency: str("ISO 4217 code, e.g. `USD`."),
  registrationCost: str("First-year price, as the API gave it (a decimal string)."),
  renewalCost: str("Price of each later year and each renewal, as the API gave it."),
  years: { type: "integer", description: "The term priced, in years." },
  firstTermTotal: str("registrationCost + renewalCost × (years − 1)."),
};

const transferQuoteProps: Properties = {
  currency: str("ISO 4217 code, e.g. `USD`."),
  transferCost: str("What the transfer costs; it adds a year to the registration. `0.00` for `.uk`."),
  renewalCost: str("The yearly renewal price after that."),
};

const TYPES = {
  [token("Address")]: objectType(
    "A postal address.",
    {
      street: str("Street and number."),
      city: str("City."),
      state: str("State or province."),
      postalCode: str("Postal code."),
      countryCode: str("ISO 3166-1 alpha-2, e.g. `US`, `GB`."),
    },
    ["street", "city", "state", "postalCode", "countryCode"],
  ),
  [token("PostalInfo")]: objectType(
    "A contact's name and address.",
    { name: str("The contact's name."), organization: str("The organization, if any."), address: withRef("Address", "The postal address.") },
    ["name", "address"],
  ),
  [token("Contact")]: objectType("A registrant contact, submitted to the registry at registration.", contactProps, ["email", "phone", "postalInfo"]),
  [token("Contacts")]: objectType(
    "Contacts by role. Every role has the registrant's shape; most extensions accept only `registrant`.",
    {
      registrant: withRef("Contact", "Omitted = the account's default address-book entry."),
      administrator: withRef("Contact", "The administrative contact."),
      billing: withRef("Contact", "The billing contact."),
      technical: withRef("Contact", "The technical contact."),
    },
    [],
  ),
  [token("Quote")]: objectType("The price a domain was (or would be) bought at.", quoteProps, [
    "currency",
    "registrationCost",
    "renewalCost",
    "years",
    "firstTermTotal",
  ]),
  [token("TransferQuote")]: objectType("The price of a transfer in, as domain-transfer-check gave it.", transferQuoteProps, [
    "currency",
    "transferCost",
    "renewalCost",
  ]),
  [token("DomainPricing")]: objectType(
    "What a domain costs, as domain-check reports it.",
    {
      currency: str("ISO 4217 code."),
      registrationCost: str("The first year's price."),
      renewalCost: str("The price of each later year and of each renewal."),
    },
    ["currency", "registrationCost", "renewalCost"],
  ),
  [token("DomainAvailability")]: objectType(
    "One domain's answer from checkDomains or searchDomains.",
    {
      name: str("checkDomains: the name exactly as given. searchDomains: the suggestion, in ASCII."),
      normalizedName: str("checkDomains only: the name asked about, trimmed, lower-case, ASCII."),
      registrable: bool("Whether it can be registered through the API now (advisory from searchDomains)."),
      pricing: withRef("DomainPricing", "Present when the API priced the domain."),
      reason: str("Why it cannot be registered, e.g. `domain_unavailable`, `name_is_subdomain`."),
      advice: str("With this package's reasons: what is wrong with the name and what to do."),
      tier: str("The API's price tier, e.g. `standard` or `premium`."),
    },
    ["name", "registrable"],
  ),
  [token("TransferCandidate")]: objectType(
    "A domain to check for transfer in.",
    { domainName: str("The domain."), authCode: { ...str("The auth (EPP) code as the current registrar shows it."), secret: true } },
    ["domainName"],
  ),
  [token("TransferPricing")]: objectType(
    "What a transfer in costs.",
    { currency: str("ISO 4217 code."), transferCost: str("What the transfer costs."), renewalCost: str("The yearly renewal price after it.") },
    ["currency", "transferCost", "renewalCost"],
  ),
  [token("TransferReason")]: objectType(
    "Why a domain cannot be transferred, and what to do.",
    { code: str("The reason's code."), advice: str("What to do.") },
    ["code", "advice"],
  ),
  [token("TransferCheck")]: objectType(
    "One domain's transfer eligibility.",
    {
      name: str("The domain exactly as given."),
      normalizedName: str("The name asked about; absent when `name` is not a domain name."),
      transferable: bool("Whether it can be transferred in now."),
      pricing: withRef("TransferPricing", "Present when the API priced the transfer."),
      reasons: list("TransferReason", "Why not, each with what to do; empty when transferable."),
    },
    ["name", "transferable", "reasons"],
  ),
};

const purchaseInputs: Properties = {
  domainName: str("The domain. Normalised: trimmed, lower-case, trailing dot dropped, IDN to punycode. Cannot change."),
  autoRenew: bool("Renew automatically before expiry (charges the account). Default false. The only input that changes in place."),
  privacyMode: str("WHOIS privacy: `redaction` (default) or `off`. Used only at purchase."),
  contacts: {
    ...withRef("Contacts", "Contacts by role; omitted = the account's default address-book entry. Used only at purchase. Secret in state."),
    secret: true,
  },
  contactExtensions: {
    ...anyMap(
      "Registry-specific registrant values the extension requires (`.us` nexus, `.uk` registrant type, `.ca` legal type), sent verbatim. Secret in state.",
    ),
    secret: true,
  },
  accountId: str("Default: config cloudflare-registrar:accountId, else env CLOUDFLARE_ACCOUNT_ID."),
  maxPrice: { type: "number", description: "Refuse to buy if the quoted total is higher (in the quote's currency)." },
};

const registrationInputs: Properties = {
  ...purchaseInputs,
  years: { type: "integer", description: "Registration term, 1–10 years; omitted = the extension's minimum term, priced as such. Used only at registration." },
  acknowledgements: anyMap("Acknowledgements the extension requires (e.g. `.ca`'s registrant agreement), sent verbatim. Used only at registration."),
};

const registrationState: Properties = {
  status: str("The registration's status, as Cloudflare reports it (`active`, `registration_pending`, `transfer_pending`, ...)."),
  createdAt: str("When the domain was registered (ISO 8601); absent while pending."),
  expiresAt: str("When the registration expires (ISO 8601); absent while pending."),
  locked: bool("Whether the domain is locked against transfer out."),
  privacyMode: str("The registration's WHOIS privacy mode, as Cloudflare reports it."),
  requestedPrivacyMode: str("The privacyMode input as given; absent when the program gave none."),
};

const REQUIRED_OUTPUTS = ["domainName", "autoRenew", "accountId", "status", "locked", "privacyMode"];

const RESOURCES = {
  [token("DomainRegistration")]: {
    description:
      "A domain registered (or adopted) through Cloudflare Registrar. The preview prints the price; `pulumi up` buys it once. Registrations are non-refundable: deleting this resource fails on purpose.",
    inputProperties: registrationInputs,
    requiredInputs: ["domainName"],
    properties: {
      ...registrationInputs,
      ...registrationState,
      quote: withRef("Quote", "The price the domain was bought at, as the preview quoted it; absent for adopted domains."),
      workflowState: str("Present only while a registration this resource started has not finished: its workflow's last state."),
    },
    required: REQUIRED_OUTPUTS,
  },
  [token("DomainTransfer")]: {
    description:
      "A domain transferred into Cloudflare Registrar (or adopted, if the account already holds it). `pulumi up` starts the transfer once and ends with `transfer_pending`; `pulumi refresh` follows it to `active`. Deleting it fails on purpose.",
    inputProperties: {
      ...purchaseInputs,
      authCode: { ...str("The auth (EPP) code exactly as the current registrar shows it. Always secret. Not needed for `.uk`."), secret: true },
    },
    requiredInputs: ["domainName"],
    properties: {
      ...purchaseInputs,
      ...registrationState,
      transferState: str("The transfer-in workflow's state as last seen: pending, in_progress, blocked, action_required, succeeded, failed."),
      quote: withRef("TransferQuote", "The price the transfer was started at; absent for adopted domains."),
    },
    required: REQUIRED_OUTPUTS,
  },
};

const lookupInputs: Properties = { accountId: str("Default: the provider's accountId.") };

const FUNCTIONS = {
  [token("checkDomains")]: {
    description: "Authoritative availability and price for each domain, from Cloudflare's domain-check.",
    inputs: objectType("", { domains: { type: "array", items: str(""), description: "The domains to check." }, ...lookupInputs }, ["domains"]),
    outputs: objectType("", { results: list("DomainAvailability", "One answer per name given, in the order given.") }, ["results"]),
  },
  [token("searchDomains")]: {
    description: "Suggestions for a keyword or name, from Cloudflare's domain-search. Advisory: confirm with checkDomains.",
    inputs: objectType(
      "",
      {
        query: str("A keyword or a name."),
        extensions: { type: "array", items: str(""), description: "Extensions to suggest names under, without the dot." },
        limit: { type: "integer", description: "The most suggestions to return." },
      },
      ["query"],
    ),
    outputs: objectType("", { results: list("DomainAvailability", "The suggestions.") }, ["results"]),
  },
  [token("checkTransfers")]: {
    description: "Whether each domain can be transferred in, at what price, and, when not, each reason with what to do.",
    inputs: objectType("", { domains: list("TransferCandidate", "The domains, each with its auth code if it has one."), ...lookupInputs }, ["domains"]),
    outputs: objectType("", { results: list("TransferCheck", "One answer per domain, in the order given.") }, ["results"]),
  },
};

/** The whole schema for a plugin of this version. */
export function packageSchema(version: string) {
  return {
    name: PACKAGE,
    displayName: "Cloudflare Registrar",
    version,
    description: "Register and transfer domains through Cloudflare Registrar with a priced preview and no double purchases.",
    keywords: ["pulumi", "cloudflare", "registrar", "domains", "category/network"],
    license: "Apache-2.0",
    publisher: "pulumi-cloudflare-registrar",
    config: { variables: CONFIG },
    provider: { description: "The provider: one account and its credentials.", inputProperties: CONFIG, properties: CONFIG },
    types: TYPES,
    resources: RESOURCES,
    functions: FUNCTIONS,
    language: {
      nodejs: { packageName: "@pulumi-cloudflare-registrar/plugin-sdk" },
      python: { packageName: "pulumi_cloudflare_registrar" },
      go: { importBasePath: "github.com/pulumi-cloudflare-registrar/sdk/go/cloudflareregistrar", generateResourceContainerTypes: true },
    },
  };
}

/** Config keys whose values are secret: never in plain text in the provider's state. */
export const SECRET_CONFIG: readonly string[] = Object.entries(CONFIG).flatMap(([k, p]) => (p.secret ? [k] : []));
