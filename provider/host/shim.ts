/**
 * The one scaffold both dynamic entry points (provider/host/registration.ts, provider/host/transfer.ts) are
 * built from. Pulumi serializes an entry point as its module's identity alone, so everything here runs in
 * the provider process: the implementation is loaded on the first call, settings come from `configure`,
 * and each method goes through expectedErrors.ts on its way back to the engine.
 *
 * This is the only place that loads an implementation. A program process imports the entry points to hand
 * them to Pulumi and must not pay for, or serialize, the lifecycle, the client, zod or ajv.
 */
import type * as pulumi from "@pulumi/pulumi";
import { failuresWhenExpected, quietWhenExpected, stackForBugs } from "./expectedErrors";
import type { ProviderSettings } from "./stackConfig";
import type { RegistrationOutputs } from "../registration/mapping";
import type { TransferOutputs } from "../transfer/mapping";

/** Properties as the engine sends them: plain objects, checked by the lifecycle, never trusted by type. */
export type Props = Record<string, unknown>;

/**
 * What the engine hands back of a resource's outputs: whatever some version of this provider recorded, so
 * any one of them may be absent. Keyed like the outputs, which is what the SDK's output guard reads.
 */
export type Recorded<O> = Partial<O>;

/** The Pulumi methods a purchase lifecycle answers, as RegistrationProvider and TransferProvider do. */
interface Lifecycle<O> {
  check(olds: Props | undefined, news: Props): Promise<pulumi.dynamic.CheckResult<Props>>;
  diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: Props): Promise<{ id: string; outs: O }>;
  read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult<Recorded<O>>>;
  update(id: string, olds: Props, news: Props): Promise<{ outs: O }>;
  delete(id: string, props: Props): Promise<void>;
}

/** What each resource's provider records in state. */
interface OutputsOf {
  registration: RegistrationOutputs;
  transfer: TransferOutputs;
}
export type ResourceKind = keyof OutputsOf;

/** Each resource's implementation, by the name its entry point gives; required only when first called. */
const implementations: { [K in ResourceKind]: (settings: ProviderSettings) => Lifecycle<OutputsOf[K]> } = {
  registration: (settings) => {
    const { RegistrationProvider } = require("../registration/provider") as typeof import("../registration/provider");
    return new RegistrationProvider(settings);
  },
  transfer: (settings) => {
    const { TransferProvider } = require("../transfer/provider") as typeof import("../transfer/provider");
    return new TransferProvider(settings);
  },
};

/** A dynamic provider whose recorded outputs are `O`: what an entry point exports and the SDK hands to Pulumi. */
export type DynamicProvider<O> = Required<pulumi.dynamic.ResourceProvider<Props, Recorded<O>>>;

export function dynamicProvider<K extends ResourceKind>(kind: K): DynamicProvider<OutputsOf[K]> {
  type O = OutputsOf[K];
  let instance: Lifecycle<O> | undefined;
  let configured: pulumi.dynamic.Config | undefined;

  function provider(): Lifecycle<O> {
    // Stryker disable next-line ConditionalExpression: equivalent; a provider built per call behaves the same, the cache only saves its setup
    if (!instance) {
      const { settingsFromConfig } = require("./stackConfig") as typeof import("./stackConfig");
      instance = implementations[kind](settingsFromConfig((key) => configured?.get(key)));
    }
    return instance;
  }

  return {
    // One provider instance per process is the configuration itself: a new config drops the old instance.
    async configure(req) {
      configured = req.config;
      instance = undefined;
    },
    check: (olds, news) =>
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent; the lifecycle also reads olds without a domainName as a new resource
      failuresWhenExpected(news, () => provider().check(olds && Object.keys(olds).length > 0 ? olds : undefined, news)),
    diff: (id, olds, news) => quietWhenExpected(() => provider().diff(id, olds, news)),
    create: (inputs) => stackForBugs(() => provider().create(inputs)),
    // ResourceProvider declares props optional; the dynamic-provider host always sends them.
    read: (id, props = {}) => quietWhenExpected(() => provider().read(id, props)),
    update: (id, olds, news) => stackForBugs(() => provider().update(id, olds, news)),
    delete: (id, props) => quietWhenExpected(() => provider().delete(id, props)),
  };
}
