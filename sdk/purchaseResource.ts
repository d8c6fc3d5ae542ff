import * as pulumi from "@pulumi/pulumi";
import { QuietDynamicResource } from "./quietStacks";
import type { DynamicProvider } from "../provider/host/shim";
import { assessRenewal, DEFAULT_EXPIRY_WARNING_DAYS, type RenewalRisk } from "../provider/domain/renewal";
import type { RegistrationStatus } from "./types";

/** Outputs computed in the program from other outputs, never sent to or returned by the provider. */
export type Derived = "daysUntilExpiry" | "renewalRisk";

/** The outputs class C declares for its provider to fill: every `Output` property but Pulumi's own and the derived ones. */
export type DeclaredOutputs<C> = Exclude<{ [K in keyof C]-?: C[K] extends pulumi.Output<unknown> ? K : never }[keyof C], keyof pulumi.CustomResource | Derived>;

/**
 * `true` when class C declares exactly the outputs its provider records (O); otherwise the names that differ,
 * which the build prints. A recorded output the class lacks is state no program can read; a declared one the
 * provider never records is an output that never resolves.
 */
export type OutputsMatch<C, O> = [Exclude<keyof O, DeclaredOutputs<C>>, Exclude<DeclaredOutputs<C>, keyof O>] extends [never, never]
  ? true
  : { recordedButNotDeclared: Exclude<keyof O, DeclaredOutputs<C>>; declaredButNotRecorded: Exclude<DeclaredOutputs<C>, keyof O> };

/** Each resource class states `export type …OutputGuard = Holds<OutputsMatch<Class, ProviderOutputs>>`; a drift fails the build there. */
export type Holds<T extends true> = T;

/**
 * The props handed to Pulumi: every output the provider records must be a key, even if undefined, because a
 * dynamic resource reads only the outputs its props name. Inputs that are never outputs (an auth code) may be added.
 */
export type PurchaseProps<O> = { [K in keyof O]-?: pulumi.Input<unknown> } & pulumi.Inputs;

/**
 * What DomainRegistration and DomainTransfer share: the serialized provider, typed by the outputs it records,
 * and the renewal outputs derived in the program. A transferred domain can lapse as a registered one can.
 */
export abstract class PurchaseResource<O> extends QuietDynamicResource {
  /** The domain, in ASCII (punycode for internationalised names). The resource's id. */
  public readonly domainName!: pulumi.Output<string>;
  /** Whether Cloudflare renews the domain automatically, as the registration reports it. */
  public readonly autoRenew!: pulumi.Output<boolean>;
  /**
   * The registration's status, as Cloudflare reports it: `registration_pending` while a registration is in
   * flight, `transfer_pending` while the domain transfers in (refresh follows either to `active`).
   */
  public readonly status!: pulumi.Output<RegistrationStatus>;
  /** When the registration expires (ISO 8601); null while the purchase is pending. */
  public readonly expiresAt!: pulumi.Output<string | null>;
  /**
   * Whole days until `expiresAt` as of this program run (negative once past); null while pending. Derived
   * in the program from the recorded state, not stored, so it never shows as drift in a refresh.
   */
  public readonly daysUntilExpiry: pulumi.Output<number | null>;
  /**
   * `lapsed` once the domain is expired, in redemption or pending delete; `expiring` when autoRenew is off
   * and it expires within `cloudflare-registrar:expiryWarningDays` (default 30); else `none`. Export it, or
   * feed it to a monitoring resource. Derived like `daysUntilExpiry`.
   */
  public readonly renewalRisk: pulumi.Output<RenewalRisk>;

  protected constructor(
    provider: DynamicProvider<O>,
    name: string,
    props: PurchaseProps<O>,
    opts: pulumi.CustomResourceOptions | undefined,
    type: "DomainRegistration" | "DomainTransfer",
  ) {
    super(provider, name, props, opts, "cloudflare-registrar", type);
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
