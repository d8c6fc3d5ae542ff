/**
 * The state mapping of a transfer in, pure: the inputs in the SDK's names to the transfer-in body in the
 * API's wire names (so the body that would be sent is validated in the preview exactly as it will be
 * sent), and a registration as Cloudflare reports it to the outputs in state. The auth code goes into
 * the body only, base64-encoded; it is never an output.
 */
import type { TransferInBody } from "../api/client";
import { recordedPrivacyMode, registrationState, requestedPrivacyMode, setKeys } from "../purchase/mapping";
import type { Registration, RegistrationStatus } from "../api/schemas";
import { wireContacts } from "../registration/mapping";
import type { Contact, ContactRole } from "../domain/validation";
import { encodeAuthCode } from "./authCode";

/** The price of a transfer in, as domain-transfer-check gives it: decimal strings. */
export interface TransferQuote {
  currency: string;
  /** What the transfer costs; it adds a year to the registration. */
  transferCost: string;
  /** The yearly renewal price after that. */
  renewalCost: string;
}

/** Inputs as stored in state (the SDK's names). */
export interface TransferInputs {
  domainName: string;
  /** The code as the losing registrar shows it. A secret input; never an output. */
  authCode?: string;
  autoRenew?: boolean;
  privacyMode?: string;
  contacts?: Partial<Record<ContactRole, Contact>>;
  contactExtensions?: Record<string, unknown>;
  accountId?: string;
  maxPrice?: number;
  /** Added by check: the price the preview showed. */
  quote?: TransferQuote;
}

export interface TransferOutputs {
  domainName: string;
  accountId: string;
  autoRenew: boolean;
  /** The registration's status: `transfer_pending` until the transfer lands, then `active`. */
  status: RegistrationStatus;
  /** The transfer-in workflow's state as last seen: pending, in_progress, blocked, action_required, succeeded, failed. */
  transferState?: string;
  createdAt: string | null;
  expiresAt: string | null;
  locked: boolean;
  privacyMode: string;
  requestedPrivacyMode?: string;
  contacts?: TransferInputs["contacts"];
  contactExtensions?: Record<string, unknown>;
  maxPrice?: number;
  quote?: TransferQuote;
}

type WithRequested = TransferInputs & { requestedPrivacyMode?: string };

export function transferOutputs(inputs: WithRequested, accountId: string, reg: Registration, quote: TransferQuote | undefined): TransferOutputs {
  return {
    ...registrationState(reg, accountId),
    ...requestedPrivacyMode(inputs),
    ...setKeys(inputs, ["contacts", "contactExtensions", "maxPrice"]),
    ...(quote !== undefined ? { quote } : {}),
  };
}

/** Outputs while the transfer is in flight and the registration could not be read. */
export function pendingTransferOutputs(inputs: TransferInputs, accountId: string, quote: TransferQuote | undefined, state: string): TransferOutputs {
  const pending: Registration = {
    domain_name: inputs.domainName,
    status: "transfer_pending",
    auto_renew: inputs.autoRenew ?? false,
    locked: true,
    privacy_mode: inputs.privacyMode ?? "redaction",
    created_at: null,
    expires_at: null,
  };
  return { ...transferOutputs(inputs, accountId, pending, quote), transferState: state };
}

/** The inputs a refresh reports: the registration's own values and the start-only inputs as recorded. */
export function transferReadInputs(previous: TransferOutputs, reg: Registration, accountId: string): WithRequested {
  return {
    domainName: reg.domain_name,
    autoRenew: reg.auto_renew,
    accountId,
    ...recordedPrivacyMode(previous),
    ...setKeys(previous, ["contacts", "contactExtensions", "maxPrice", "quote"]),
  };
}

/**
 * The transfer-in body. `withAuthCode` is false for extensions whose transfer schema has no `auth_code`
 * (Nominet's `.uk` takes transfers on public data): a code given anyway is not sent.
 */
export function transferBody(inputs: TransferInputs, withAuthCode: boolean): TransferInBody {
  const contacts = wireContacts(inputs.contacts);
  return {
    ...(withAuthCode && inputs.authCode !== undefined ? { auth_code: encodeAuthCode(inputs.authCode) } : {}),
    auto_renew: inputs.autoRenew ?? false,
    ...(inputs.privacyMode !== undefined ? { privacy_mode: inputs.privacyMode as "redaction" | "off" } : {}),
    ...(Object.keys(contacts).length ? { contacts } : {}),
    ...(inputs.contactExtensions !== undefined ? { contact_extensions: inputs.contactExtensions } : {}),
  };
}
