import type * as pulumi from "@pulumi/pulumi";

export type PrivacyMode = "redaction" | "off";

/** A registrant contact, submitted to the registry at registration. */
export interface ContactArgs {
  email: pulumi.Input<string>;
  /** E.164 with a dot after the country code: `+1.5555555555`. */
  phone: pulumi.Input<string>;
  fax?: pulumi.Input<string>;
  postalInfo: pulumi.Input<{
    name: pulumi.Input<string>;
    organization?: pulumi.Input<string>;
    address: pulumi.Input<{
      street: pulumi.Input<string>;
      city: pulumi.Input<string>;
      state: pulumi.Input<string>;
      postalCode: pulumi.Input<string>;
      /** ISO 3166-1 alpha-2, e.g. `US`, `GB`. */
      countryCode: pulumi.Input<string>;
    }>;
  }>;
}

/**
 * Contacts by role. Every role has the registrant's shape; which roles an extension accepts is in its
 * registration schema (most accept only `registrant`).
 */
export interface ContactsArgs {
  /** Omitted = the account's default address-book entry (not in the Registrar Sandbox, which needs it). */
  registrant?: pulumi.Input<ContactArgs>;
  administrator?: pulumi.Input<ContactArgs>;
  billing?: pulumi.Input<ContactArgs>;
  technical?: pulumi.Input<ContactArgs>;
}

/** A contact as the resource reports it back: the {@link ContactArgs} input, resolved. */
export type Contact = pulumi.Unwrap<ContactArgs>;

/** Contacts by role as the resource reports them back: the {@link ContactsArgs} input, resolved. */
export type Contacts = pulumi.Unwrap<ContactsArgs>;

/** A registration's status, as Cloudflare reports it. */
export type RegistrationStatus = "active" | "registration_pending" | "transfer_pending" | "expired" | "suspended" | "redemption_period" | "pending_delete";

/**
 * The state of a registration workflow that had not finished when the run ended: `action_required` waits
 * for you (see the error's instructions), `blocked` for the registry; the others for Cloudflare.
 */
export type WorkflowState = "pending" | "in_progress" | "action_required" | "blocked";

/** The price a domain was (or would be) bought at. Amounts are decimal strings, as the API gives them. */
export type { Quote } from "../provider/domain/quote";

/**
 * Why a domain cannot be registered. The API's reasons: the API may add some, so any string can come; the
 * named ones are those it documents today. This package's own, for a name it did not ask about or that got
 * no answer (each with `advice`): `name_malformed` (not a domain name), `name_is_subdomain`,
 * `name_is_extension` (a public suffix, e.g. `co.uk`), `not_answered` (the API left it out of its answer).
 */
export type DomainCheckReason =
  | "extension_not_supported_via_api"
  | "extension_not_supported"
  | "extension_disallows_registration"
  | "domain_premium"
  | "domain_unavailable"
  | "name_malformed"
  | "name_is_subdomain"
  | "name_is_extension"
  | "not_answered"
  | (string & {});

/** What a domain costs, as domain-check reports it. Amounts are decimal strings, as the API gives them. */
export interface DomainPricing {
  /** ISO 4217 code, e.g. `USD`. */
  currency: string;
  /** The first year's price. */
  registrationCost: string;
  /** The price of each later year and of each renewal. */
  renewalCost: string;
}

/** One domain's answer from `checkDomains` or `searchDomains`. */
export interface DomainAvailability {
  /**
   * From `checkDomains`: the name exactly as given, so each answer matches its question. From
   * `searchDomains`: the suggestion, in ASCII (punycode for internationalised names).
   */
  name: string;
  /**
   * From `checkDomains` only: the name asked about, trimmed, lower-case, ASCII (punycode for IDNs); absent
   * when `name` is not a domain name. A `searchDomains` suggestion's `name` is already in that form.
   */
  normalizedName?: string;
  /** Whether it can be registered through the API now. From searchDomains this is advisory: confirm with checkDomains. */
  registrable: boolean;
  /** Present when the API priced the domain. */
  pricing?: DomainPricing;
  /** Why it cannot be registered, as the API words it (e.g. `domain_unavailable`), or one of this package's reasons; absent when registrable. */
  reason?: DomainCheckReason;
  /** With this package's reasons: what is wrong with the name and what to do. */
  advice?: string;
  /** The API's price tier, e.g. `standard` or `premium`, when it gives one. */
  tier?: "standard" | "premium" | (string & {});
}
export type { RenewalRisk } from "../provider/domain/renewal";
