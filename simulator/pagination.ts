/** Cursor pages as the API serves them: an opaque `cursor`, `per_page` up to 100, an empty cursor at the end. */
import { SimError } from "./envelope";

export const MAX_PER_PAGE = 100;

export interface PageRequest<S extends string> {
  sortBy: S;
  direction: "asc" | "desc";
  perPage: number;
  offset: number;
}

export function readPage<S extends string>(url: URL, sortFields: readonly S[], defaultSort: S, defaultPerPage: number): PageRequest<S> {
  const q = url.searchParams;
  const sortBy = (q.get("sort_by") ?? defaultSort) as S;
  if (!sortFields.includes(sortBy)) throw new SimError(400, 10010, `sort_by: must be one of ${sortFields.join(", ")}; got '${sortBy}'`);
  const direction = q.get("direction") ?? "asc";
  if (direction !== "asc" && direction !== "desc") throw new SimError(400, 10011, `direction: must be asc or desc; got '${direction}'`);
  const perPage = Number(q.get("per_page") ?? defaultPerPage);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    throw new SimError(400, 10012, `per_page must be an integer from 1 to ${MAX_PER_PAGE} (the maximum); got '${q.get("per_page")}'`);
  }
  const cursor = q.get("cursor") ?? "";
  let offset = 0;
  if (cursor) {
    offset = Number(Buffer.from(cursor, "base64url").toString().replace(/^o:/, ""));
    if (!Number.isInteger(offset) || offset < 0) throw new SimError(400, 10013, `cursor: '${cursor}' is not a cursor this API issued`);
  }
  return { sortBy, direction, perPage, offset };
}

/** One page of an already sorted list, and the result_info that goes with it. */
export function page<T>(all: readonly T[], p: PageRequest<string>): { items: T[]; resultInfo: { count: number; per_page: number; cursor: string } } {
  const items = all.slice(p.offset, p.offset + p.perPage);
  const next = p.offset + p.perPage < all.length ? Buffer.from(`o:${p.offset + p.perPage}`).toString("base64url") : "";
  return { items, resultInfo: { count: items.length, per_page: p.perPage, cursor: next } };
}

export function compareBy<T>(key: (x: T) => string | number, direction: "asc" | "desc", tie: (x: T) => number) {
  return (a: T, b: T): number => {
    const [x, y] = [key(a), key(b)];
    const c = x < y ? -1 : x > y ? 1 : tie(a) - tie(b);
    return direction === "desc" ? -c : c;
  };
}
