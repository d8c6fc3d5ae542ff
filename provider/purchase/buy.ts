/**
 * The one module that starts a purchase. Its invariants:
 *
 * - a domain the account already owns or is acquiring is adopted or resumed, never bought again;
 * - nothing is bought at a price other than a fresh look's, nor dearer than the preview showed;
 * - the purchase POST is sent at most once per create; after an uncertain answer, look, never re-POST;
 * - an unfinished purchase is recorded as resumable partial state.
 *
 * It is handed `PurchaseLookups`, which hold no batched or cached price.
 */
import { ConflictError, OutcomeUnknownError, RegistrarError, ResponseShapeError } from "../api/errors";
import type { Registration, WorkflowStatus } from "../api/schemas";
import { awaitWorkflow, settledOutcome, WorkflowOutcome } from "../workflow/poll";
import { PROGRESS_EVERY_MS, progressLines } from "../workflow/progress";
import { converge } from "./autoRenew";
import { adoptionNote, inFlight } from "./inFlight";
import type { Flow, PurchaseInputs, PurchaseOutputs } from "./kind";
import { recordState } from "./mapping";
import { unfinishedMessage } from "./outcome";
import { PartialStateError } from "./partial";

type Stored<I, Q> = I & { quote?: Q };
type Created<O> = { id: string; outs: O };

export class Buy<I extends PurchaseInputs, Q, O extends PurchaseOutputs> {
  constructor(private readonly flow: Flow<I, Q, O>) {}

  private get kind() {
    return this.flow.kind;
  }

  async create(raw: Record<string, unknown>): Promise<Created<O>> {
    const inputs = raw as unknown as Stored<I, Q>;
    const domain = inputs.domainName;
    const { lookups } = this.flow;
    const client = lookups.client();
    const accountId = client.accountId(inputs.accountId);

    // Owned as listed in this process: adopt, which buys nothing. Anything else is looked up fresh,
    // because it may lead to the POST.
    const owned = lookups.listed(domain, accountId) ?? (await client.findRegistration(domain, accountId));
    if (owned) return this.adopt(inputs, accountId, owned);

    const priced = await lookups.purchasePrice(this.kind, inputs, accountId);
    if ("failures" in priced) throw new RegistrarError(`Not ${this.kind.gerund}: ${priced.failures.map((f) => f.reason).join(" ")}`);
    const rose = this.kind.roseSincePreview(domain, priced.quote, inputs.quote);
    if (rose) throw new RegistrarError(rose);
    const quote = priced.quote;

    let workflow: WorkflowStatus;
    try {
      workflow = await this.kind.start(lookups.context(), inputs, accountId, quote);
    } catch (err) {
      // A 2xx we cannot read may still be a recorded purchase: look, as for a lost answer.
      if (err instanceof OutcomeUnknownError || err instanceof ConflictError || err instanceof ResponseShapeError) {
        return this.afterUncertainStart(inputs, accountId, quote, err);
      }
      throw err;
    }
    return this.finish(inputs, accountId, quote, workflow);
  }

  /**
   * Take over a registration the account holds: resume its purchase if one of this kind is in flight,
   * else record it as it is and bring autoRenew to the program's setting (unless it is held mid-transfer).
   */
  async adopt(inputs: I, accountId: string, reg: Registration, quote?: Q): Promise<Created<O>> {
    const { lookups, voice } = this.flow;
    lookups.record(reg, accountId);
    if (reg.status === this.kind.pending.status) {
      const workflow = await this.kind.status(lookups.context(), inputs.domainName, accountId);
      if (workflow) {
        voice.log(`${inputs.domainName}: a ${this.kind.noun} is already in flight; resuming it (no new purchase).`);
        return this.finish(inputs, accountId, quote, workflow);
      }
      // In flight with no workflow to follow here (started elsewhere): adopted as it is.
    }
    if (!quote) voice.log(`${inputs.domainName}: ${adoptionNote(this.kind, reg.status)}`);
    const outs = this.kind.outputs(inputs, accountId, reg, quote);
    const hold = inFlight(this.kind, reg.status)?.hold;
    const wanted = inputs.autoRenew ?? false;
    if (hold) {
      if (wanted !== reg.auto_renew) voice.log(hold.deferred(inputs.domainName, reg.auto_renew, wanted));
      return { id: outs.domainName, outs };
    }
    return converge(this.flow, outs, wanted);
  }

  /** The POST may or may not have been recorded: look, and never POST again. */
  private async afterUncertainStart(inputs: I, accountId: string, quote: Q, cause: RegistrarError): Promise<Created<O>> {
    const domain = inputs.domainName;
    const { noun } = this.kind;
    this.flow.voice.log(
      `${domain}: ${cause instanceof ConflictError ? `the ${noun} conflicted` : `the ${noun} answer was lost or unreadable`}; looking before doing anything else.`,
    );
    const found = await this.flow.lookups.client().findRegistration(domain, accountId);
    if (!found) {
      throw new RegistrarError(
        `The ${noun} request for '${domain}' may not have been processed (${cause.message}), and the account does not ` +
          `hold '${domain}' now. Nothing was bought twice; no second request was sent. Run \`pulumi up\` again: ` +
          `it checks availability and ownership first.`,
      );
    }
    // Recorded: finished, or still in flight (adopt resumes its workflow).
    return this.adopt(inputs, accountId, found, quote);
  }

  /** Await the purchase's workflow and turn its outcome into outputs, or an error the user can act on. */
  private async finish(inputs: I, accountId: string, quote: Q | undefined, workflow: WorkflowStatus): Promise<Created<O>> {
    const domain = inputs.domainName;
    const { kind } = this;
    const { lookups, settings, voice } = this.flow;
    const client = lookups.client();
    const deadlineMs = kind.awaitMs?.(lookups.context());
    // The purchase was accepted: from here a failed look must not lose it. It is recorded as pending, so the next
    // `pulumi up` resumes it (adopt follows its workflow) instead of reporting a plain network error and leaving the
    // stack without a domain the account now holds.
    const accepted = <T>(look: () => Promise<T>): Promise<T> =>
      look().catch((err: unknown) => {
        if (!(err instanceof RegistrarError)) throw err;
        throw new PartialStateError(
          `The ${kind.noun} of '${domain}' was accepted, but following it failed: ${err.message} It was recorded in the stack ` +
            `as ${kind.pending.status}; run \`pulumi up\` again to resume it, without ${kind.gerund} again.`,
          domain,
          kind.pendingOutputs(inputs, accountId, quote, workflow.state),
        );
      });
    const outcome: WorkflowOutcome =
      settledOutcome(workflow) ??
      (await accepted(() =>
        awaitWorkflow(workflow, (link) => client.followWorkflow(link), {
          ...kind.poll,
          ...settings.poll,
          ...(deadlineMs !== undefined ? { deadlineMs } : {}),
          onProgress: progressLines(`${domain}: ${kind.noun}`, workflow.state, voice.log),
          reportEveryMs: PROGRESS_EVERY_MS,
        }),
      ));
    if (outcome.kind === "succeeded") {
      const { registration: registrationSchema } = require("../api/schemas") as typeof import("../api/schemas");
      const fromContext = registrationSchema.safeParse(outcome.workflow.context?.registration);
      const reg = fromContext.success ? fromContext.data : await accepted(() => client.getRegistration(domain, accountId));
      lookups.record(reg, accountId);
      const outs = kind.outputs(inputs, accountId, reg, quote);
      if (kind.followInRead) recordState(kind, outs, outcome.workflow.state);
      return converge(this.flow, outs, inputs.autoRenew ?? false);
    }
    if (outcome.kind === "deadline" && kind.onDeadline === "pending") {
      // Long purchases (a transfer waits days on a third party) end the create here; refresh follows them.
      const reg = await client.findRegistration(domain, accountId);
      const outs = reg ? kind.outputs(inputs, accountId, reg, quote) : kind.pendingOutputs(inputs, accountId, quote, outcome.state);
      recordState(kind, outs, outcome.state);
      voice.log(`${domain}: the ${kind.noun} is under way (${outcome.state}) and continues without this run; \`pulumi refresh\` follows it.`);
      return { id: domain, outs };
    }
    const message = unfinishedMessage(outcome, {
      what: `${kind.noun[0]!.toUpperCase() + kind.noun.slice(1)} of '${domain}'`,
      afterFailure:
        kind.afterFailure ??
        `The workflow is finished and will not be retried automatically; review the reason (it often needs a different name, contact or term) before running pulumi up again.`,
      afterAction: `Complete it, then run \`pulumi up\` again: it resumes this ${kind.noun} without paying again.`,
      afterDeadline: `It was recorded in the stack; run \`pulumi up\` later to resume it without ${kind.gerund} again.`,
      detailed: true,
    });
    if (outcome.kind === "failed") throw new RegistrarError(message);
    throw new PartialStateError(message, domain, kind.pendingOutputs(inputs, accountId, quote, outcome.workflow.state));
  }
}
