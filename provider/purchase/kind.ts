/**
 * What a kind of purchase (a registration, a transfer in) supplies to the shared lifecycle. The lifecycle
 * owns the invariants — adopt before buying, price in the preview, one POST, look after an uncertain answer,
 * record a resumable partial state, never delete — and asks the kind only what differs.
 */
import type { RegistrarClient } from "../api/client";
import type { DomainAvailability, Registration, RegistrationStatus, WorkflowStatus } from "../api/schemas";
import type { CheckFailure } from "../domain/validation";
import type { Clock } from "../api/clock";
import type { PollOptions } from "../workflow/poll";
import type { ProviderSettings } from "../host/stackConfig";
import type { PurchaseLookups } from "./lookups/lookups";
import type { Voice } from "./voice";

/** Inputs every purchase has, in the SDK's names. */
export interface PurchaseInputs {
  domainName: string;
  autoRenew?: boolean;
  accountId?: string;
  maxPrice?: number;
}

/**
 * A purchase under way, as the registration's status shows it, and what the lifecycle does with a domain
 * found in it. Each kind supplies its own; a resource may meet either (a registration adopting a domain
 * that is transferring in), so each kind also lists every one it may meet.
 */
export interface InFlight {
  readonly status: RegistrationStatus;
  /** For the log, when a domain in this status is adopted. */
  readonly adoptionNote: string;
  /**
   * Nothing may change until the purchase lands (a transfer: the losing registrar is still answering).
   * Without it, an update resumes the purchase's workflow instead.
   */
  readonly hold?: {
    /** Why a change of autoRenew is refused now, and what to run. */
    refusal(domain: string): string;
    /** Said when an adoption leaves autoRenew as it is for now. */
    deferred(domain: string, has: boolean, wants: boolean): string;
  };
}

/** What a kind needs from the provider process. */
export interface PurchaseContext {
  client: RegistrarClient;
  log(message: string): void;
  clock?: Clock;
  /**
   * domain-check's answer for one domain: in Check, batched with the names the program declared
   * alongside it; in create, right before the POST, always its own fresh request.
   */
  domainCheck(domain: string, accountId: string): Promise<DomainAvailability | undefined>;
}

export type Priced<Q> = { quote: Q } | { failures: CheckFailure[] };

export interface PurchaseKind<I extends PurchaseInputs, Q, O> {
  /** In messages: "registration", "transfer". */
  readonly noun: string;
  /** Verb for the refusal before the POST: "registering", "transferring". */
  readonly gerund: string;
  /** "To register another domain", "the domain is transferred". */
  readonly verb: string;
  readonly participle: string;
  /** The SDK class: "DomainRegistration", "DomainTransfer". */
  readonly resource: string;
  /** This purchase while it is in flight. */
  readonly pending: InFlight;
  /** Every purchase in flight that a domain of this resource may be found in, this kind's own included. */
  readonly inFlight: readonly InFlight[];
  /** Inputs used only at purchase: a change later is refused, never planned as a replacement. */
  readonly createOnly: readonly string[];
  /** A deadline while awaiting the purchase ends create as still pending; without it, in a resumable partial state. */
  readonly onDeadline?: "pending";
  /** In the preview's price line: "'x': available; ..." (the default), "'x': transferable; ...". */
  readonly eligible?: string;
  /** The output that holds the workflow's state while it is unfinished. Default `workflowState`. */
  readonly stateOutput?: string;
  /**
   * Refresh asks for the workflow's state while the purchase is in flight and records it, through to
   * its end (`succeeded`): for purchases that routinely outlive `pulumi up`.
   */
  readonly followInRead?: boolean;
  /** What to do after the workflow failed. Default: review the reason, then run pulumi up again. */
  readonly afterFailure?: string;
  /** Said after the delete refusal, about this kind of purchase. */
  readonly deleteNote?: string;

  /** Normalise and validate the inputs; no I/O. */
  validate(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] };
  /** Price the purchase, or say why not to make it. Called for the preview and again right before the POST. */
  price(ctx: PurchaseContext, inputs: I, accountId: string): Promise<Priced<Q>>;
  /** Why the purchase must not go ahead at `fresh` after the preview showed `seen`, if it must not. */
  roseSincePreview(domain: string, fresh: Q, seen: Q | undefined): string | undefined;
  describeQuote(quote: Q): string;
  /** Send the purchase: billable, sent once. Its fate may be unknown (OutcomeUnknownError). */
  start(ctx: PurchaseContext, inputs: I, accountId: string, quote: Q): Promise<WorkflowStatus>;
  /** The purchase's workflow as it is now, to resume it; undefined when there is none to follow. */
  status(ctx: PurchaseContext, domain: string, accountId: string): Promise<WorkflowStatus | undefined>;
  /** How this kind's workflow is polled by default (the settings' poll options win): transfers poll slowly. */
  readonly poll?: Omit<PollOptions, "deadlineMs" | "onProgress" | "clock">;
  /** How long to await the workflow in create, when the kind has its own bound. */
  awaitMs?(ctx: PurchaseContext): number | undefined;

  /** Outputs from a registration as Cloudflare reports it. */
  outputs(inputs: I & { requestedPrivacyMode?: string }, accountId: string, reg: Registration, quote: Q | undefined): O;
  /** Outputs while the purchase is in flight and nothing is settled yet. */
  pendingOutputs(inputs: I, accountId: string, quote: Q | undefined, state: string): O;
  /** The inputs a refresh reports, from the previous state and the fresh registration. */
  readInputs(previous: O, reg: Registration, accountId: string): I & { requestedPrivacyMode?: string };
}

/** The outputs every purchase shares (a domain registration, as Cloudflare reports it). */
export interface PurchaseOutputs {
  domainName: string;
  autoRenew: boolean;
  accountId: string;
  status: string;
  workflowState?: string;
  quote?: unknown;
}

/** What each flow of the lifecycle (buy, follow) works with: the kind, the settings, the looks, and where it speaks. */
export interface Flow<I extends PurchaseInputs, Q, O, L extends PurchaseLookups = PurchaseLookups> {
  readonly kind: PurchaseKind<I, Q, O>;
  readonly settings: ProviderSettings;
  readonly lookups: L;
  readonly voice: Voice;
}
