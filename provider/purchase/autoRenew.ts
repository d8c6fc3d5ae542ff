/**
 * The one change an existing purchase takes: autoRenew. Used by create, to bring a bought or adopted
 * domain to the program's setting, and by update.
 */
import type { Registration } from "../api/schemas";
import { RegistrarError } from "../api/errors";
import { awaitWorkflow, settledOutcome } from "../workflow/poll";
import { PROGRESS_EVERY_MS, progressLines } from "../workflow/progress";
import type { Flow, PurchaseInputs, PurchaseOutputs } from "./kind";
import { unfinishedMessage } from "./outcome";

/** PATCH auto_renew, await its workflow (200, or 202 then update-status), and return the fresh registration. */
export async function setAutoRenew(flow: Flow<PurchaseInputs, unknown, unknown>, domain: string, accountId: string, autoRenew: boolean): Promise<Registration> {
  const client = flow.lookups.client();
  const { workflow } = await client.updateRegistration(domain, { auto_renew: autoRenew }, { accountId });
  const onProgress = progressLines(`${domain}: auto_renew=${autoRenew} update`, workflow.state, flow.voice.log);
  const outcome =
    settledOutcome(workflow) ??
    (await awaitWorkflow(workflow, (link) => client.followWorkflow(link), { ...flow.settings.poll, onProgress, reportEveryMs: PROGRESS_EVERY_MS }));
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
  flow.lookups.record(reg, accountId);
  return reg;
}

/** Apply the declared autoRenew if the registration differs. */
export async function converge<I extends PurchaseInputs, Q, O extends PurchaseOutputs>(
  flow: Flow<I, Q, O>,
  outs: O,
  wanted: boolean,
): Promise<{ id: string; outs: O }> {
  if (wanted !== outs.autoRenew) {
    const reg = await setAutoRenew(flow, outs.domainName, outs.accountId, wanted);
    return { id: outs.domainName, outs: flow.kind.outputs(outs as unknown as I, outs.accountId, reg, outs.quote as Q | undefined) };
  }
  return { id: outs.domainName, outs };
}
