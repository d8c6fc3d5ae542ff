/**
 * The plugin's functions, on the code the SDK's functions run (provider/host/lookups.ts and
 * provider/transfer/check.ts), with the configured provider's client. Results are wrapped in `results`
 * because a function's outputs are an object in Pulumi's schema.
 */
import type { RegistrarClient } from "../../api/client";
import { checkDomainsWith, searchDomainsWith } from "../lookups";
import { checkTransferEligibility, type TransferCandidate } from "../../transfer/check";
import { RegistrarError } from "../../api/errors";
import { authCodeProblem } from "../../transfer/authCode";
import { PACKAGE } from "./schema";

type Props = Record<string, unknown>;

const EXAMPLE_NAMES = `["example.com", "example.dev"]`;

const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "list" : typeof v);

/** Each item checked by its index, so the message points at the one to fix; a value is shown only where it is not secret. */
const strings = (v: unknown, field: string, example: string): string[] => {
  if (!Array.isArray(v)) throw new RegistrarError(`${field} must be a list of strings, got a ${kindOf(v)}: e.g. ${example}.`);
  v.forEach((x, i) => {
    if (typeof x !== "string") throw new RegistrarError(`${field}[${i}] must be a string, got a ${kindOf(x)} (${JSON.stringify(x)}): e.g. ${example}.`);
  });
  return v as string[];
};

const optionalString = (v: unknown, field: string): string | undefined => {
  if (v === undefined || v === null || typeof v === "string") return v ?? undefined;
  throw new RegistrarError(`${field} must be a string, got a ${kindOf(v)} (${JSON.stringify(v)}).`);
};

/** checkTransfers' items: the auth code is checked like a DomainTransfer's and its value never appears in a message. */
function transferCandidates(v: unknown): TransferCandidate[] {
  const shape = `{ domainName: "example.com", authCode: "<the code from the current registrar>" }`;
  if (!Array.isArray(v)) throw new RegistrarError(`checkTransfers: domains must be a list of ${shape}, got a ${kindOf(v)}.`);
  return v.map((item: unknown, i) => {
    const field = `checkTransfers: domains[${i}]`;
    if (!item || typeof item !== "object" || Array.isArray(item)) throw new RegistrarError(`${field} must be an object ${shape}, got a ${kindOf(item)}.`);
    const { domainName, authCode } = item as Props;
    if (typeof domainName !== "string")
      throw new RegistrarError(`${field}.domainName must be a string, got a ${kindOf(domainName)} (${JSON.stringify(domainName)}): e.g. "example.com".`);
    if (authCode === undefined || authCode === null) return { domainName };
    const problem = authCodeProblem(authCode);
    if (problem) throw new RegistrarError(`${field}.authCode (${domainName}) ${problem.replace(/^authCode /, "")}`);
    return { domainName, authCode: authCode as string };
  });
}

export const FUNCTIONS: Record<string, (c: RegistrarClient, args: Props) => Promise<unknown[]>> = {
  [`${PACKAGE}:index:checkDomains`]: (c, args) =>
    checkDomainsWith(c, strings(args.domains, "checkDomains: domains", EXAMPLE_NAMES), optionalString(args.accountId, "checkDomains: accountId")),
  [`${PACKAGE}:index:searchDomains`]: (c, args) => {
    if (typeof args.query !== "string")
      throw new RegistrarError(`searchDomains: query must be a string, got a ${kindOf(args.query)} (${JSON.stringify(args.query)}): e.g. "rocket".`);
    const limit = args.limit === undefined || args.limit === null ? undefined : Number(args.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
      throw new RegistrarError(`searchDomains: limit must be a positive whole number, got ${JSON.stringify(args.limit)}.`);
    const extensions =
      args.extensions === undefined || args.extensions === null ? undefined : strings(args.extensions, "searchDomains: extensions", `["com", "dev"]`);
    return searchDomainsWith(c, { query: args.query, extensions, limit });
  },
  [`${PACKAGE}:index:checkTransfers`]: (c, args) => {
    return checkTransferEligibility(c, transferCandidates(args.domains), optionalString(args.accountId, "checkTransfers: accountId"));
  },
};
