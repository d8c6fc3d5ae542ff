/**
 * The lifecycle of a purchased, non-refundable, asynchronously completed domain resource: what Pulumi's
 * check, diff, create, read, update and delete mean for it. A kind (registration, transfer) supplies what
 * differs; the invariants live here, once:
 *
 * - nothing is bought that the preview did not price, and nothing dearer than it showed;
 * - a domain the account already owns or is acquiring is adopted or resumed, never bought again;
 * - the purchase POST is sent at most once per create; after an uncertain answer, look, never re-POST;
 * - an unfinished purchase is recorded as resumable partial state; nothing is ever deleted.
 */
import type { RegistrarClient } from "../api/client";
import type { ProviderSettings } from "../host/stackConfig";
import {
  AuthenticationError,
  ConflictError,
  CredentialsError,
  OutcomeUnknownError,
  PermissionDeniedError,
  RegistrarError,
  ResponseShapeError,
} from "../api/errors";
import { warnEngine } from "../host/engineLog";
import type { Registration, WorkflowStatus } from "../api/schemas";
import { configuredAccountId } from "../api/clientOptions";
import { isUnknown, normalizeDomainName, registrableProblem } from "../domain/validation";
import { awaitWorkflow, settledOutcome, WorkflowOutcome } from "../workflow/poll";
import { PROGRESS_EVERY_MS, progressLines } from "../workflow/progress";
import { assessRenewal, DEFAULT_EXPIRY_WARNING_DAYS, RenewalFacts } from "../domain/renewal";
import { RegistrationIndex } from "./lookups/registrationIndex";
import { ALONGSIDE } from "../host/alongside";
import { DomainChecks } from "./lookups/domainChecks";
import { redact } from "../api/secrets";
import { refuseChanges } from "./changes";
import type { PurchaseContext, PurchaseInputs, PurchaseKind } from "./kind";
import { unfinishedMessage } from "./outcome";
import { unappliedInState, unappliedOnAdoption } from "./unapplied";
import { unpricedPreview } from "./unpriced";
import { deleteRefusal, PartialStateError } from "./partial";

/** The outputs every purchase shares (a domain registration, as Cloudflare reports it). */
export interface PurchaseOutputs {
  domainName: string;
  autoRenew: boolean;
  accountId: string;
  status: string;
  workflowState?: string;
  quote?: unknown;
}

type Stored<I, Q> = I & { quote?: Q };

export class PurchaseLifecycle<I extends PurchaseInputs, Q, O extends PurchaseOutputs> {
  private clientInstance?: RegistrarClient;
  /** The account's registrations, listed once per process: the preview's and refresh's look. */
  protected readonly registrations = new RegistrationIndex(() => this.client());
  /** The preview's domain-check answers, batched by the names declared alongside. */
  private readonly checks = new DomainChecks(
    () => this.client(),
    () => (this.settings.now ?? Date.now)(),
  );

  constructor(
    protected readonly kind: PurchaseKind<I, Q, O>,
    protected readonly settings: ProviderSettings,
  ) {}

  protected log(message: string): void {
    (this.settings.log ?? ((m: string) => console.error(m)))(redact(`cloudflare-registrar: ${message}`));
  }

  /** A warning the engine counts as one; with only a `log` given (tests, scripts), that log has it. */
  protected warn(message: string): void {
    const text = redact(message);
    if (this.settings.log && !this.settings.warn) this.settings.log(`cloudflare-registrar: warning: ${text}`);
    else (this.settings.warn ?? warnEngine)(`cloudflare-registrar: ${text}`);
  }

  protected client(): RegistrarClient {
    // Loaded on first use: the HTTP stack (undici) and the response schemas (zod) cost ~260 ms of start-up
    // that a preview of unchanged resources (check of an existing resource, diff) never needs.
    return (this.clientInstance ??= new (require("../api/client") as typeof import("../api/client")).RegistrarClient(this.settings.client));
  }

  /** What a kind may use; `declared` (Check only) are the names the program declared alongside, to batch its domain-check. */
  protected context(declared?: unknown): PurchaseContext {
    const client = this.client();
    const domainCheck =
      declared === undefined
        ? async (domain: string, accountId: string) => (await client.check([domain], accountId)).find((d) => d.name === domain)
        : (domain: string, accountId: string) => this.checks.availability(domain, accountId, () => this.alongside(declared, accountId));
    return { client, log: (m) => this.log(m), clock: this.settings.poll?.clock, domainCheck };
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

  /** Whether credentials are configured, without failing when they are not. */
  private hasCredentials(): boolean {
    try {
      this.client();
      return true;
    } catch (err) {
      if (err instanceof CredentialsError) return false;
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.clientInstance?.close();
  }

  // ---- check -----------------------------------------------------------------------------------

  async check(olds: Record<string, unknown> | undefined, news: Record<string, unknown>) {
    // The SDK's hint is for this call only: it never becomes an input, so never state, a diff or a plan.
    const { [ALONGSIDE]: declared, ...given } = news;
    const { inputs, failures } = this.kind.validate(given);
    const existing = olds !== undefined && typeof olds.domainName === "string";
    inputs.accountId ??= configuredAccountId(this.settings.client.accountId, this.settings.client.env);
    if (inputs.accountId === undefined) delete inputs.accountId;

    if (existing) {
      failures.push(...refuseChanges(olds!, inputs, this.kind.createOnly, this.kind.noun));
      // The quote belongs to the purchase already made.
      if (olds!.quote !== undefined) inputs.quote = olds!.quote;
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
      this.warn(verdict.warning);
      return { inputs, failures };
    }
    const accountId = inputs.accountId as string;
    const owned = await this.registrations.find(domain, accountId);
    if (owned) {
      this.log(`${domain}: ${this.adoptionNote(owned.status)}`);
      const unapplied = unappliedOnAdoption(domain, inputs, this.kind.createOnly, owned.privacy_mode);
      if (unapplied) this.warn(unapplied);
      return { inputs, failures };
    }
    let priced = await this.kind.price(this.context(declared ?? []), inputs as unknown as I, accountId);
    if ("failures" in priced) {
      // The listing may predate the domain's arrival in the account (the dashboard, another stack, a lagging
      // list), and "unavailable" or "already on Cloudflare" would then send the owner away from their own
      // domain. A refusal rests on a fresh look: one request, on this path only.
      const fresh = await this.client().findRegistration(domain, accountId);
      if (fresh) {
        this.registrations.record(fresh, accountId);
        this.log(`${domain}: ${this.adoptionNote(fresh.status)}`);
        const unapplied = unappliedOnAdoption(domain, inputs, this.kind.createOnly, fresh.privacy_mode);
        if (unapplied) this.warn(unapplied);
        return { inputs, failures };
      }
      // Likewise an availability answer that an earlier check's batch brought (minutes old, at most): asked
      // again, alone, before it refuses.
      if (this.checks.answeredEarlier(domain, accountId)) priced = await this.kind.price(this.context(), inputs as unknown as I, accountId);
      if ("failures" in priced) return { inputs, failures: priced.failures };
    }
    inputs.quote = priced.quote;
    this.log(
      `${domain}: ${this.kind.eligible ?? "available"}; ${this.kind.gerund} it will cost ${this.kind.describeQuote(priced.quote)}${this.sandboxNote()}.`,
    );
    return { inputs, failures };
  }

  private sandboxNote(): string {
    return this.client().sandbox ? " in the Registrar Sandbox (no real charge)" : "";
  }

  /** What adopting a registration in this status means, for the log. */
  private adoptionNote(status: string): string {
    if (status === "registration_pending")
      return "the account is already registering this domain; it will be adopted and its registration resumed, with no purchase.";
    if (status === "transfer_pending")
      return "the domain is transferring into the account (transfer_pending); it is adopted as it is, with no purchase, and refresh follows it until it is active.";
    return "already owned by the account; adopted with no purchase.";
  }

  // ---- diff ------------------------------------------------------------------------------------

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // Every preview diffs every existing resource: the moment to warn of a lapse, from the state alone.
    this.warnOfRenewal(olds as unknown as RenewalFacts, news.autoRenew === true);
    const unapplied = unappliedInState(olds, news, this.kind.createOnly);
    if (unapplied) this.warn(unapplied);
    // autoRenew is the only input that changes an existing purchase; everything else is refused in check,
    // so a replacement is never planned.
    const wanted = news.autoRenew;
    const changed = isUnknown(wanted) || (wanted ?? false) !== (olds.autoRenew ?? false);
    return { changes: changed, replaces: [] as string[], deleteBeforeReplace: false };
  }

  // ---- create ----------------------------------------------------------------------------------

  async create(raw: Record<string, unknown>): Promise<{ id: string; outs: O }> {
    const inputs = raw as unknown as Stored<I, Q>;
    const domain = inputs.domainName;
    const client = this.client();
    const accountId = client.accountId(inputs.accountId);

    // Owned as listed in this process: adopt, which buys nothing. Anything else is looked up fresh,
    // because it may lead to the POST.
    const owned = this.registrations.known(domain, accountId) ?? (await client.findRegistration(domain, accountId));
    if (owned) return this.adopt(inputs, accountId, owned);

    // The look right before the POST: never from a cache, never skipped.
    const priced = await this.kind.price(this.context(), inputs, accountId);
    if ("failures" in priced) throw new RegistrarError(`Not ${this.kind.gerund}: ${priced.failures.map((f) => f.reason).join(" ")}`);
    const rose = this.kind.roseSincePreview(domain, priced.quote, inputs.quote);
    if (rose) throw new RegistrarError(rose);
    const quote = priced.quote;

    let workflow: WorkflowStatus;
    try {
      workflow = await this.kind.start(this.context(), inputs, accountId, quote);
    } catch (err) {
      // A 2xx we cannot read may still be a recorded purchase: look, as for a lost answer.
      if (err instanceof OutcomeUnknownError || err instanceof ConflictError || err instanceof ResponseShapeError) {
        return this.afterUncertainStart(inputs, accountId, quote, err);
      }
      throw err;
    }
    return this.finish(inputs, accountId, quote, workflow);
  }

  /** The POST may or may not have been recorded: look, and never POST again. */
  private async afterUncertainStart(inputs: I, accountId: string, quote: Q, cause: RegistrarError): Promise<{ id: string; outs: O }> {
    const domain = inputs.domainName;
    this.log(
      `${domain}: ${cause instanceof ConflictError ? `the ${this.kind.noun} conflicted` : `the ${this.kind.noun} answer was lost or unreadable`}; looking before doing anything else.`,
    );
    const found = await this.client().findRegistration(domain, accountId);
    if (!found) {
      throw new RegistrarError(
        `The ${this.kind.noun} request for '${domain}' may not have been processed (${cause.message}), and the account does not ` +
          `hold '${domain}' now. Nothing was bought twice; no second request was sent. Run \`pulumi up\` again: ` +
          `it checks availability and ownership first.`,
      );
    }
    // Recorded: finished, or still in flight (adopt resumes its workflow).
    return this.adopt(inputs, accountId, found, quote);
  }

  /** Await the purchase's workflow and turn its outcome into outputs, or an error the user can act on. */
  private async finish(inputs: I, accountId: string, quote: Q | undefined, workflow: WorkflowStatus): Promise<{ id: string; outs: O }> {
    const domain = inputs.domainName;
    const client = this.client();
    const deadlineMs = this.kind.awaitMs?.(this.context());
    const outcome: WorkflowOutcome =
      settledOutcome(workflow) ??
      (await awaitWorkflow(workflow, (link) => client.followWorkflow(link), {
        ...this.kind.poll,
        ...this.settings.poll,
        ...(deadlineMs !== undefined ? { deadlineMs } : {}),
        onProgress: progressLines(`${domain}: ${this.kind.noun}`, workflow.state, (m) => this.log(m)),
        reportEveryMs: PROGRESS_EVERY_MS,
      }));
    if (outcome.kind === "succeeded") {
      const { registration: registrationSchema } = require("../api/schemas") as typeof import("../api/schemas");
      const fromContext = registrationSchema.safeParse(outcome.workflow.context?.registration);
      const reg = fromContext.success ? fromContext.data : await client.getRegistration(domain, accountId);
      this.registrations.record(reg, accountId);
      const outs = this.kind.outputs(inputs, accountId, reg, quote);
      if (this.kind.followInRead) this.setState(outs, outcome.workflow.state);
      return this.converge(outs, inputs.autoRenew ?? false);
    }
    if (outcome.kind === "deadline" && this.kind.onDeadline === "pending") {
      // Long purchases (a transfer waits days on a third party) end the create here; refresh follows them.
      const reg = await client.findRegistration(domain, accountId);
      const outs = reg ? this.kind.outputs(inputs, accountId, reg, quote) : this.kind.pendingOutputs(inputs, accountId, quote, outcome.state);
      this.setState(outs, outcome.state);
      this.log(`${domain}: the ${this.kind.noun} is under way (${outcome.state}) and continues without this run; \`pulumi refresh\` follows it.`);
      return { id: domain, outs };
    }
    const Noun = this.kind.noun[0]!.toUpperCase() + this.kind.noun.slice(1);
    const message = unfinishedMessage(outcome, {
      what: `${Noun} of '${domain}'`,
      afterFailure:
        this.kind.afterFailure ??
        `The workflow is finished and will not be retried automatically; review the reason (it often needs a different name, contact or term) before running pulumi up again.`,
      afterAction: `Complete it, then run \`pulumi up\` again: it resumes this ${this.kind.noun} without paying again.`,
      afterDeadline: `It was recorded in the stack; run \`pulumi up\` later to resume it without ${this.kind.gerund} again.`,
      detailed: true,
    });
    if (outcome.kind === "failed") throw new RegistrarError(message);
    throw new PartialStateError(message, domain, this.kind.pendingOutputs(inputs, accountId, quote, outcome.workflow.state));
  }

  private async adopt(inputs: I, accountId: string, reg: Registration, quote?: Q): Promise<{ id: string; outs: O }> {
    this.registrations.record(reg, accountId);
    if (reg.status === this.kind.pendingStatus) {
      const workflow = await this.kind.status(this.context(), inputs.domainName, accountId);
      if (workflow) {
        this.log(`${inputs.domainName}: a ${this.kind.noun} is already in flight; resuming it (no new purchase).`);
        return this.finish(inputs, accountId, quote, workflow);
      }
      // In flight with no workflow to follow here (started elsewhere): adopted as it is.
    }
    if (!quote) this.log(`${inputs.domainName}: ${this.adoptionNote(reg.status)}`);
    const outs = this.kind.outputs(inputs, accountId, reg, quote);
    if (reg.status === "transfer_pending") {
      // Nothing may change mid-transfer; autoRenew is applied by a pulumi up after it lands.
      if ((inputs.autoRenew ?? false) !== reg.auto_renew) {
        this.log(
          `${inputs.domainName}: autoRenew stays ${reg.auto_renew} until the transfer lands; run \`pulumi up\` after it does to apply ${inputs.autoRenew ?? false}.`,
        );
      }
      return { id: outs.domainName, outs };
    }
    return this.converge(outs, inputs.autoRenew ?? false);
  }

  /** Apply the declared autoRenew if the registration differs. */
  private async converge(outs: O, wanted: boolean): Promise<{ id: string; outs: O }> {
    if (wanted !== outs.autoRenew) {
      const reg = await this.setAutoRenew(outs.domainName, outs.accountId, wanted);
      return { id: outs.domainName, outs: this.kind.outputs(outs as unknown as I, outs.accountId, reg, outs.quote as Q | undefined) };
    }
    return { id: outs.domainName, outs };
  }

  // ---- update ----------------------------------------------------------------------------------

  async update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: O }> {
    const previous = olds as unknown as O;
    const inputs = { ...(news as unknown as I), quote: previous.quote } as Stored<I, Q>;
    const accountId = previous.accountId ?? this.client().accountId(inputs.accountId);
    if (previous.status === "registration_pending" || (previous.workflowState !== undefined && this.kind.pendingStatus === "registration_pending")) {
      // A purchase recorded by an earlier run that had not finished: resume it, never re-POST.
      const reg = await this.client().findRegistration(id, accountId);
      if (!reg) {
        throw new RegistrarError(
          `The ${this.kind.noun} of '${id}' recorded by an earlier run is gone: the account does not hold it. It may have failed; ` +
            `see its status in the dashboard. Remove it from the stack with \`pulumi state delete <urn>\` before trying again.`,
        );
      }
      return { outs: (await this.adopt({ ...inputs, domainName: id }, accountId, reg, inputs.quote)).outs };
    }
    const wanted = inputs.autoRenew ?? false;
    if (previous.status === "transfer_pending") {
      const now = await this.client().getRegistration(id, accountId);
      if (now.status === "transfer_pending") {
        // Nothing to change (the engine retrying a recorded resource): report progress, refuse nothing.
        if ((previous.autoRenew ?? false) === wanted) {
          return { outs: await this.withProgress(this.kind.outputs({ ...inputs, domainName: id }, accountId, now, inputs.quote), previous, accountId) };
        }
        throw new RegistrarError(
          `Not changing autoRenew on '${id}': the domain is still transferring into the account (status transfer_pending), and nothing ` +
            `can change until the transfer lands (usually within 5 to 10 days). Run \`pulumi refresh\` to follow it, then \`pulumi up\` once it is active.`,
        );
      }
    }
    // An update with nothing to change (the engine retrying a recorded resource) only refreshes.
    const reg = previous.autoRenew === wanted ? await this.client().getRegistration(id, accountId) : await this.setAutoRenew(id, accountId, wanted);
    return { outs: await this.withProgress(this.kind.outputs({ ...inputs, domainName: id }, accountId, reg, inputs.quote), previous, accountId) };
  }

  /** PATCH auto_renew, await its workflow (200, or 202 then update-status), and return the fresh registration. */
  private async setAutoRenew(domain: string, accountId: string, autoRenew: boolean): Promise<Registration> {
    const client = this.client();
    const { workflow } = await client.updateRegistration(domain, { auto_renew: autoRenew }, { accountId });
    const onProgress = progressLines(`${domain}: auto_renew=${autoRenew} update`, workflow.state, (m) => this.log(m));
    const outcome =
      settledOutcome(workflow) ??
      (await awaitWorkflow(workflow, (link) => client.followWorkflow(link), { ...this.settings.poll, onProgress, reportEveryMs: PROGRESS_EVERY_MS }));
    if (outcome.kind !== "succeeded") {
      throw new RegistrarError(
        unfinishedMessage(outcome, {
          what: `Setting auto_renew=${autoRenew} on '${domain}'`,
          afterFailure: "The registration is unchanged; run pulumi up to try again.",
          afterAction: "Complete it, then run pulumi up again.",
          afterDeadline: "run pulumi up (or pulumi refresh) later to see it finish.",
          detailed: false,
        }),
      );
    }
    const reg = await client.getRegistration(domain, accountId);
    this.registrations.record(reg, accountId);
    return reg;
  }

  // ---- read ------------------------------------------------------------------------------------

  async read(id: string, props: Record<string, unknown>) {
    try {
      return await this.readNow(id, props);
    } catch (err) {
      throw withRecordedCredentials(err);
    }
  }

  private async readNow(id: string, props: Record<string, unknown>) {
    const previous = props as unknown as O;
    const accountId = previous.accountId ?? this.client().accountId();
    // The listing answers for what it holds, settled; anything else gets its own look before it is called gone.
    const reg = (await this.registrations.settled(id, accountId)) ?? (await this.client().findRegistration(id, accountId));
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
    const inputs = this.kind.readInputs(previous, reg, accountId);
    const outs = await this.withProgress(this.kind.outputs(inputs, accountId, reg, previous.quote as Q | undefined), previous, accountId);
    const { requestedPrivacyMode: _requested, ...reported } = inputs;
    return { id: reg.domain_name, props: outs, inputs: reported };
  }

  /**
   * Say when a domain is about to lapse or has, naming it and the one thing to do; or, with
   * failOnExpiryWarning, fail the run. A program about to turn autoRenew on needs no expiry warning.
   */
  private warnOfRenewal(facts: RenewalFacts, autoRenewComing = false): void {
    if (typeof facts.domainName !== "string") return;
    const { warningDays, fail } = this.settings.renewal ?? { warningDays: DEFAULT_EXPIRY_WARNING_DAYS, fail: false };
    const { risk, warning } = assessRenewal(facts, (this.settings.now ?? Date.now)(), warningDays);
    if (!warning || (risk === "expiring" && autoRenewComing)) return;
    if (fail) throw new RegistrarError(`${warning} (This fails the run because cloudflare-registrar:failOnExpiryWarning is true.)`);
    this.warn(warning);
  }

  private setState(outs: O, state: string): void {
    (outs as Record<string, unknown>)[this.kind.stateOutput ?? "workflowState"] = state;
  }

  /**
   * The workflow state to report with fresh outputs: the recorded one while the purchase is in flight,
   * or, for kinds that are followed in refresh, the workflow's own, asked for until it has ended.
   */
  private async withProgress(outs: O, previous: O, accountId: string): Promise<O> {
    const before = (previous as Record<string, unknown>)[this.kind.stateOutput ?? "workflowState"] as string | undefined;
    const inFlight = outs.status === this.kind.pendingStatus;
    const ended = before === "succeeded" || before === "failed";
    if (!this.kind.followInRead || (!inFlight && (before === undefined || ended))) {
      if (before !== undefined && (inFlight || this.kind.followInRead)) this.setState(outs, before);
      return outs;
    }
    const workflow = await this.kind.status(this.context(), outs.domainName, accountId);
    const now = workflow?.state ?? before;
    if (now !== undefined) this.setState(outs, now);
    return outs;
  }

  // ---- delete ----------------------------------------------------------------------------------

  async delete(id: string, props: Record<string, unknown>): Promise<void> {
    throw new RegistrarError(deleteRefusal((props.domainName as string | undefined) ?? id, this.kind.noun, this.kind.deleteNote));
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
