/**
 * DomainRegistration's lifecycle: what Pulumi's check, diff, create, read, update and delete mean for
 * a purchase that costs money, cannot be refunded and completes asynchronously.
 *
 * Invariants: nothing is bought that the preview did not price; a registration POST is sent at most
 * once per create, and never when the account already owns or is registering the domain.
 */
import { RegistrarClient } from "./client";
import type { ProviderSettings } from "./config";
import { ConflictError, CredentialsError, OutcomeUnknownError, RegistrarError, ResponseShapeError } from "./errors";
import { describeQuote, Quote } from "./quote";
import { priceRoseSincePreview, priceVerdict, PriceVerdict } from "./verdict";
import { registration as registrationSchema, Registration, WorkflowStatus } from "./schemas";
import { configuredAccountId } from "./settings";
import { ExtensionCatalogue } from "./extensionCatalogue";
import { extensionOf } from "./names";
import { createBody } from "./registrationMapping";
import { minimumTerm, schemaFailures } from "./registrationSchema";
import { CheckFailure, containsUnknown, isUnknown, RegistrationArgs, validateInputs } from "./validation";
import { awaitWorkflow, settledOutcome, WorkflowOutcome } from "./workflow";

/** Inputs as stored in state (the SDK's names). */
export interface RegistrationInputs extends RegistrationArgs {
  /** Added by check: the price the preview showed. */
  quote?: Quote;
}

export interface RegistrationOutputs extends RegistrationInputs {
  domainName: string;
  autoRenew: boolean;
  accountId: string;
  status: string;
  createdAt: string | null;
  expiresAt: string | null;
  locked: boolean;
  privacyMode: string;
  /** The privacyMode input as given, kept apart from the registration's actual privacyMode. */
  requestedPrivacyMode?: string;
  /** Set while a registration workflow has not finished: its last state. */
  workflowState?: string;
}

/** Inputs used only when the domain is bought: changing them later cannot change the registration. */
const REGISTRATION_ONLY = ["years", "privacyMode", "contacts", "contactExtensions", "acknowledgements"] as const;

/** Deep equality that ignores key order (objects may cross the engine in any order). */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === "object" && !Array.isArray(val) ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => a.localeCompare(b))) : val,
  );
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** An error the engine records with the resource, so the next `pulumi up` resumes instead of buying again. */
export class PartialRegistrationError extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: RegistrationOutputs,
  ) {
    super(message);
    this.name = "PartialRegistrationError";
  }
  get reasons(): string[] {
    return [this.message];
  }
}

/** What adopting a registration in this status means, for the log. */
function adoptionNote(status: string): string {
  if (status === "registration_pending") return "the account is already registering this domain; it will be adopted and its registration resumed, with no purchase.";
  if (status === "transfer_pending") return "the domain is transferring into the account (transfer_pending); it is adopted as it is, with no purchase, and refresh follows it until it is active.";
  return "already owned by the account; adopted with no purchase.";
}

export function deleteRefusal(domainName: string): string {
  return (
    `Refusing to delete the registration of ${domainName}: Cloudflare domain registrations are non-refundable, ` +
    `and deleting this resource cannot un-register the domain. Ways out: set autoRenew: false (and run pulumi up) ` +
    `to let the domain lapse at expiry; or stop managing it without touching the domain, with the resource option ` +
    `retainOnDelete: true, or \`pulumi state delete <urn>\`.`
  );
}

export class RegistrationProvider {
  private clientInstance?: RegistrarClient;
  /** Per process, never in state: the extensions' rules, fetched once each. */
  private readonly extensions = new ExtensionCatalogue(() => this.client());

  constructor(private readonly settings: ProviderSettings) {}

  private log(message: string): void {
    (this.settings.log ?? ((m: string) => console.error(m)))(`cloudflare-registrar: ${message}`);
  }

  private client(): RegistrarClient {
    return (this.clientInstance ??= new RegistrarClient(this.settings.client));
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

  private defaultAccountId(): string | undefined {
    return configuredAccountId(this.settings.client.accountId, this.settings.client.env);
  }

  async close(): Promise<void> {
    await this.clientInstance?.close();
  }

  // ---- check -----------------------------------------------------------------------------------

  async check(olds: Record<string, unknown> | undefined, news: Record<string, unknown>) {
    const { inputs, failures } = validateInputs(news);
    const existing = olds !== undefined && typeof olds.domainName === "string";
    inputs.accountId ??= this.defaultAccountId();
    if (inputs.accountId === undefined) delete inputs.accountId;

    if (existing) {
      failures.push(...this.refuseReplacement(olds!, inputs));
      // The quote belongs to the purchase already made.
      if (olds!.quote !== undefined) inputs.quote = olds!.quote;
      else delete inputs.quote;
      return { inputs, failures };
    }

    delete inputs.quote; // only check writes a quote
    if (failures.length > 0 || isUnknown(inputs.domainName) || isUnknown(inputs.accountId)) return { inputs, failures };
    const domain = inputs.domainName as string;
    if (!this.hasCredentials() || inputs.accountId === undefined) {
      this.log(`${domain}: no Cloudflare credentials or account id in this run, so availability, price and the extension's rules were not checked.`);
      return { inputs, failures };
    }
    const accountId = inputs.accountId as string;
    const owned = await this.client().findRegistration(domain, accountId);
    if (owned) {
      this.log(`${domain}: ${adoptionNote(owned.status)}`);
      return { inputs, failures };
    }
    const plan = await this.purchasePlan(inputs as unknown as RegistrationInputs, accountId);
    const verdict = await this.priceCheck(domain, accountId, plan.years, inputs.maxPrice);
    if ("failure" in verdict) return { inputs, failures: [...plan.failures, verdict.failure] };
    if (plan.failures.length) return { inputs, failures: plan.failures };
    inputs.quote = verdict.quote;
    this.log(`${domain}: available; registering it will cost ${describeQuote(verdict.quote)}${this.sandboxNote()}.`);
    return { inputs, failures };
  }

  private sandboxNote(): string {
    return this.client().sandbox ? " in the Registrar Sandbox (no real charge)" : "";
  }

  /**
   * The term to buy and what the extension's schema says of the body that would be sent. The term is
   * the input, else the preview's quote, else the extension's published minimum, else 1: never the
   * API's unstated default, so the price shown is the price charged.
   */
  private async purchasePlan(inputs: RegistrationInputs, accountId: string): Promise<{ years: number; failures: CheckFailure[] }> {
    const extension = extensionOf(inputs.domainName);
    const rules = await this.extensions.get(extension, accountId);
    const years = isUnknown(inputs.years) ? 1 : (inputs.years ?? inputs.quote?.years ?? minimumTerm(rules?.registration_schema) ?? 1);
    if (!rules || containsUnknown(inputs)) return { years, failures: [] };
    const failures = schemaFailures(rules.registration_schema, createBody(inputs, years), extension);
    if (failures === undefined) this.log(`${inputs.domainName}: the API's schema for '.${extension}' could not be read, so its rules were not checked here; Cloudflare checks them before any charge.`);
    return { years, failures: failures ?? [] };
  }

  /** Failures for changes that would need a new registration: never planned, always refused. */
  private refuseReplacement(olds: Record<string, unknown>, news: Record<string, unknown>): CheckFailure[] {
    const failures: CheckFailure[] = [];
    const oldName = olds.domainName as string;
    if (!isUnknown(news.domainName) && news.domainName !== oldName) {
      failures.push({
        property: "domainName",
        reason:
          `domainName cannot change from '${oldName}' to ${JSON.stringify(news.domainName)}: that would mean buying a second domain ` +
          `(registrations are non-refundable), so it is never planned. To register another domain, add a new DomainRegistration; ` +
          `to stop managing '${oldName}', remove it with retainOnDelete: true or \`pulumi state delete\`.`,
      });
    }
    if (olds.accountId !== undefined && news.accountId !== undefined && !isUnknown(news.accountId) && news.accountId !== olds.accountId) {
      failures.push({
        property: "accountId",
        reason: `accountId cannot change from '${olds.accountId}' to '${news.accountId}': the registration of '${oldName}' belongs to the first account. Move it between accounts in the Cloudflare dashboard, then adopt it in a new resource.`,
      });
    }
    for (const key of REGISTRATION_ONLY) {
      const [was, now] = [olds[key], news[key]];
      if (was === undefined || now === undefined || containsUnknown(now) || same(was, now)) continue;
      const shown = key === "contacts" || key === "contactExtensions" ? `the ${key}` : `${key} from ${JSON.stringify(was)} to ${JSON.stringify(now)}`;
      failures.push({
        property: key,
        reason:
          `Cannot change ${shown} of '${oldName}': ${key} is used only when the domain is registered, and changing it would need ` +
          `a new registration, which is never planned. Restore the previous value (or remove it from the program); ` +
          `change registrant details or renew in the Cloudflare dashboard.`,
      });
    }
    return failures;
  }

  /** Domain-check, then the pure verdict on its answer. */
  private async priceCheck(domain: string, accountId: string, years: number, maxPrice: unknown): Promise<PriceVerdict> {
    const [result] = (await this.client().check([domain], accountId)).filter((d) => d.name === domain);
    return priceVerdict(domain, accountId, result, years, maxPrice);
  }

  // ---- diff ------------------------------------------------------------------------------------

  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    // autoRenew is the only input that changes an existing registration; everything else is refused
    // in check, so a replacement is never planned.
    const wanted = news.autoRenew;
    const changed = isUnknown(wanted) || (wanted ?? false) !== (olds.autoRenew ?? false);
    return { changes: changed, replaces: [] as string[], deleteBeforeReplace: false };
  }

  // ---- create ----------------------------------------------------------------------------------

  async create(raw: Record<string, unknown>): Promise<{ id: string; outs: RegistrationOutputs }> {
    const inputs = raw as unknown as RegistrationInputs;
    const domain = inputs.domainName;
    const client = this.client();
    const accountId = client.accountId(inputs.accountId);

    const owned = await client.findRegistration(domain, accountId);
    if (owned) return this.adopt(inputs, accountId, owned);

    const plan = await this.purchasePlan(inputs, accountId);
    if (plan.failures.length) throw new RegistrarError(`Not registering '${domain}': ${plan.failures.map((f) => f.reason).join(" ")}`);
    const verdict = await this.priceCheck(domain, accountId, plan.years, inputs.maxPrice);
    if ("failure" in verdict) throw new RegistrarError(`Not registering: ${verdict.failure.reason}`);
    const rose = priceRoseSincePreview(domain, verdict.quote, inputs.quote);
    if (rose) throw new RegistrarError(rose);
    const quote = verdict.quote;

    let workflow: WorkflowStatus;
    try {
      ({ workflow } = await client.createRegistration(createBody(inputs, quote.years), { accountId }));
    } catch (err) {
      // A 2xx we cannot read may still be a recorded purchase: look, as for a lost answer.
      if (err instanceof OutcomeUnknownError || err instanceof ConflictError || err instanceof ResponseShapeError) {
        return this.afterUncertainCreate(inputs, accountId, quote, err);
      }
      throw err;
    }
    return this.finishRegistration(inputs, accountId, quote, workflow);
  }

  /** The POST may or may not have been recorded: look, and never POST again. */
  private async afterUncertainCreate(
    inputs: RegistrationInputs,
    accountId: string,
    quote: Quote,
    cause: RegistrarError,
  ): Promise<{ id: string; outs: RegistrationOutputs }> {
    const domain = inputs.domainName;
    this.log(`${domain}: ${cause instanceof ConflictError ? "the registration conflicted" : "the registration answer was lost or unreadable"}; looking before doing anything else.`);
    const found = await this.client().findRegistration(domain, accountId);
    if (!found) {
      throw new RegistrarError(
        `The registration request for '${domain}' may not have been processed (${cause.message}), and the account does not ` +
          `hold '${domain}' now. Nothing was registered twice; no second request was sent. Run \`pulumi up\` again: ` +
          `it checks availability and ownership first.`,
      );
    }
    // Recorded: finished, or still in flight (adopt resumes its workflow).
    return this.adopt(inputs, accountId, found, quote);
  }

  /** Await a registration workflow and turn its outcome into outputs or an error the user can act on. */
  private async finishRegistration(
    inputs: RegistrationInputs,
    accountId: string,
    quote: Quote | undefined,
    workflow: WorkflowStatus,
  ): Promise<{ id: string; outs: RegistrationOutputs }> {
    const domain = inputs.domainName;
    const client = this.client();
    const outcome: WorkflowOutcome =
      settledOutcome(workflow) ??
      (await awaitWorkflow(workflow, (link) => client.followWorkflow(link), {
        ...this.settings.poll,
        onProgress: (w, polls) => {
          if (polls % 10 === 0) this.log(`${domain}: registration ${w.state} (poll ${polls})`);
        },
      }));
    switch (outcome.kind) {
      case "succeeded": {
        const fromContext = registrationSchema.safeParse(outcome.workflow.context?.registration);
        const reg = fromContext.success ? fromContext.data : await client.getRegistration(domain, accountId);
        return this.converge(this.outputs(inputs, accountId, reg, quote), inputs.autoRenew ?? false);
      }
      case "failed":
        throw new RegistrarError(
          `Registration of '${domain}' failed: [${outcome.code}] ${outcome.message}. The workflow is finished and will not ` +
            `be retried automatically; review the reason (it often needs a different name, contact or term) before running pulumi up again.`,
        );
      case "action_required":
        throw new PartialRegistrationError(
          `Registration of '${domain}' is waiting for you: ${outcome.action ?? "an action is required"}` +
            `${outcome.confirmationSentTo ? ` (a confirmation was sent to ${outcome.confirmationSentTo})` : ""}. ` +
            `Complete it, then run \`pulumi up\` again: it resumes this registration without paying again.`,
          domain,
          this.pendingOutputs(inputs, accountId, quote, outcome.workflow.state),
        );
      case "deadline":
        throw new PartialRegistrationError(
          `Registration of '${domain}' is still ${outcome.state}${outcome.state === "blocked" ? " (waiting on the registry, a third party)" : ""} ` +
            `after ${outcome.polls} status checks. It was recorded in the stack; run \`pulumi up\` later to resume it ` +
            `without registering again.`,
          domain,
          this.pendingOutputs(inputs, accountId, quote, outcome.state),
        );
    }
  }

  private async adopt(
    inputs: RegistrationInputs,
    accountId: string,
    reg: Registration,
    quote?: Quote,
  ): Promise<{ id: string; outs: RegistrationOutputs }> {
    if (reg.status === "registration_pending") {
      this.log(`${inputs.domainName}: a registration is already in flight; resuming it (no new purchase).`);
      const workflow = await this.client().registrationStatus(inputs.domainName, accountId);
      return this.finishRegistration(inputs, accountId, quote, workflow);
    }
    if (!quote) this.log(`${inputs.domainName}: ${adoptionNote(reg.status)}`);
    const outs = this.outputs(inputs, accountId, reg, quote);
    if (reg.status === "transfer_pending") {
      // Nothing may be changed mid-transfer; autoRenew is applied by a pulumi up after it lands.
      if ((inputs.autoRenew ?? false) !== reg.auto_renew) {
        this.log(`${inputs.domainName}: autoRenew stays ${reg.auto_renew} until the transfer lands; run \`pulumi up\` after it does to apply ${inputs.autoRenew ?? false}.`);
      }
      return { id: outs.domainName, outs };
    }
    return this.converge(outs, inputs.autoRenew ?? false);
  }

  /** Apply the declared autoRenew if the registration differs. */
  private async converge(outs: RegistrationOutputs, wanted: boolean): Promise<{ id: string; outs: RegistrationOutputs }> {
    if (wanted !== outs.autoRenew) {
      const reg = await this.setAutoRenew(outs.domainName, outs.accountId, wanted);
      return { id: outs.domainName, outs: this.outputs(outs, outs.accountId, reg, outs.quote) };
    }
    return { id: outs.domainName, outs };
  }

  private outputs(
    inputs: RegistrationInputs & { requestedPrivacyMode?: string },
    accountId: string,
    reg: Registration,
    quote: Quote | undefined,
  ): RegistrationOutputs {
    const requested = "requestedPrivacyMode" in inputs ? inputs.requestedPrivacyMode : inputs.privacyMode;
    const outs: RegistrationOutputs = {
      domainName: reg.domain_name,
      accountId,
      autoRenew: reg.auto_renew,
      status: reg.status,
      createdAt: reg.created_at ?? null,
      expiresAt: reg.expires_at ?? null,
      locked: reg.locked,
      privacyMode: reg.privacy_mode,
    };
    if (requested !== undefined) outs.requestedPrivacyMode = requested;
    if (inputs.years !== undefined) outs.years = inputs.years;
    if (inputs.contacts !== undefined) outs.contacts = inputs.contacts;
    if (inputs.contactExtensions !== undefined) outs.contactExtensions = inputs.contactExtensions;
    if (inputs.acknowledgements !== undefined) outs.acknowledgements = inputs.acknowledgements;
    if (inputs.maxPrice !== undefined) outs.maxPrice = inputs.maxPrice;
    if (quote !== undefined) outs.quote = quote;
    return outs;
  }

  private pendingOutputs(inputs: RegistrationInputs, accountId: string, quote: Quote | undefined, state: string): RegistrationOutputs {
    const pending: Registration = {
      domain_name: inputs.domainName,
      status: "registration_pending",
      auto_renew: inputs.autoRenew ?? false,
      locked: false,
      privacy_mode: inputs.privacyMode ?? "redaction",
      created_at: null,
      expires_at: null,
    };
    return { ...this.outputs(inputs, accountId, pending, quote), workflowState: state };
  }

  // ---- update ----------------------------------------------------------------------------------

  async update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: RegistrationOutputs }> {
    const previous = olds as unknown as RegistrationOutputs;
    const inputs = { ...(news as unknown as RegistrationInputs), quote: previous.quote };
    const accountId = previous.accountId ?? this.client().accountId(inputs.accountId);
    if (previous.status === "registration_pending" || previous.workflowState !== undefined) {
      // A registration recorded by an earlier run that had not finished: resume it, never re-POST.
      const reg = await this.client().findRegistration(id, accountId);
      if (!reg) {
        throw new RegistrarError(
          `The registration of '${id}' recorded by an earlier run is gone: the account does not hold it. It may have failed; ` +
            `see its registration-status in the dashboard. Remove it from the stack with \`pulumi state delete <urn>\` before registering it again.`,
        );
      }
      return { outs: (await this.adopt({ ...inputs, domainName: id }, accountId, reg, previous.quote)).outs };
    }
    const wanted = inputs.autoRenew ?? false;
    if (previous.status === "transfer_pending") {
      const now = await this.client().getRegistration(id, accountId);
      if (now.status === "transfer_pending") {
        throw new RegistrarError(
          `Not changing autoRenew on '${id}': the domain is still transferring into the account (status transfer_pending), and nothing ` +
            `can change until the transfer lands (usually within 5 to 10 days). Run \`pulumi refresh\` to follow it, then \`pulumi up\` once it is active.`,
        );
      }
    }
    // An update with nothing to change (the engine retrying a recorded resource) only refreshes.
    const reg = previous.autoRenew === wanted ? await this.client().getRegistration(id, accountId) : await this.setAutoRenew(id, accountId, wanted);
    return { outs: this.outputs({ ...inputs, domainName: id }, accountId, reg, previous.quote) };
  }

  /** PATCH auto_renew, await its workflow (200, or 202 then update-status), and return the fresh registration. */
  private async setAutoRenew(domain: string, accountId: string, autoRenew: boolean): Promise<Registration> {
    const client = this.client();
    const { workflow } = await client.updateRegistration(domain, { auto_renew: autoRenew }, { accountId });
    const outcome = settledOutcome(workflow) ?? (await awaitWorkflow(workflow, (link) => client.followWorkflow(link), this.settings.poll));
    if (outcome.kind === "failed") {
      throw new RegistrarError(`Setting auto_renew=${autoRenew} on '${domain}' failed: [${outcome.code}] ${outcome.message}. The registration is unchanged; run pulumi up to try again.`);
    }
    if (outcome.kind === "action_required") {
      throw new RegistrarError(`Setting auto_renew=${autoRenew} on '${domain}' needs your action: ${outcome.action ?? "see the dashboard"}. Complete it, then run pulumi up again.`);
    }
    if (outcome.kind === "deadline") {
      throw new RegistrarError(`Setting auto_renew=${autoRenew} on '${domain}' is still ${outcome.state}; run pulumi up (or pulumi refresh) later to see it finish.`);
    }
    return client.getRegistration(domain, accountId);
  }

  // ---- read ------------------------------------------------------------------------------------

  async read(id: string, props: Record<string, unknown>) {
    const previous = props as unknown as RegistrationOutputs;
    const accountId = previous.accountId ?? this.client().accountId();
    const reg = await this.client().findRegistration(id, accountId);
    if (!reg) return { id: "", props: {} };
    const inputs: RegistrationInputs & { requestedPrivacyMode?: string } = {
      domainName: reg.domain_name,
      autoRenew: reg.auto_renew,
      accountId,
      ...(previous.years !== undefined ? { years: previous.years } : {}),
      ...(previous.requestedPrivacyMode !== undefined ? { privacyMode: previous.requestedPrivacyMode } : {}),
      ...(previous.contacts !== undefined ? { contacts: previous.contacts } : {}),
      ...(previous.contactExtensions !== undefined ? { contactExtensions: previous.contactExtensions } : {}),
      ...(previous.acknowledgements !== undefined ? { acknowledgements: previous.acknowledgements } : {}),
      ...(previous.maxPrice !== undefined ? { maxPrice: previous.maxPrice } : {}),
      ...(previous.quote !== undefined ? { quote: previous.quote } : {}),
    };
    const outs = this.outputs({ ...inputs, requestedPrivacyMode: previous.requestedPrivacyMode }, accountId, reg, previous.quote);
    if (reg.status === "registration_pending" && previous.workflowState !== undefined) outs.workflowState = previous.workflowState;
    return { id: reg.domain_name, props: outs, inputs };
  }

  // ---- delete ----------------------------------------------------------------------------------

  async delete(id: string, props: Record<string, unknown>): Promise<void> {
    throw new RegistrarError(deleteRefusal((props.domainName as string | undefined) ?? id));
  }
}
