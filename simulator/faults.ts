/**
 * Fault injection: which request meets which fault. The answer-shaped faults (status, malformed) become
 * responses here; the connection-level ones (drop, reset, hang...) are carried out by the HTTP adapter.
 */
import type { Namespace } from "./catalogue";
import type { Clock } from "./clock";
import { answer, ApiResponse, envelope, failure } from "./envelope";
import type { EndpointName } from "./routes";

export type FaultKind = "status" | "drop" | "drop_after" | "delay" | "malformed" | "reset" | "reset_after" | "hang";

export interface FaultRule {
  /** Which endpoint; default every endpoint. */
  endpoint?: EndpointName;
  /** Which namespace; default both. */
  namespace?: Namespace;
  /**
   * status: answer `status` (429 with Retry-After, 5xx...) without processing.
   * drop: close the connection without processing or answering.
   * drop_after: process the request, then close the connection without answering.
   * reset: the request arrived; reset the connection (TCP RST) before processing it.
   * reset_after: process the request, then reset the connection instead of answering.
   * hang: never answer and never close; the client's own timeout has to end it.
   * delay: wait `delayMs` on the simulator's clock, then answer normally.
   * malformed: answer 200 with an envelope whose result lacks the fields the reference promises.
   */
  kind: FaultKind;
  status?: number;
  /** Sent as Retry-After with a status fault. */
  retryAfterSeconds?: number;
  /** Send Retry-After as an HTTP date (from the simulator's clock) instead of seconds. */
  retryAfterAsDate?: boolean;
  delayMs?: number;
  /** Apply to every Nth matching request (default 1: every one). */
  every?: number;
  /** Stop after this many injections (default: no limit). */
  times?: number;
}

interface ActiveFault extends FaultRule {
  seen: number;
  injected: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(rule: FaultRule): void {
    this.faults.push({ ...rule, seen: 0, injected: 0 });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault this request meets, if any; counts it against the rule's `every` and `times`. */
  pick(endpoint: EndpointName, namespace: Namespace): FaultRule | undefined {
    for (const f of this.faults) {
      if (f.endpoint && f.endpoint !== endpoint) continue;
      if (f.namespace && f.namespace !== namespace) continue;
      if (f.times !== undefined && f.injected >= f.times) continue;
      f.seen++;
      if (f.seen % (f.every ?? 1) !== 0) continue;
      f.injected++;
      return f;
    }
    return undefined;
  }
}

export const TOO_MANY_REQUESTS = "Please wait and consider throttling your request speed";

/** The Retry-After header, in seconds or as an HTTP date on the simulator's clock. */
export function retryAfter(seconds: number, asDate: boolean, clock: Clock): Record<string, string> {
  return { "retry-after": asDate ? new Date(clock.now() + seconds * 1000).toUTCString() : String(seconds) };
}

/** The answer a status or malformed fault gives instead of processing the request. */
export function faultAnswer(fault: FaultRule, clock: Clock): ApiResponse | undefined {
  if (fault.kind === "malformed") return answer(200, envelope({ unexpected: true }));
  if (fault.kind !== "status") return undefined;
  const status = fault.status ?? 500;
  const headers = fault.retryAfterSeconds !== undefined ? retryAfter(fault.retryAfterSeconds, fault.retryAfterAsDate ?? false, clock) : {};
  return answer(status, failure(status === 429 ? 971 : 10000, status === 429 ? TOO_MANY_REQUESTS : "Internal Server Error"), headers);
}
