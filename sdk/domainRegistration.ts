import * as pulumi from "@pulumi/pulumi";
import { QuietDynamicResource } from "./quietStacks";
import * as registrarProvider from "../provider/host/registration";
import type { Contacts, ContactsArgs, PrivacyMode, Quote, RegistrationStatus, WorkflowState } from "./types";
import { assessRenewal, DEFAULT_EXPIRY_WARNING_DAYS, type RenewalRisk } from "../provider/domain/renewal";
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

// Checked here, where the module is handed to Pulumi: a signature that drifts from the engine's contract
// fails the build instead of the deployment.
const provider: pulumi.dynamic.ResourceProvider<Record<string, unknown>, Record<string, unknown>> = registrarProvider;

/**
 * A domain registered (or adopted) through Cloudflare Registrar. Registrations are non-refundable:
 * deleting this resource fails on purpose; see the README for the ways out.
 */
export class DomainRegistration extends QuietDynamicResource {
  /** The registered domain, in ASCII (punycode for internationalised names). The resource's id. */
  public readonly domainName!: pulumi.Output<string>;
  /** Whether Cloudflare renews the domain automatically, as the registration reports it. */
  public readonly autoRenew!: pulumi.Output<boolean>;
  /**
   * The registration's status, as Cloudflare reports it: `registration_pending` while the purchase is
   * in flight, `transfer_pending` while the domain is transferring in (refresh follows it to `active`).
   */
  public readonly status!: pulumi.Output<RegistrationStatus>;
  /** When the domain was registered (ISO 8601); null while `registration_pending`. */
  public readonly createdAt!: pulumi.Output<string | null>;
  /** When the registration expires (ISO 8601); null while `registration_pending` or `transfer_pending`. */
  public readonly expiresAt!: pulumi.Output<string | null>;
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
   * Whole days until `expiresAt` as of this program run (negative once past); null while pending. Derived
   * in the program from the recorded state, not stored, so it never shows as drift in a refresh.
   */
  public readonly daysUntilExpiry!: pulumi.Output<number | null>;
  /**
   * `lapsed` once the domain is expired, in redemption or pending delete; `expiring` when autoRenew is off
   * and it expires within `cloudflare-registrar:expiryWarningDays` (default 30); else `none`. Export it, or
   * feed it to a monitoring resource. Derived like `daysUntilExpiry`.
   */
  public readonly renewalRisk!: pulumi.Output<RenewalRisk>;

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
    // Every output must be a key here, even if undefined: a dynamic resource reads only the outputs its
    // props name.
    const props: Record<keyof DomainRegistrationArgs | OutputOnly, pulumi.Input<unknown>> = {
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
      provider,
      name,
      alongside ? { ...props, [ALONGSIDE]: alongside } : props,
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["contacts", "contactExtensions"] }),
      "cloudflare-registrar",
      "DomainRegistration",
    );
    const assessment = pulumi
      .all([this.domainName, this.status, this.autoRenew, this.expiresAt])
      .apply(([domainName, status, autoRenew, expiresAt]) => assessRenewal({ domainName, status, autoRenew, expiresAt }, Date.now(), expiryWarningDays()));
    this.daysUntilExpiry = assessment.apply((a) => a.daysUntilExpiry);
    this.renewalRisk = assessment.apply((a) => a.risk);
  }
}

/** The warning threshold the program's stack sets, as the provider reads it. */
function expiryWarningDays(): number {
  const days = new pulumi.Config("cloudflare-registrar").getNumber("expiryWarningDays");
  return days !== undefined && Number.isInteger(days) && days >= 0 ? days : DEFAULT_EXPIRY_WARNING_DAYS;
}

/** The outputs that are not inputs: with the inputs, every key the provider returns. */
type OutputOnly = Exclude<
  {
    [K in keyof DomainRegistration]: DomainRegistration[K] extends pulumi.Output<unknown> ? K : never;
  }[keyof DomainRegistration],
  keyof DomainRegistrationArgs | keyof pulumi.CustomResource | Derived
>;
/** Outputs computed in the program from other outputs, never sent to or returned by the provider. */
type Derived = "daysUntilExpiry" | "renewalRisk";
