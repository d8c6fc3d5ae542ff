import { domainToASCII } from "node:url";

/** A domain name as the API keys it: lower-case punycode, no trailing dot; undefined when malformed. */
export function normalizeName(raw: string): string | undefined {
  if (typeof raw !== "string") return undefined;
  const ascii = domainToASCII(raw.trim().toLowerCase().replace(/\.$/, ""));
  if (!ascii || ascii.length > 253) return undefined;
  const labels = ascii.split(".");
  if (labels.length < 2) return undefined;
  if (!labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return undefined;
  return ascii;
}
