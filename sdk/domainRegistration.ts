import * as pulumi from "@pulumi/pulumi";
import { type Holds, type OutputsMatch, type PurchaseProps, PurchaseResource } from "./purchaseResource";
import * as registrarProvider from "../provider/host/registration";
import type { RegistrationOutputs } from "../provider/registration/mapping";
import type { Contacts, ContactsArgs, PrivacyMode, Quote, WorkflowState } from "./types";
import { ALONGSIDE } from "../provider/host/alongside";
import { declaredAlongside } from "./declared";

/** The inputs of a {@link DomainRegistration}. */
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
export class DomainRegistration extends PurchaseResource<RegistrationOutputs> {
  /** When the domain was registered (ISO 8601); null while `registration_pending`. */
  public readonly createdAt!: pulumi.Output<string | null>;
  /** Whether the domain is locked against transfer out, as the registration reports it. */
  public readonly locked!: pulumi.Output<boolean>;
  /**
   * The registration's WHOIS privacy mode, as Cloudflare reports it (`redaction` or `off` today). For
   * the mode the program asked for, see `requestedPrivacyMode`.
   */
  public readonly privacyMode!: pulumi.Output<string>;
  /** The `privacyMode` input as given; absent when the program gave none (Cloudflare's default applies). */
  public readonly requestedPrivacyMode!: pulumi.Output<PrivacyMode | undefined>;
  /** The account that holds the registration: the input, or the configured default. */
  public readonly accountId!: pulumi.Output<string>;
  /**
   * The price the domain was bought at, as the preview quoted it. Absent for domains adopted
   * (already owned by the account), which were not bought by this resource.
   */
  public readonly quote!: pulumi.Output<Quote | undefined>;
  /** The `years` input as given; absent when the program gave none (the extension's minimum term was bought). */
  public readonly years!: pulumi.Output<number | undefined>;
  /** The `maxPrice` input as given; absent when the program gave none. */
  public readonly maxPrice!: pulumi.Output<number | undefined>;
  /** The `contacts` input as given, as a secret; absent when the program gave none. */
  public readonly contacts!: pulumi.Output<Contacts | undefined>;
  /** The `contactExtensions` input as given, as a secret; absent when the program gave none. */
  public readonly contactExtensions!: pulumi.Output<Record<string, unknown> | undefined>;
  /** The `acknowledgements` input as given; absent when the program gave none. */
  public readonly acknowledgements!: pulumi.Output<Record<string, unknown> | undefined>;
  /**
   * Present only while a registration this resource started has not finished: the last state of its
   * workflow (`action_required` waits for you, `blocked` for the registry). The next `pulumi up`
   * resumes it without buying again, and clears this.
   */
  public readonly workflowState!: pulumi.Output<WorkflowState | undefined>;
  /**
   * Look up a registration the account already holds, by its id (the domain name), without managing it:
   * the program gets its outputs, and Pulumi never creates, updates or deletes it. `state.accountId` picks
   * the account when it is not the configured one. To bring a domain under management instead, declare
   * it: see "Adoption (and import)" in the README.
   */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: { accountId?: pulumi.Input<string> },
    opts?: pulumi.CustomResourceOptions,
  ): DomainRegistration {
    return new DomainRegistration(name, { domainName: id, accountId: state?.accountId }, { ...opts, id });
  }

  constructor(name: string, args: DomainRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
    const props: PurchaseProps<RegistrationOutputs> = {
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
      requestedPrivacyMode: undefined,
      quote: undefined,
      workflowState: undefined,
    };
    // A lookup by id is never priced, so it needs no batch.
    const alongside = opts?.id === undefined ? declaredAlongside(args.domainName) : undefined;
    super(
      registrarProvider,
      name,
      alongside ? { ...props, [ALONGSIDE]: alongside } : props,
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["contacts", "contactExtensions"] }),
      "DomainRegistration",
    );
  }
}

/** The build fails here when this class and the outputs its provider records drift apart (exported only so it is not an unused local). */
export type DomainRegistrationOutputGuard = Holds<OutputsMatch<DomainRegistration, RegistrationOutputs>>;
