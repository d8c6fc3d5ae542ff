/**
 * The plugin's functions, on the code the SDK's functions run (provider/host/lookups.ts and
 * provider/transfer/check.ts), with the configured provider's client. Results are wrapped in `results`
 * because a function's outputs are an object in Pulumi's schema.
 */
import type { RegistrarClient } from "../../api/client";
import { checkDomainsWith, searchDomainsWith } from "../lookups";
import { checkTransferEligibility, type TransferCandidate } from "../../transfer/check";
import { RegistrarError } from "../../api/errors";
import { PACKAGE } from "./schema";

type Props = Record<string, unknown>;

const strings = (v: unknown, field: string): string[] => {
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    throw new RegistrarError(`${field} must be a list of strings, got ${JSON.stringify(v)}: e.g. ["example.com", "example.dev"].`);
  }
  return v as string[];
};

const optionalString = (v: unknown, field: string): string | undefined => {
  if (v === undefined || v === null || typeof v === "string") return v ?? undefined;
  throw new RegistrarError(`${field} must be a string, got ${JSON.stringify(v)}.`);
};

export const FUNCTIONS: Record<string, (c: RegistrarClient, args: Props) => Promise<unknown[]>> = {
  [`${PACKAGE}:index:checkDomains`]: (c, args) =>
    checkDomainsWith(c, strings(args.domains, "checkDomains: domains"), optionalString(args.accountId, "checkDomains: accountId")),
  [`${PACKAGE}:index:searchDomains`]: (c, args) => {
    if (typeof args.query !== "string") throw new RegistrarError(`searchDomains: query must be a string, got ${JSON.stringify(args.query)}: e.g. "rocket".`);
    const limit = args.limit === undefined || args.limit === null ? undefined : Number(args.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
      throw new RegistrarError(`searchDomains: limit must be a positive whole number, got ${JSON.stringify(args.limit)}.`);
    const extensions = args.extensions === undefined || args.extensions === null ? undefined : strings(args.extensions, "searchDomains: extensions");
    return searchDomainsWith(c, { query: args.query, extensions, limit });
  },
  [`${PACKAGE}:index:checkTransfers`]: (c, args) => {
    if (!Array.isArray(args.domains))
      throw new RegistrarError(`checkTransfers: domains must be a list of { domainName, authCode? }, got ${typeof args.domains}.`);
    return checkTransferEligibility(c, args.domains as TransferCandidate[], optionalString(args.accountId, "checkTransfers: accountId"));
  },
};
