/** The API client, poller and errors, for programs that talk to Cloudflare Registrar directly. */
export * from "./client";
export * from "./errors";
export * from "./workflow";
export * from "./quote";
export { RegistrationProvider, deleteRefusal } from "./lifecycle";
export { ClientOptions, DEFAULT_BASE_URL } from "./settings";
export type { Registration, WorkflowStatus, DomainAvailability, DomainPricing } from "./schemas";
export { TransferProvider } from "./transfer/provider";
export { checkTransferEligibility, TransferCandidate, TransferCheck } from "./transfer/check";
