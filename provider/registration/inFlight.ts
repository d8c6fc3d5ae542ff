/** A registration under way: the account is buying the domain, and an update resumes that workflow. */
import type { InFlight } from "../purchase/kind";

export const REGISTRATION_PENDING: InFlight = {
  status: "registration_pending",
  adoptionNote: "the account is already registering this domain; it will be adopted and its registration resumed, with no purchase.",
};
