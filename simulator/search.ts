/** Domain search: suggestions on the extensions a namespace sells. Non-authoritative, like the API's. */
import { isKnownExtension, splitName } from "./catalogue";
import { SimError } from "./envelope";
import { normalizeName } from "./names";
import type { Registry } from "./registry";

export function search(r: Registry, url: URL) {
  const q = (url.searchParams.get("q") ?? "").trim().toLowerCase();
  if (!q) throw new SimError(400, 10008, "q is required: a keyword, phrase or domain name");
  if (isKnownExtension(q.replace(/^\./, ""))) {
    throw new SimError(400, 10009, `Searching with just a domain extension ('${q}') is not supported; give a keyword or domain name`);
  }
  const base = (q.includes(".") ? q.split(".")[0]! : q).replace(/[^a-z0-9-]/g, "");
  if (!base) throw new SimError(400, 10008, "q has no usable keyword");
  // Repeated keys (extensions=com&extensions=dev); values outside the supported set are silently ignored.
  const wanted = new Set(url.searchParams.getAll("extensions").map((e) => e.trim().toLowerCase().replace(/^\./, "")));
  const sold = r.catalogue.entries.map((e) => e.name);
  const chosen = sold.filter((e) => wanted.has(e));
  const exts = chosen.length ? chosen : sold;
  const limit = Math.max(1, Math.min(100, Number(url.searchParams.get("limit") ?? 20) || 20));
  const names = [...exts.map((e) => `${base}.${e}`), ...exts.map((e) => `get${base}.${e}`)];
  const asked = q.includes(".") ? normalizeName(q) : undefined;
  if (asked && !splitName(asked).subdomain && r.catalogue.entry(splitName(asked).extension)) names.unshift(asked);
  return [...new Set(names)].slice(0, limit).map((n) => r.searchEntry(n));
}
