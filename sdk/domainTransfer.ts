import * as pulumi from "@pulumi/pulumi";
import { QuietDynamicResource } from "./quietStacks";
import * as transferProvider from "../provider/host/transfer";
import type { ContactsArgs, PrivacyMode, RegistrationStatus } from "./types";

/** The price of a transfer in, as domain-transfer-check gave it. Amounts are decimal strings, as the API gives them. */
export interface TransferQuote {
  currency: string;
  /** What the transfer costs; it adds a year to the registration. `0.00` for `.uk`. */
  transferCost: string;
  /** The yearly renewal price after that. */
  renewalCost: string;
}

/** The transfer-in workflow's state: `blocked` (the losing registrar's approval window, up to 5 days) is normal. */
export type TransferState = "pending" | "in_progress" | "blocked" | "action_required" | "succeeded" | "failed";

export interface DomainTransferArgs {
  /** The domain to transfer in (or adopt, if the account already holds it). Normalised like DomainRegistration's. Cannot change. */
  domainName: pulumi.Input<string>;
  /**
   * The auth (EPP) code exactly as the current registrar shows it; the provider base64-encodes it.
   * Always a secret (wrapped in `pulumi.secret`), never in a log or an error; keep it in secret config
   * (`pulumi config set --secret`). Not needed for `.uk` (Nominet has none). Used only when the transfer
   * starts; changing it later changes nothing.
   */
  authCode?: pulumi.Input<string>;
  /** Renew automatically before expiry (charges the account). Default false. Changes in place once the transfer has landed. */
  autoRenew?: pulumi.Input<boolean>;
  /** WHOIS privacy after the transfer; default `redaction`. Used only when the transfer starts. */
  privacyMode?: pulumi.Input<PrivacyMode>;
  /** Contacts by role; omitted = the account's default address-book entry. Used only when the transfer starts. Secret in state. */
  contacts?: pulumi.Input<ContactsArgs>;
  /**
   * Registry-specific registrant values the extension's transfer schema requires, sent verbatim as
   * `contact_extensions` (`.us` nexus, `.uk` registrant type, `.ca` legal type). The preview checks them.
   * Used only when the transfer starts. Secret in state.
   */
  contactExtensions?: pulumi.Input<Record<string, pulumi.Input<unknown>>>;
  /** Default: config cloudflare-registrar:accountId, else env CLOUDFLARE_ACCOUNT_ID. */
  accountId?: pulumi.Input<string>;
  /** Refuse to transfer if the transfer costs more (in the quote's currency). */
  maxPrice?: pulumi.Input<number>;
}

/**
 * A domain transferred into Cloudflare Registrar from another registrar (or adopted, if the account
 * already holds it). The preview prints the transfer price; `pulumi up` starts the transfer once, waits at
 * most `cloudflare-registrar:transferWaitSeconds` (default 60), and ends with `status: transfer_pending`;
 * `pulumi refresh` follows it to `active`. The account is charged when it lands, non-refundably, so
 * deleting this resource fails on purpose. The domain needs a Cloudflare zone in the account (declare a
 * `@pulumi/cloudflare` Zone and use `dependsOn`), DNSSEC off, and must be unlocked at its current registrar.
 */
export class DomainTransfer extends QuietDynamicResource {
  public readonly domainName!: pulumi.Output<string>;
  public readonly autoRenew!: pulumi.Output<boolean>;
  /** The registration's status: `transfer_pending` until the transfer lands, then `active`. */
  public readonly status!: pulumi.Output<RegistrationStatus>;
  /** The transfer-in workflow's state as last seen (create, then each refresh); absent for a domain adopted with no transfer to follow. */
  public readonly transferState!: pulumi.Output<TransferState | undefined>;
  /** When the registration was created at Cloudflare; may be null while pending. */
  public readonly createdAt!: pulumi.Output<string | null>;
  /** When the registration expires; null while `transfer_pending`. */
  public readonly expiresAt!: pulumi.Output<string | null>;
  public readonly locked!: pulumi.Output<boolean>;
  /** The registration's WHOIS privacy mode, as Cloudflare reports it. */
  public readonly privacyMode!: pulumi.Output<string>;
  /** The `privacyMode` input as given; absent when the program gave none (Cloudflare's default applies). */
  public readonly requestedPrivacyMode!: pulumi.Output<PrivacyMode | undefined>;
  public readonly accountId!: pulumi.Output<string>;
  /** The price the transfer was started at; absent for adopted domains. */
  public readonly quote!: pulumi.Output<TransferQuote | undefined>;
  public readonly maxPrice!: pulumi.Output<number | undefined>;
  public readonly contacts!: pulumi.Output<ContactsArgs | undefined>;
  /** The contactExtensions input, as a secret. */
  public readonly contactExtensions!: pulumi.Output<Record<string, unknown> | undefined>;

  constructor(name: string, args: DomainTransferArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      domainName: args.domainName,
      // Secret as an input, so the code is encrypted in state and in the engine's logs; it is never an output.
      authCode: args.authCode === undefined ? undefined : pulumi.secret(args.authCode),
      autoRenew: args.autoRenew,
      privacyMode: args.privacyMode,
      contacts: args.contacts === undefined ? undefined : pulumi.secret(args.contacts),
      contactExtensions: args.contactExtensions === undefined ? undefined : pulumi.secret(args.contactExtensions),
      accountId: args.accountId,
      maxPrice: args.maxPrice,
      status: undefined,
      transferState: undefined,
      createdAt: undefined,
      expiresAt: undefined,
      locked: undefined,
      requestedPrivacyMode: undefined,
      quote: undefined,
    };
    super(
      transferProvider as unknown as pulumi.dynamic.ResourceProvider,
      name,
      props,
      pulumi.mergeOptions(opts, { additionalSecretOutputs: ["authCode", "contacts", "contactExtensions"] }),
      "cloudflare-registrar",
      "DomainTransfer",
    );
  }
}
