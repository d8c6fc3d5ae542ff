/**
 * A compile-time contract check against Cloudflare's official SDK (npm `cloudflare` 7.3.0, a
 * devDependency only): `npm test` runs tsc first, so if our request bodies, query parameters or parsed
 * responses stop matching the SDK's types, the build fails. Nothing here runs.
 *
 * Requests: every field we send must exist in the SDK's params with a compatible type.
 * Responses: every SDK response must be assignable to what our zod schemas parse, so a field we rely on
 * that the API drops, or whose type changes, breaks the build.
 */
import type { ExtensionGetResponse } from "cloudflare/resources/registrar/extensions";
import type {
  RegistrarCheckParams,
  RegistrarCheckResponse,
  RegistrarSearchParams,
  Registration as SdkRegistration,
  WorkflowStatus as SdkWorkflowStatus,
} from "cloudflare/resources/registrar/registrar";
import type { RegistrationCreateParams, RegistrationEditParams, RegistrationListParams } from "cloudflare/resources/registrar/registrations";
import type { CreateRegistrationBody, ListParams, SearchParams } from "../../provider/api/client";
import type { DomainAvailability, Extension, Registration, WorkflowStatus } from "../../provider/api/schemas";

/** `A` has no key that `B` lacks (assignability alone would let an extra field through). */
type NoExtraKeys<A, B> = Exclude<keyof A, keyof B> extends never ? true : { extra: Exclude<keyof A, keyof B> };
const ok = <T extends true>(_: T) => undefined;
const assignable = <To>(_: To) => undefined;

// ---- requests ----------------------------------------------------------------------------------
type CreateBody = Omit<RegistrationCreateParams, "account_id" | "Prefer">;
ok<NoExtraKeys<CreateRegistrationBody, CreateBody>>(true);
export const createFits = (b: CreateRegistrationBody) => assignable<CreateBody>(b);
export const contactsFit = (c: NonNullable<CreateRegistrationBody["contacts"]>) => assignable<NonNullable<CreateBody["contacts"]>>(c);

type EditBody = Omit<RegistrationEditParams, "account_id" | "Prefer">;
export const editFits = (b: { auto_renew: boolean }) => assignable<EditBody>(b);

// domain-check's body; search's and list's query parameters, in the wire names the client sends.
export const checkFits = (domains: string[]) => assignable<Omit<RegistrarCheckParams, "account_id">>({ domains });
export const searchFits = (p: SearchParams) => assignable<Omit<RegistrarSearchParams, "account_id">>({ q: p.query, extensions: p.extensions, limit: p.limit });
export const listFits = (p: ListParams & { cursor?: string }) =>
  assignable<Omit<RegistrationListParams, "account_id">>({ per_page: p.perPage, sort_by: p.sortBy, direction: p.direction, cursor: p.cursor });

// ---- responses ---------------------------------------------------------------------------------
export const registrationParses = (r: SdkRegistration) => assignable<Registration>(r);
export const workflowParses = (w: SdkWorkflowStatus) => assignable<WorkflowStatus>(w);
export const checkParses = (d: RegistrarCheckResponse.Domain) => assignable<DomainAvailability>(d);
export const extensionParses = (e: ExtensionGetResponse) => assignable<Extension>(e);

// ---- transfers in --------------------------------------------------------------------------------
import type { RegistrarTransferCheckParams, RegistrarTransferCheckResponse } from "cloudflare/resources/registrar/registrar";
import type { TransferInCreateParams } from "cloudflare/resources/registrar/transfer-in";
import type { TransferCheckItem, TransferInBody } from "../../provider/api/client";
import type { TransferEligibility } from "../../provider/api/schemas";

type TransferBody = Omit<TransferInCreateParams, "account_id" | "Prefer">;
ok<NoExtraKeys<TransferInBody, TransferBody>>(true);
export const transferInFits = (b: TransferInBody) => assignable<TransferBody>(b);
ok<NoExtraKeys<TransferCheckItem, RegistrarTransferCheckParams.Domain>>(true);
export const transferCheckFits = (domains: TransferCheckItem[]) => assignable<Omit<RegistrarTransferCheckParams, "account_id">>({ domains });
export const transferCheckParses = (d: RegistrarTransferCheckResponse["domains"][string]) => assignable<TransferEligibility>(d);
