/**
 * The lifecycle of a purchased, non-refundable, asynchronously completed domain resource, as Pulumi asks
 * for it. A kind (registration, transfer) supplies what differs; the invariants live in the flows, once:
 *
 * - check prices the purchase in the preview and refuses a change that would need a second one;
 * - create is `buy.ts`, the only code that starts a purchase (adopt first, price fresh, POST once);
 * - read and update are `follow.ts` (refresh, autoRenew, resuming an unfinished purchase, renewal warnings);
 * - nothing is ever deleted.
 */
import type { ProviderSettings } from "../host/stackConfig";
import { CredentialsError, RegistrarError } from "../api/errors";
import type { Registration } from "../api/schemas";
import type { RegistrarClient } from "../api/client";
import { configuredAccountId } from "../api/clientOptions";
import { isUnknown } from "../domain/validation";
import type { RenewalFacts } from "../domain/renewal";
import { ALONGSIDE } from "../host/alongside";
import { Buy } from "./buy";
import { refuseChanges } from "./changes";
import { Follow } from "./follow";
import { adoptionNote } from "./inFlight";
import type { Flow, PurchaseInputs, PurchaseKind, PurchaseOutputs } from "./kind";
import { Lookups } from "./lookups/lookups";
import { deleteRefusal } from "./partial";
import { unappliedInState, unappliedOnAdoption } from "./unapplied";
import { unpricedPreview } from "./unpriced";
import { voiceOf } from "./voice";

export type { PurchaseOutputs } from "./kind";

export class PurchaseLifecycle<I extends PurchaseInputs, Q, O extends PurchaseOutputs> {
  protected readonly lookups: Lookups;
  private readonly voice;
  private readonly buy: Buy<I, Q, O>;
  private readonly follow: Follow<I, Q, O>;

  constructor(
    protected readonly kind: PurchaseKind<I, Q, O>,
    protected readonly settings: ProviderSettings,
  ) {
    this.voice = voiceOf(settings);
    this.lookups = new Lookups(settings.client, this.voice.log, settings.poll?.clock, () => this.client());
    const flow: Flow<I, Q, O, Lookups> = { kind, settings, lookups: this.lookups, voice: this.voice };
    this.buy = new Buy(flow);
    this.follow = new Follow(flow, this.buy);
  }

  /** The client the flows send with: the process's one for these settings. */
  protected client(): RegistrarClient {
    return this.lookups.processClient();
  }

  /** Whether credentials are configured, without failing when they are not. */
  private hasCredentials(): boolean {
    try {
      this.lookups.client();
      return true;
    } catch (err) {
      if (err instanceof CredentialsError) return false;
      throw err;
    }
  }

  /** Close this process's client for these settings; the next call opens a new one. */
  async close(): Promise<void> {
    await this.lookups.close();
  }

  async check(olds: Record<string, unknown> | undefined, news: Record<string, unknown>) {
    // The SDK's hint is for this call only: it never becomes an input, so never state, a diff or a plan.
    const { [ALONGSIDE]: declared, ...given } = news;
    const { inputs, failures } = this.kind.validate(given);
    inputs.accountId ??= configuredAccountId(this.settings.client.accountId, this.settings.client.env);
    if (inputs.accountId === undefined) delete inputs.accountId;

    if (olds !== undefined && typeof olds.domainName === "string") {
      failures.push(...refuseChanges(olds, inputs, this.kind));
      // The quote belongs to the purchase already made.
      if (olds.quote !== undefined) inputs.quote = olds.quote;
      else delete inputs.quote;
      return { inputs, failures };
    }

    delete inputs.quote; // only check writes a quote
    if (failures.length > 0 || isUnknown(inputs.domainName) || isUnknown(inputs.accountId)) return { inputs, failures };
    const domain = inputs.domainName as string;
    const credentials = this.hasCredentials();
    if (!credentials || inputs.accountId === undefined) {
      const missing = { credentials: !credentials, accountId: inputs.accountId === undefined };
      const verdict = unpricedPreview(domain, this.kind.gerund, missing, this.settings.requirePricedPreview ?? false);
      if ("failure" in verdict) return { inputs, failures: [verdict.failure] };
      this.voice.warn(verdict.warning);
      return { inputs, failures };
    }
    const accountId = inputs.accountId as string;
    const owned = await this.lookups.registrations.find(domain, accountId);
    if (owned) {
      this.previewAdoption(domain, inputs, owned);
      return { inputs, failures };
    }
    let priced = await this.lookups.previewPrice(this.kind, inputs as unknown as I, accountId, declared);
    if ("failures" in priced) {
      // The listing may predate the domain's arrival in the account (the dashboard, another stack, a lagging
      // list), and "unavailable" or "already on Cloudflare" would then send the owner away from their own
      // domain. A refusal rests on a fresh look: one request, on this path only.
      const fresh = await this.lookups.client().findRegistration(domain, accountId);
      if (fresh) {
        this.lookups.record(fresh, accountId);
        this.previewAdoption(domain, inputs, fresh);
        return { inputs, failures };
      }
      // Likewise an availability answer that an earlier check's batch brought (minutes old, at most): asked
      // again, alone, before it refuses.
      if (this.lookups.answeredEarlier(domain, accountId)) priced = await this.lookups.purchasePrice(this.kind, inputs as unknown as I, accountId);
      if ("failures" in priced) return { inputs, failures: priced.failures };
    }
    inputs.quote = priced.quote;
    const sandbox = this.lookups.client().sandbox ? " in the Registrar Sandbox (no real charge)" : "";
    this.voice.log(`${domain}: ${this.kind.eligible ?? "available"}; ${this.kind.gerund} it will cost ${this.kind.describeQuote(priced.quote)}${sandbox}.`);
    return { inputs, failures };
  }

  /** Say that the preview adopts `reg` with no purchase, and which create-only inputs it cannot apply. */
  private previewAdoption(domain: string, inputs: Record<string, unknown>, reg: Registration): void {
    this.voice.log(`${domain}: ${adoptionNote(this.kind, reg.status)}`);
    const unapplied = unappliedOnAdoption(domain, inputs, this.kind.createOnly, reg.privacy_mode);
    if (unapplied) this.voice.warn(unapplied);
  }

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // Every preview diffs every existing resource: the moment to warn of a lapse, from the state alone.
    this.follow.warnOfRenewal(olds as unknown as RenewalFacts, news.autoRenew === true);
    const unapplied = unappliedInState(olds, news, this.kind.createOnly);
    if (unapplied) this.voice.warn(unapplied);
    // autoRenew is the only input that changes an existing purchase; everything else is refused in check,
    // so a replacement is never planned.
    const wanted = news.autoRenew;
    const changed = isUnknown(wanted) || (wanted ?? false) !== (olds.autoRenew ?? false);
    return { changes: changed, replaces: [] as string[], deleteBeforeReplace: false };
  }

  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: O }> {
    return this.buy.create(inputs);
  }

  read(id: string, props: Record<string, unknown>) {
    return this.follow.read(id, props);
  }

  update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: O }> {
    return this.follow.update(id, olds, news);
  }

  async delete(id: string, props: Record<string, unknown>): Promise<void> {
    throw new RegistrarError(deleteRefusal((props.domainName as string | undefined) ?? id, this.kind.noun, this.kind.deleteNote));
  }
}
