/**
 * The dynamic provider as Pulumi runs it. This module's exports *are* the provider object: the SDK
 * hands the module itself to `pulumi.dynamic.Resource`, so the closure serializer writes it into
 * state as `require("pulumi-cloudflare-registrar/dynamic")` — a few hundred bytes with no token,
 * no path and no copy of our code — and the implementation loads from the installed package when
 * the provider runs.
 *
 * Settings arrive through `configure` in the provider process (the engine passes the stack's whole
 * config to dynamic providers), so one provider instance per process is the configuration itself.
 */
import type * as pulumi from "@pulumi/pulumi";
import { failuresWhenExpected, quietWhenExpected, stackForBugs } from "./expectedErrors";
import type { RegistrationProvider } from "../registration/provider";

type Props = Record<string, unknown>;

let instance: RegistrationProvider | undefined;
let configured: pulumi.dynamic.Config | undefined;

function provider(): RegistrationProvider {
  // Stryker disable next-line ConditionalExpression: equivalent; a provider built per call behaves the same, the cache only saves its setup
  if (!instance) {
    // Loaded on first use: the program process only needs this module's identity, not its code.
    const { RegistrationProvider } = require("../registration/provider") as typeof import("../registration/provider");
    const { settingsFromConfig } = require("./stackConfig") as typeof import("./stackConfig");
    instance = new RegistrationProvider(settingsFromConfig((key) => configured?.get(key)));
  }
  return instance;
}

export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  configured = req.config;
  instance = undefined;
}

// Every method goes through hostErrors: expected errors reach the user as one clean message, bugs with their stack.
export function check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent; the lifecycle also reads olds without a domainName as a new resource
  return failuresWhenExpected(news, () => provider().check(olds && Object.keys(olds).length > 0 ? olds : undefined, news));
}

export function diff(id: pulumi.ID, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  return quietWhenExpected(() => provider().diff(id, olds, news));
}

export function create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  return stackForBugs(() => provider().create(inputs));
}

// ResourceProvider declares props optional; the dynamic-provider host always sends them.
export function read(id: pulumi.ID, props: Props = {}): Promise<pulumi.dynamic.ReadResult> {
  return quietWhenExpected(() => provider().read(id, props));
}

export function update(id: pulumi.ID, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
  return stackForBugs(() => provider().update(id, olds, news));
}

export function delete_(id: pulumi.ID, props: Props): Promise<void> {
  return quietWhenExpected(() => provider().delete(id, props));
}
// `delete` is a reserved word for a function declaration, but a fine export name.
export { delete_ as delete };
