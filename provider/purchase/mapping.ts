/**
 * The state mapping every purchase shares, pure: what its outputs report of the registration itself, and
 * the inputs only the program knows, echoed when they are set.
 */
import type { Registration } from "../api/schemas";

/** The registration as Cloudflare reports it, in the SDK's names. */
export function registrationState(reg: Registration, accountId: string) {
  return {
    domainName: reg.domain_name,
    accountId,
    autoRenew: reg.auto_renew,
    status: reg.status,
    createdAt: reg.created_at ?? null,
    expiresAt: reg.expires_at ?? null,
    locked: reg.locked,
    privacyMode: reg.privacy_mode,
  };
}

/** The privacyMode the program asked for, kept apart from the registration's actual one. */
export function requestedPrivacyMode(inputs: { privacyMode?: string; requestedPrivacyMode?: string }): { requestedPrivacyMode?: string } {
  const requested = "requestedPrivacyMode" in inputs ? inputs.requestedPrivacyMode : inputs.privacyMode;
  return requested === undefined ? {} : { requestedPrivacyMode: requested };
}

/** The keys of `from` that are set: inputs echoed into state only when the program gave them. */
export function setKeys<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

/** On refresh, the privacyMode input is the one the program asked for, as recorded. */
export function recordedPrivacyMode(previous: { requestedPrivacyMode?: string }): { privacyMode?: string; requestedPrivacyMode?: string } {
  const r = previous.requestedPrivacyMode;
  return r === undefined ? {} : { privacyMode: r, requestedPrivacyMode: r };
}

/** The output that holds a kind's workflow state while its purchase is unfinished. */
const stateKey = (kind: { stateOutput?: string }) => kind.stateOutput ?? "workflowState";

/** The workflow state recorded in `outs`, if any. */
export function recordedState(kind: { stateOutput?: string }, outs: object): string | undefined {
  return (outs as Record<string, unknown>)[stateKey(kind)] as string | undefined;
}

/** Record the workflow's state in `outs`, under the kind's output. */
export function recordState(kind: { stateOutput?: string }, outs: object, state: string): void {
  (outs as Record<string, unknown>)[stateKey(kind)] = state;
}
