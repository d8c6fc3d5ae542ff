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
import type { RegistrationProvider } from "./lifecycle";

interface DynamicConfig {
  get(key: string): string | undefined;
}

let instance: RegistrationProvider | undefined;
let configured: DynamicConfig | undefined;

function provider(): RegistrationProvider {
  // Stryker disable next-line ConditionalExpression: equivalent; a provider built per call behaves the same, the cache only saves its setup
  if (!instance) {
    // Loaded on first use: the program process only needs this module's identity, not its code.
    const { RegistrationProvider } = require("./lifecycle") as typeof import("./lifecycle");
    const { settingsFromConfig } = require("./config") as typeof import("./config");
    instance = new RegistrationProvider(settingsFromConfig((key) => configured?.get(key)));
  }
  return instance;
}

export async function configure(req: { config: DynamicConfig }): Promise<void> {
  configured = req.config;
  instance = undefined;
}

export function check(olds: Record<string, unknown>, news: Record<string, unknown>) {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent; the lifecycle also reads olds without a domainName as a new resource
  return provider().check(olds && Object.keys(olds).length > 0 ? olds : undefined, news);
}

export function diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  return provider().diff(id, olds, news);
}

export function create(inputs: Record<string, unknown>) {
  return provider().create(inputs);
}

export function read(id: string, props: Record<string, unknown>) {
  return provider().read(id, props);
}

export function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  return provider().update(id, olds, news);
}

export function delete_(id: string, props: Record<string, unknown>) {
  return provider().delete(id, props);
}
// `delete` is a reserved word for a function declaration, but a fine export name.
export { delete_ as delete };
