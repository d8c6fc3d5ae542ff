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

/** A registration's status, as Cloudflare reports it. */
export type RegistrationStatus =
  | "active"
  | "registration_pending"
  | "transfer_pending"
  | "expired"
  | "suspended"
  | "redemption_period"
  | "pending_delete";

/** The price a domain was (or would be) bought at. Amounts are decimal strings, as the API gives them. */
export type { Quote } from "../provider/quote";

export interface DomainPricing {
  currency: string;
  registrationCost: string;
  renewalCost: string;
}

export interface DomainAvailability {
  name: string;
  registrable: boolean;
  pricing?: DomainPricing;
  reason?: string;
  tier?: string;
}
