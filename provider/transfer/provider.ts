/**
 * DomainTransfer's provider: the shared purchase lifecycle (provider/purchase/) driven by what is
 * particular to a transfer in (this directory).
 */
import type { ProviderSettings } from "../host/stackConfig";
import { PurchaseLifecycle } from "../purchase/lifecycle";
import { transferKind } from "./kind";
import type { TransferInputs, TransferOutputs, TransferQuote } from "./mapping";

export type { TransferInputs, TransferOutputs, TransferQuote } from "./mapping";

export class TransferProvider extends PurchaseLifecycle<TransferInputs, TransferQuote, TransferOutputs> {
  constructor(settings: ProviderSettings) {
    // Per process, never in state, shared with the process's other resources: the extensions' rules, fetched once each.
    const extensions = { get: (name: string, accountId: string) => this.lookups.extensions.get(name, accountId) };
    super(
      transferKind(extensions, () => settings.transferWaitMs),
      settings,
    );
  }
}
