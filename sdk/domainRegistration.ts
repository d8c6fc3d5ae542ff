import * as pulumi from "@pulumi/pulumi";
import * as registrarProvider from "../provider/dynamic";
import type { ContactsArgs, PrivacyMode, Quote, RegistrationStatus } from "./types";

export interface DomainRegistrationArgs {
  /** The domain to register or adopt. Normalised: trimmed, lower-case, trailing dot dropped, IDN to punycode. */
  domainName: pulumi.Input<string>;
  /** Renew automatically before expiry (charges the account). Default false. The only input that changes in place. */
  autoRenew?: pulumi.Input<boolean>;
  /** Registration term, 1–10 years; omitted = the extension's minimum term (`.ai`: 2), priced as such. Used only when the domain is registered. */
  years?: pulumi.Input<number>;
  /** WHOIS privacy; default `redaction`. Used only when the domain is registered. */
  privacyMode?: pulumi.Input<PrivacyMode>;
  /** Contacts by role; omitted = the account's default address-book entry. Used only at registration. Secret in state. */
  contacts?: pulumi.Input<ContactsArgs>;
  /**
   * Registry-specific registrant values the extension requires, sent verbatim as `contact_extensions`:
   * `.us` nexus (`us_nexus_category`, `us_app_purpose`), `.uk` registrant type, `.ca` legal type. The
   * extension's registration schema names the keys and values; the preview checks them. Used only at
   * registration. Secret in state.
   */
  contactExtensions?: pulumi.Input<Record<string, pulumi.Input<unknown>>>;
  /** Acknowledgements the extension requires (e.g. `.ca`'s registrant agreement), sent verbatim. Used only at registration. */
  acknowledgements?: pulumi.Input<Record<string, pulumi.Input<unknown>>>;
  /** Default: config cloudflare-registrar:accountId, else env CLOUDFLARE_ACCOUNT_ID. */
  accountId?: pulumi.Input<string>;
  /** Refuse to register if the quoted first-term total is higher (in the quote's currency). */
  maxPrice?: pulumi.Input<number>;
}

/**
 * A domain registered (or adopted) through Cloudflare Registrar. Registrations are non-refundable:
 * deleting this resource fails on purpose; see the README for the ways out.
 */
export class DomainRegistration extends pulumi.dynamic.Resource {
  public readonly domainName!: pulumi.Output<string>;
  public readonly autoRenew!: pulumi.Output<boolean>;
  /** The registration's status; `transfer_pending` while the domain is transferring in (refresh follows it to `active`). */
  public readonly status!: pulumi.Output<RegistrationStatus>;
  /** When the domain was registered; null while pending. */
  public readonly createdAt!: pulumi.Output<string | null>;
  /** When the registration expires; null while `registration_pending` or `transfer_pending`. */
  public readonly expiresAt!: pulumi.Output<string | null>;
  public readonly locked!: pulumi.Output<boolean>;
  /** The registration's WHOIS privacy mode, as Cloudflare reports it. */
  public readonly privacyMode!: pulumi.Output<string>;
  public readonly accountId!: pulumi.Output<string>;
  /** The price the domain was bought at; absent for adopted domains. */
  public readonly quote!: pulumi.Output<Quote | undefined>;
  public readonly years!: pulumi.Output<number | undefined>;
  public readonly maxPrice!: pulumi.Output<number | undefined>;
  public readonly contacts!: pulumi.Output<ContactsArgs | undefined>;
  /** The contactExtensions input, as a secret. */
  public readonly contactExtensions!: pulumi.Output<Record<string, unknown> | undefined>;
  public readonly acknowledgements!: pulumi.Output<Record<string, unknown> | undefined>;

  constructor(name: string, args: DomainRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      domainName: args.domainName,
      autoRenew: args.autoRenew,
      years: args.years,
      privacyMode: args.privacyMode,
      // Secret as an input, so the registrant's details never sit in state in plain text.
      contacts: args.contacts === undefined ? undefined : pulumi.secret(args.contacts),
      contactExtensions: args.contactExtensions === undefined ? undefined : pulumi.secret(args.contactExtensions),
      acknowledgements: args.acknowledgements,
      accountId: args.accountId,
      maxPrice: args.maxPrice,
      status: undefined,
      createdAt: undefined,
      expiresAt: undefined,
      locked: undefined,
      quote: undefined,
    };
    super(
      registrarProvider as unknown as pulumi.dynamic.ResourceProvider,
      name,
      props,
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["contacts", "contactExtensions"] }),
      "cloudflare-registrar",
      "DomainRegistration",
    );
  }
}
