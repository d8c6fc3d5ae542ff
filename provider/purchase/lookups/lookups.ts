/**
 * The looks a resource takes at the API, split by what they may rest on. The preview (check) prices from
 * the process's listing and batched domain-check, minutes old at most; the purchase prices from a fresh
 * request, always. The split is in the types: create is handed a `PurchaseLookups`, which has no way to
 * reach a batched or cached price.
 */
import type { RegistrarClient } from "../../api/client";
import type { ClientOptions } from "../../api/clientOptions";
import type { Clock } from "../../api/clock";
import type { Registration } from "../../api/schemas";
import { normalizeDomainName, registrableProblem } from "../../domain/validation";
import type { PurchaseContext, PurchaseInputs, PurchaseKind, Priced } from "../kind";
import { closeProcessLookups, processLookups } from "./shared";

/** The looks the purchase path may take: every price is a fresh request. */
export interface PurchaseLookups {
  client(): RegistrarClient;
  /** What a kind may use to start or follow a purchase; its domain-check is a fresh request. */
  context(): PurchaseContext;
  /** The price right before the POST: its own domain-check, never from a batch or a cache. */
  purchasePrice<I extends PurchaseInputs, Q>(kind: PurchaseKind<I, Q, unknown>, inputs: I, accountId: string): Promise<Priced<Q>>;
  /** The registration as this process listed it: enough to adopt (which buys nothing), never to buy. */
  listed(domain: string, accountId: string): Registration | undefined;
  /** A registration this process bought, adopted or changed: fresher than the listing. */
  record(reg: Registration, accountId: string): void;
}

/** The looks refresh and update may take besides: the listing answers for what it holds, settled. */
export interface FollowLookups extends PurchaseLookups {
  settled(domain: string, accountId: string): Promise<Registration | undefined>;
}

export class Lookups implements FollowLookups {
  constructor(
    private readonly options: ClientOptions,
    private readonly log: (message: string) => void,
    private readonly clock?: Clock,
    /** The client the flows use; default the process's. */
    private readonly clientOf: () => RegistrarClient = () => this.processClient(),
  ) {}

  private get shared() {
    return processLookups(this.options);
  }

  /** The process's one client for these settings (one rate budget), which the shared lookups use. */
  processClient(): RegistrarClient {
    return this.shared.client();
  }

  client(): RegistrarClient {
    return this.clientOf();
  }

  /** The extension rules, for a kind's constructor: resolved per call, so a closed process's copy is never used. */
  readonly extensions = { get: (name: string, accountId: string) => this.shared.extensions.get(name, accountId) };

  get registrations() {
    return this.shared.registrations;
  }

  listed(domain: string, accountId: string): Registration | undefined {
    return this.registrations.known(domain, accountId);
  }

  settled(domain: string, accountId: string): Promise<Registration | undefined> {
    return this.registrations.settled(domain, accountId);
  }

  record(reg: Registration, accountId: string): void {
    this.registrations.record(reg, accountId);
  }

  context(): PurchaseContext {
    const client = this.client();
    return this.with(client, async (domain, accountId) => (await client.check([domain], accountId)).find((d) => d.name === domain));
  }

  purchasePrice<I extends PurchaseInputs, Q>(kind: PurchaseKind<I, Q, unknown>, inputs: I, accountId: string): Promise<Priced<Q>> {
    return kind.price(this.context(), inputs, accountId);
  }

  /**
   * The preview's price: its domain-check is batched with the names `declared` alongside (the SDK's hint)
   * and may be an answer an earlier check's batch brought.
   */
  previewPrice<I extends PurchaseInputs, Q>(kind: PurchaseKind<I, Q, unknown>, inputs: I, accountId: string, declared: unknown): Promise<Priced<Q>> {
    const checks = this.shared.checks;
    const ctx = this.with(this.client(), (domain, account) => checks.availability(domain, account, () => this.alongside(declared, account)));
    return kind.price(ctx, inputs, accountId);
  }

  /** Whether the preview's last answer for `domain` came from an earlier check's batch: a refusal must not rest on it. */
  answeredEarlier(domain: string, accountId: string): boolean {
    return this.shared.checks.answeredEarlier(domain, accountId);
  }

  close(): Promise<void> {
    return closeProcessLookups(this.options);
  }

  private with(client: RegistrarClient, domainCheck: PurchaseContext["domainCheck"]): PurchaseContext {
    return { client, log: this.log, clock: this.clock, domainCheck };
  }

  /** The names declared alongside that a domain-check could answer: valid, registrable, and not already held. */
  private alongside(declared: unknown, accountId: string): string[] {
    if (!Array.isArray(declared)) return [];
    return declared.flatMap((raw) => {
      const n = normalizeDomainName(raw);
      if (!("name" in n) || registrableProblem(n.name) !== undefined || this.registrations.known(n.name, accountId)) return [];
      return [n.name];
    });
  }
}
