/**
 * Which part of a name is registrable, from the Public Suffix List (tldts), never from a hand-made
 * list: the extension is the public suffix after the registrable label (`co.uk` in `example.co.uk`).
 * Only the ICANN section counts, because registries sell names under ICANN suffixes, not under
 * private ones such as `github.io`.
 */
import { parse } from "tldts";

export type NameParts =
  { kind: "registrable"; domain: string; extension: string } | { kind: "subdomain"; domain: string; parent: string } | { kind: "suffix"; domain: string };

/** Split an ASCII (punycode) domain name into its registrable name and extension. */
export function nameParts(ascii: string): NameParts {
  const parsed = parse(ascii, { allowPrivateDomains: false, extractHostname: false });
  const suffix = parsed.publicSuffix ?? ascii.slice(ascii.lastIndexOf(".") + 1);
  if (!parsed.domain) return { kind: "suffix", domain: ascii };
  if (parsed.domain !== ascii) return { kind: "subdomain", domain: ascii, parent: parsed.domain };
  return { kind: "registrable", domain: ascii, extension: suffix };
}

/** The extension of a registrable name, e.g. `co.uk` for `example.co.uk`. */
export function extensionOf(ascii: string): string {
  const parts = nameParts(ascii);
  return parts.kind === "registrable" ? parts.extension : ascii.slice(ascii.indexOf(".") + 1);
}
