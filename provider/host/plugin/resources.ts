/**
 * The resource types and functions the plugin serves, each on the lifecycle the dynamic provider runs
 * (RegistrationProvider, TransferProvider) or the SDK functions' own code: nothing is served twice.
 * One set per configured provider: an explicit provider (another account, another token) is its own.
 */
import type { ProviderSettings } from "../stackConfig";
import type { RegistrationProvider } from "../../registration/provider";
import type { TransferProvider } from "../../transfer/provider";
import { PACKAGE } from "./schema";

type Props = Record<string, unknown>;

/** The calls a resource type answers: the public face both providers share. */
export interface Lifecycle {
  check(olds: Props | undefined, news: Props): Promise<{ inputs?: Props; failures?: Array<{ property: string; reason: string }> }>;
  diff(id: string, olds: Props, news: Props): Promise<{ changes?: boolean; replaces?: string[]; deleteBeforeReplace?: boolean }>;
  create(inputs: Props): Promise<{ id: string; outs: object }>;
  read(id: string, props: Props): Promise<{ id?: string; props?: object; inputs?: object }>;
  update(id: string, olds: Props, news: Props): Promise<{ outs: object }>;
  delete(id: string, props: Props): Promise<void>;
}

export const REGISTRATION = `${PACKAGE}:index:DomainRegistration`;
export const TRANSFER = `${PACKAGE}:index:DomainTransfer`;

/* eslint-disable @typescript-eslint/no-require-imports -- each lifecycle loads when its type is first served */
export class Resources {
  private registration?: RegistrationProvider;
  private transfer?: TransferProvider;

  constructor(private readonly settings: ProviderSettings) {}

  /** The lifecycle for a type token, or undefined for a type this plugin does not have. */
  of(type: string): Lifecycle | undefined {
    if (type === REGISTRATION) {
      return (this.registration ??= new (require("../../registration/provider") as typeof import("../../registration/provider")).RegistrationProvider(
        this.settings,
      ));
    }
    if (type === TRANSFER) {
      return (this.transfer ??= new (require("../../transfer/provider") as typeof import("../../transfer/provider")).TransferProvider(this.settings));
    }
    return undefined;
  }

  async close(): Promise<void> {
    await Promise.all([this.registration?.close(), this.transfer?.close()]);
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** The type token from a URN (`urn:pulumi:stack::project::parent$type::name`). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").at(-1) ?? "";
}
