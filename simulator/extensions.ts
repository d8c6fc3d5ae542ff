/** Extension discovery: GET /extensions and /extensions/{ext}, with ETag / If-None-Match. */
import { createHash } from "node:crypto";
import { Catalogue, isKnownExtension } from "./catalogue";
import { answer, ApiResponse, envelope, SimError } from "./envelope";
import { compareBy, page, readPage } from "./pagination";
import { extensionResource } from "./schemas";

export interface Conditional {
  url: URL;
  ifNoneMatch?: string;
}

export function listExtensions(catalogue: Catalogue, req: Conditional, defaultPerPage: number): ApiResponse {
  const p = readPage(req.url, ["name", "created_at", "updated_at"] as const, "name", defaultPerPage);
  const name = req.url.searchParams.get("name");
  const order = (e: { name: string }) => catalogue.entries.findIndex((x) => x.name === e.name);
  const all = catalogue.entries
    .filter((e) => name === null || e.name === name.toLowerCase().replace(/^\./, ""))
    // The catalogue's order stands in for when each extension was added and last changed.
    .sort(compareBy((e) => (p.sortBy === "name" ? e.name : order(e)), p.direction, order));
  const { items, resultInfo } = page(all, p);
  return conditional(
    req,
    envelope(
      items.map((e) => extensionResource(e, catalogue)),
      resultInfo,
    ),
  );
}

export function getExtension(catalogue: Catalogue, raw: string, req: Conditional): ApiResponse {
  const ext = raw.toLowerCase().replace(/^\./, "");
  const entry = catalogue.entry(ext);
  if (!entry) {
    const why = !isKnownExtension(ext)
      ? "is not supported by Cloudflare Registrar"
      : catalogue.namespace === "registrar-sandbox"
        ? "is not sold by the Registrar Sandbox, which sells only com and net"
        : "is sold in the dashboard only, not through this API";
    throw new SimError(404, 10404, `Extension '${ext}' ${why}`);
  }
  return conditional(req, envelope(extensionResource(entry, catalogue)));
}

/** ETag on the body; a matching If-None-Match gets 304 with no body. */
function conditional(req: Conditional, body: unknown): ApiResponse {
  const etag = `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 32)}"`;
  const tags = (req.ifNoneMatch ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (req.ifNoneMatch && (tags.includes(etag) || tags.includes("*"))) return { status: 304, headers: { etag } };
  return answer(200, body, { etag });
}
