export { DomainRegistration, DomainRegistrationArgs } from "./domainRegistration";
export { checkDomains, searchDomains, LookupOptions } from "./functions";
export * from "./types";
