export { DomainRegistration, DomainRegistrationArgs } from "./domainRegistration";
export { checkDomains, searchDomains, LookupOptions } from "./functions";
export * from "./types";
export { DomainTransfer, DomainTransferArgs, TransferQuote, TransferState } from "./domainTransfer";
export { checkTransfers, TransferCandidate, TransferCheck } from "./functions";
