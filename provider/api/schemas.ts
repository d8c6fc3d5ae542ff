/**
 * Response shapes from the reference, as zod schemas. Objects strip keys they do not know, so fields
 * Cloudflare adds later pass through harmlessly; the fields we rely on are required and typed.
 * Enumerations whose values we branch on (workflow `state`) are strict; those we only display
 * (registration `status`, check `reason`) accept future values.
 */
import { z } from "zod";
import { ResponseShapeError } from "./errors";

export const WORKFLOW_STATES = ["pending", "in_progress", "action_required", "blocked", "succeeded", "failed"] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const REGISTRATION_STATUSES = [
  "active",
  "registration_pending",
  "transfer_pending",
  "expired",
  "suspended",
  "redemption_period",
  "pending_delete",
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number] | (string & {});

export const CHECK_REASONS = [
  "extension_not_supported_via_api",
  "extension_not_supported",
  "extension_disallows_registration",
  "domain_premium",
  "domain_unavailable",
] as const;
export type CheckReason = (typeof CHECK_REASONS)[number] | (string & {});

const message = z.object({ code: z.number(), message: z.string(), documentation_url: z.string().optional() });

export const envelope = z.object({
  success: z.boolean(),
  errors: z.array(message).default([]),
  messages: z.array(message).default([]),
  result: z.unknown().optional(),
  result_info: z.unknown().optional(),
});

/** A decimal amount as the API sends it: a string, to keep decimal precision. */
const amount = z.string().regex(/^\d+(\.\d+)?$/, "is not a decimal amount");

export const domainPricing = z.object({
  currency: z.string().min(3),
  registration_cost: amount,
  renewal_cost: amount,
});
export type DomainPricing = z.infer<typeof domainPricing>;

export const domainAvailability = z.object({
  name: z.string(),
  registrable: z.boolean(),
  pricing: domainPricing.optional(),
  reason: z.string().optional() as z.ZodOptional<z.ZodType<CheckReason>>,
  tier: z.string().optional() as z.ZodOptional<z.ZodType<"standard" | "premium" | (string & {})>>,
});
export type DomainAvailability = z.infer<typeof domainAvailability>;

export const domainList = z.object({ domains: z.array(domainAvailability) });

export const registration = z.object({
  domain_name: z.string(),
  status: z.string() as z.ZodType<RegistrationStatus>,
  auto_renew: z.boolean(),
  locked: z.boolean(),
  privacy_mode: z.string(),
  created_at: z.string().nullable().optional(),
  expires_at: z.string().nullable().optional(),
});
export type Registration = z.infer<typeof registration>;

export const workflowStatus = z.object({
  completed: z.boolean(),
  state: z.enum(WORKFLOW_STATES),
  created_at: z.string(),
  updated_at: z.string(),
  links: z.object({ self: z.string(), resource: z.string().optional() }),
  context: z.record(z.string(), z.unknown()).nullable().optional(),
  error: z.object({ code: z.string(), message: z.string() }).nullable().optional(),
});
export type WorkflowStatus = z.infer<typeof workflowStatus>;

export const registrationList = z.array(registration);

/** The 17 reasons domain-transfer-check gives for a domain that cannot move here (SDK 7.3.0). */
export const TRANSFER_REASONS = [
  "extension_not_supported_via_api",
  "extension_not_supported",
  "domain_premium",
  "extension_disallows_transfer",
  "domain_not_exists",
  "domain_on_cloudflare",
  "domain_locked",
  "registry_status",
  "domain_outside_transfer_window",
  "domain_max_term",
  "invalid_auth_code",
  "invalid_auth_code_format",
  "dnssec_enabled",
  "zone_not_found",
  "zone_status_invalid",
  "invalid_zone_plan",
  "domain_unsupported",
] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number] | (string & {});

export const transferPricing = z.object({
  currency: z.string().min(3),
  transfer_cost: amount,
  renewal_cost: amount,
});
export type TransferPricing = z.infer<typeof transferPricing>;

/** One domain's transfer-check answer. Reasons we do not know yet are shown as given. */
export const transferEligibility = z.object({
  name: z.string().optional(),
  transferable: z.boolean(),
  pricing: transferPricing.optional(),
  reasons: z.array(z.object({ code: z.string() as z.ZodType<TransferReason> })).optional(),
});
export type TransferEligibility = z.infer<typeof transferEligibility>;

/** domain-transfer-check answers a map keyed by domain name, not a list. */
export const transferCheckResult = z.object({ domains: z.record(z.string(), transferEligibility) });

/** An extension's rules: JSON Schemas of the create and transfer bodies. Kept as given; JSON Schema validates them. */
export const extension = z.object({
  metadata: z.object({ name: z.string(), tld: z.string() }),
  registration_schema: z.unknown(),
  transfer_schema: z.unknown().optional(),
});
export type Extension = z.infer<typeof extension>;
export const cursorInfo = z.object({ cursor: z.string().default(""), per_page: z.number().optional(), count: z.number().optional() });

/** Parse `value` or throw a {@link ResponseShapeError} naming the endpoint and the first bad field. */
export function parseResponse<T>(schema: z.ZodType<T>, value: unknown, endpoint: string, root = "result"): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ResponseShapeError(endpoint, [root, ...issue.path.map(String)].join("."), issue.message);
}
