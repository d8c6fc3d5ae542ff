/**
 * The provider plugin's resources for TypeScript programs: `pulumi-cloudflare-registrar/plugin`. The same
 * inputs and outputs as the dynamic DomainRegistration and DomainTransfer (the default, which needs no
 * plugin), served by `pulumi-resource-cloudflare-registrar`, for what only a plugin can do: `pulumi import`,
 * explicit providers (two accounts in one program) and messages on the resource's row. An alias moves an
 * existing dynamic resource here with no replacement (README, "Migration").
 */
import * as pulumi from "@pulumi/pulumi";
import type { DomainRegistration as DynamicRegistration, DomainRegistrationArgs } from "../domainRegistration";
import type { DomainTransfer as DynamicTransfer, DomainTransferArgs } from "../domainTransfer";
import { packageSchema, PACKAGE } from "../../provider/host/plugin/schema";

export type { DomainRegistrationArgs, DomainTransferArgs };

/** A resource's outputs, from the dynamic class: the same names, types and docs. */
type OutputsOf<R> = { readonly [K in keyof R as R[K] extends pulumi.Output<unknown> ? K : never]: R[K] };
/** Derived in the program by the dynamic classes only (never returned by a provider). */
type Derived = "daysUntilExpiry" | "renewalRisk" | "urn" | "id";

const schema = packageSchema("");
/** Every output the plugin returns must be a key of the props, or the SDK does not read it. */
function props(type: string, args: object): pulumi.Inputs {
  const keys = Object.keys(schema.resources[`${PACKAGE}:index:${type}`]!.properties);
  return { ...Object.fromEntries(keys.map((k) => [k, undefined])), ...args };
}
const secretOutputs = ["contacts", "contactExtensions"];

/**
 * The args as the plugin's resources send them: every secret input (the auth code, contacts and
 * contact extensions) marked secret before it leaves the program, so the engine encrypts it in state and
 * never prints it, whether or not the program marked it (additionalSecretOutputs covers only outputs).
 */
export function pluginInputs<A extends { contacts?: unknown; contactExtensions?: unknown; authCode?: unknown }>(args: A): A {
  const secret = <T>(v: T) => (v === undefined ? undefined : pulumi.secret(v));
  const out: Record<string, unknown> = { ...args, contacts: secret(args.contacts), contactExtensions: secret(args.contactExtensions) };
  if ("authCode" in args) out.authCode = secret(args.authCode);
  return out as A;
}

/* eslint-disable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the interface only declares the outputs the class's constructor registers */
export interface DomainRegistration extends Omit<OutputsOf<DynamicRegistration>, Derived> {}
/** A domain registered (or adopted) through Cloudflare Registrar, served by the plugin. See the dynamic class for each output. */
export class DomainRegistration extends pulumi.CustomResource {
  constructor(name: string, args: DomainRegistrationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      `${PACKAGE}:index:DomainRegistration`,
      name,
      props("DomainRegistration", pluginInputs(args)),
      pulumi.mergeOptions(opts, { additionalSecretOutputs: secretOutputs }),
    );
  }
}

export interface DomainTransfer extends Omit<OutputsOf<DynamicTransfer>, Derived> {}
/** A domain transferred into Cloudflare Registrar, served by the plugin. See the dynamic class for each output. */
export class DomainTransfer extends pulumi.CustomResource {
  constructor(name: string, args: DomainTransferArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      `${PACKAGE}:index:DomainTransfer`,
      name,
      props("DomainTransfer", pluginInputs(args)),
      pulumi.mergeOptions(opts, { additionalSecretOutputs: secretOutputs }),
    );
  }
}
/* eslint-enable @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type */

/** An explicit provider's settings: the stack config keys, without their namespace. */
export interface ProviderArgs {
  accountId?: pulumi.Input<string>;
  /** Secret: always sent and stored as one. */
  apiToken?: pulumi.Input<string>;
  apiKey?: pulumi.Input<string>;
  apiEmail?: pulumi.Input<string>;
  baseUrl?: pulumi.Input<string>;
  sandbox?: pulumi.Input<boolean>;
  requestsPerFiveMinutes?: pulumi.Input<number>;
  workflowTimeoutSeconds?: pulumi.Input<number>;
  transferWaitSeconds?: pulumi.Input<number>;
  requirePricedPreview?: pulumi.Input<boolean>;
  expiryWarningDays?: pulumi.Input<number>;
  failOnExpiryWarning?: pulumi.Input<boolean>;
}

/** A provider for one account and its credentials: pass it as the `provider` option to use a second account. */
export class Provider extends pulumi.ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts?: pulumi.ResourceOptions) {
    const secret = (v: pulumi.Input<string> | undefined) => (v === undefined ? undefined : pulumi.secret(v));
    super(PACKAGE, name, { ...args, apiToken: secret(args.apiToken), apiKey: secret(args.apiKey) }, opts);
  }
}
