/** The API client, poller and errors, for programs that talk to Cloudflare Registrar directly. */
export * from "./api/client";
export * from "./api/errors";
export * from "./workflow/poll";
export * from "./api/clock";
export * from "./domain/quote";
export { RegistrationProvider, deleteRefusal } from "./registration/provider";
export { ClientOptions, DEFAULT_BASE_URL } from "./api/clientOptions";
export type { Registration, WorkflowStatus, DomainAvailability, DomainPricing } from "./api/schemas";
export { TransferProvider } from "./transfer/provider";
export { checkTransferEligibility, TransferCandidate, TransferCheck } from "./transfer/check";
