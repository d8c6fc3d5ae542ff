/**
 * Following a domain once it is bought or adopted: update (the one change is autoRenew; a purchase an
 * earlier run left unfinished is resumed through buy, never bought again), refresh, the workflow state a
 * long purchase reports, and the warnings of a domain about to lapse.
 */
import { AuthenticationError, PermissionDeniedError, RegistrarError } from "../api/errors";
import { assessRenewal, DEFAULT_EXPIRY_WARNING_DAYS, RenewalFacts } from "../domain/renewal";
import { setAutoRenew } from "./autoRenew";
import type { Buy } from "./buy";
import { inFlight } from "./inFlight";
import type { Flow, PurchaseInputs, PurchaseOutputs } from "./kind";
import type { FollowLookups } from "./lookups/lookups";
import { recordedState, recordState } from "./mapping";

type Stored<I, Q> = I & { quote?: Q };

export class Follow<I extends PurchaseInputs, Q, O extends PurchaseOutputs> {
  constructor(
    private readonly flow: Flow<I, Q, O, FollowLookups>,
    private readonly buy: Pick<Buy<I, Q, O>, "adopt">,
  ) {}

  private get kind() {
    return this.flow.kind;
  }

  async update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: O }> {
    const { kind, flow } = this;
    const client = flow.lookups.client();
    const previous = olds as unknown as O;
    const inputs = { ...(news as unknown as I), quote: previous.quote } as Stored<I, Q>;
    const accountId = previous.accountId ?? client.accountId(inputs.accountId);
    const recorded = inFlight(kind, previous.status);
    if ((recorded && !recorded.hold) || (previous.workflowState !== undefined && !kind.pending.hold)) {
      // A purchase recorded by an earlier run that had not finished: resume it, never re-POST.
      const reg = await client.findRegistration(id, accountId);
      if (!reg) {
        throw new RegistrarError(
          `The ${kind.noun} of '${id}' recorded by an earlier run is gone: the account does not hold it. It may have failed; ` +
            `see its status in the dashboard. Remove it from the stack with \`pulumi state delete <urn>\` before trying again.`,
        );
      }
      return { outs: (await this.buy.adopt({ ...inputs, domainName: id }, accountId, reg, inputs.quote)).outs };
    }
    const wanted = inputs.autoRenew ?? false;
    if (recorded?.hold) {
      const now = await client.getRegistration(id, accountId);
      if (now.status === recorded.status) {
        // Nothing to change (the engine retrying a recorded resource): report progress, refuse nothing.
        if ((previous.autoRenew ?? false) === wanted) {
          return { outs: await this.withProgress(kind.outputs({ ...inputs, domainName: id }, accountId, now, inputs.quote), previous, accountId) };
        }
        throw new RegistrarError(recorded.hold.refusal(id));
      }
    }
    // An update with nothing to change (the engine retrying a recorded resource) only refreshes.
    const reg = previous.autoRenew === wanted ? await client.getRegistration(id, accountId) : await setAutoRenew(flow, id, accountId, wanted);
    return { outs: await this.withProgress(kind.outputs({ ...inputs, domainName: id }, accountId, reg, inputs.quote), previous, accountId) };
  }

  async read(id: string, props: Record<string, unknown>) {
    try {
      return await this.readNow(id, props);
    } catch (err) {
      throw withRecordedCredentials(err);
    }
  }

  private async readNow(id: string, props: Record<string, unknown>) {
    const { kind } = this;
    const { lookups } = this.flow;
    const previous = props as unknown as O;
    const accountId = previous.accountId ?? lookups.client().accountId();
    // The listing answers for what it holds, settled; anything else gets its own look before it is called gone.
    const reg = (await lookups.settled(id, accountId)) ?? (await lookups.client().findRegistration(id, accountId));
    if (!reg) {
      // No recorded status: a lookup by id (DomainRegistration.get, the id option), not a refresh of a
      // registration this stack recorded, so "gone" would silently hand the program empty outputs.
      if (previous.status === undefined) {
        throw new RegistrarError(
          `No registration of '${id}' in account ${accountId}: a lookup by id needs a domain the account holds. Check the id (the domain name) and the account id.`,
        );
      }
      return { id: "", props: {} };
    }
    this.warnOfRenewal({ domainName: reg.domain_name, status: reg.status, autoRenew: reg.auto_renew, expiresAt: reg.expires_at });
    const inputs = kind.readInputs(previous, reg, accountId);
    const outs = await this.withProgress(kind.outputs(inputs, accountId, reg, previous.quote as Q | undefined), previous, accountId);
    const { requestedPrivacyMode: _requested, ...reported } = inputs;
    return { id: reg.domain_name, props: outs, inputs: reported };
  }

  /**
   * Say when a domain is about to lapse or has, naming it and the one thing to do; or, with
   * failOnExpiryWarning, fail the run. A program about to turn autoRenew on needs no expiry warning.
   */
  warnOfRenewal(facts: RenewalFacts, autoRenewComing = false): void {
    if (typeof facts.domainName !== "string") return;
    const { settings, voice } = this.flow;
    const { warningDays, fail } = settings.renewal ?? { warningDays: DEFAULT_EXPIRY_WARNING_DAYS, fail: false };
    const { risk, warning } = assessRenewal(facts, (settings.now ?? Date.now)(), warningDays);
    if (!warning || (risk === "expiring" && autoRenewComing)) return;
    if (fail) throw new RegistrarError(`${warning} (This fails the run because cloudflare-registrar:failOnExpiryWarning is true.)`);
    voice.warn(warning);
  }

  /**
   * The workflow state to report with fresh outputs: the recorded one while the purchase is in flight,
   * or, for kinds that are followed in refresh, the workflow's own, asked for until it has ended.
   */
  private async withProgress(outs: O, previous: O, accountId: string): Promise<O> {
    const { kind } = this;
    const before = recordedState(kind, previous);
    const inFlightNow = outs.status === kind.pending.status;
    const ended = before === "succeeded" || before === "failed";
    if (!kind.followInRead || (!inFlightNow && (before === undefined || ended))) {
      if (before !== undefined && (inFlightNow || kind.followInRead)) recordState(kind, outs, before);
      return outs;
    }
    const workflow = await kind.status(this.flow.lookups.context(), outs.domainName, accountId);
    const now = workflow?.state ?? before;
    if (now !== undefined) recordState(kind, outs, now);
    return outs;
  }
}

/**
 * `pulumi refresh` configures the provider with the stack config recorded by the last `pulumi up`, not
 * the current one: a token fixed since then is not used until an update records it. A refusal of the
 * credentials in read says so, and what to run.
 */
function withRecordedCredentials(err: unknown): unknown {
  if (!(err instanceof AuthenticationError || err instanceof PermissionDeniedError)) return err;
  const Refusal = err.constructor as typeof AuthenticationError;
  const recorded =
    "If you changed the token since the last `pulumi up`: `pulumi refresh` uses the credentials recorded by the last `pulumi up`, " +
    "so run `pulumi up` to record the new ones, or `pulumi refresh --run-program` to refresh with the current config.";
  return new Refusal(err.status, err.errors, err.request, `${err.nextStep} ${recorded}`);
}
