/**
 * A transfer under way: the domain is moving into the account, and nothing about it can change until it
 * lands, so the lifecycle holds every change (autoRenew applies at the next `pulumi up` after it lands).
 */
import type { InFlight } from "../purchase/kind";

export const TRANSFER_PENDING: InFlight = {
  status: "transfer_pending",
  adoptionNote:
    "the domain is transferring into the account (transfer_pending); it is adopted as it is, with no purchase, and refresh follows it until it is active.",
  hold: {
    refusal: (domain) =>
      `Not changing autoRenew on '${domain}': the domain is still transferring into the account (status transfer_pending), and nothing ` +
      `can change until the transfer lands (usually within 5 to 10 days). Run \`pulumi refresh\` to follow it, then \`pulumi up\` once it is active.`,
    deferred: (domain, has, wants) => `${domain}: autoRenew stays ${has} until the transfer lands; run \`pulumi up\` after it does to apply ${wants}.`,
  },
};
