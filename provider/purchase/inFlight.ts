/** What the lifecycle makes of a registration's status: a purchase still in flight, of this kind or another. */
import type { InFlight, PurchaseKind } from "./kind";

type Kind = Pick<PurchaseKind<never, unknown, unknown>, "inFlight">;

/** The purchase a domain in `status` is waiting on, if any. */
export function inFlight(kind: Kind, status: string | undefined): InFlight | undefined {
  return kind.inFlight.find((f) => f.status === status);
}

/** What adopting a registration in this status means, for the log. */
export function adoptionNote(kind: Kind, status: string): string {
  return inFlight(kind, status)?.adoptionNote ?? "already owned by the account; adopted with no purchase.";
}
