/**
 * DomainTransfer's provider: the shared purchase lifecycle (provider/purchase/) driven by what is
 * particular to a transfer in (this directory).
 */
import type { ProviderSettings } from "../host/stackConfig";
import { ExtensionCatalogue } from "../purchase/lookups/extensionCatalogue";
import { PurchaseLifecycle } from "../purchase/lifecycle";
import { transferKind } from "./kind";
import type { TransferInputs, TransferOutputs, TransferQuote } from "./mapping";

export type { TransferInputs, TransferOutputs, TransferQuote } from "./mapping";

export class TransferProvider extends PurchaseLifecycle<TransferInputs, TransferQuote, TransferOutputs> {
  constructor(settings: ProviderSettings) {
    // Per process, never in state: the extensions' rules, fetched once each.
    const extensions = new ExtensionCatalogue(() => this.client());
    super(
      transferKind(extensions, () => settings.transferWaitMs),
      settings,
    );
  }
}
