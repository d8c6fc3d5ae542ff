/**
 * DomainTransfer's provider as Pulumi runs it: the same thin shim as provider/host/registration.ts. The SDK hands
 * this module to `pulumi.dynamic.Resource`, so state holds only
 * `require("pulumi-cloudflare-registrar/dynamic/transfer")`: no token, no path, no auth code, no copy of
 * our code. The implementation loads from the installed package when the provider runs.
 */
import { failuresWhenExpected, quietWhenExpected, stackForBugs } from "./expectedErrors";
import type { TransferProvider } from "../transfer/provider";

interface DynamicConfig {
  get(key: string): string | undefined;
}

let instance: TransferProvider | undefined;
let configured: DynamicConfig | undefined;

function provider(): TransferProvider {
  if (!instance) {
    // Loaded on first use: the program process only needs this module's identity, not its code.
    const { TransferProvider } = require("../transfer/provider") as typeof import("../transfer/provider");
    const { settingsFromConfig } = require("./stackConfig") as typeof import("./stackConfig");
    instance = new TransferProvider(settingsFromConfig((key) => configured?.get(key)));
  }
  return instance;
}

export async function configure(req: { config: DynamicConfig }): Promise<void> {
  configured = req.config;
  instance = undefined;
}

export function check(olds: Record<string, unknown>, news: Record<string, unknown>) {
  return failuresWhenExpected(news, () => provider().check(olds && Object.keys(olds).length > 0 ? olds : undefined, news));
}

export function diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  return quietWhenExpected(() => provider().diff(id, olds, news));
}

export function create(inputs: Record<string, unknown>) {
  return stackForBugs(() => provider().create(inputs));
}

export function read(id: string, props: Record<string, unknown>) {
  return quietWhenExpected(() => provider().read(id, props));
}

export function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  return stackForBugs(() => provider().update(id, olds, news));
}

export function delete_(id: string, props: Record<string, unknown>) {
  return quietWhenExpected(() => provider().delete(id, props));
}
// `delete` is a reserved word for a function declaration, but a fine export name.
export { delete_ as delete };
