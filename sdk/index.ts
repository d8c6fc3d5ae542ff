export { DomainRegistration, DomainRegistrationArgs } from "./domainRegistration";
export {
  checkDomains,
  checkDomainsOutput,
  LookupOptions,
  LookupOutputOptions,
  searchDomains,
  searchDomainsOutput,
  SearchOptions,
  SearchOutputOptions,
} from "./functions";
export * from "./types";
export { DomainTransfer, DomainTransferArgs, TransferQuote, TransferState } from "./domainTransfer";
export { checkTransfers, TransferCandidate, TransferCheck } from "./functions";
