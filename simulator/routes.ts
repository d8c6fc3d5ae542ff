/** The API's routes, in both namespaces: `/accounts/{id}/registrar/...` and `/accounts/{id}/registrar-sandbox/...`. */
import type { Namespace } from "./catalogue";

export const API_PREFIX = "/client/v4";

export type EndpointName =
  | "domain-search"
  | "domain-check"
  | "create-registration"
  | "list-registrations"
  | "get-registration"
  | "update-registration"
  | "registration-status"
  | "update-status"
  | "list-extensions"
  | "get-extension"
  | "transfer-check"
  | "transfer-in"
  | "transfer-in-status";

export interface Route {
  endpoint: EndpointName;
  namespace: Namespace;
  accountId: string;
  /** The domain or extension named in the path, still percent-encoded. */
  subject?: string;
}

const ROUTES: Array<[method: string, path: RegExp, endpoint: EndpointName, sandbox: boolean]> = [
  ["GET", /^\/domain-search$/, "domain-search", true],
  ["POST", /^\/domain-check$/, "domain-check", true],
  ["POST", /^\/domain-transfer-check$/, "transfer-check", false],
  ["POST", /^\/registrations$/, "create-registration", true],
  ["GET", /^\/registrations$/, "list-registrations", true],
  ["GET", /^\/registrations\/([^/]+)$/, "get-registration", true],
  ["PATCH", /^\/registrations\/([^/]+)$/, "update-registration", true],
  ["GET", /^\/registrations\/([^/]+)\/registration-status$/, "registration-status", true],
  ["GET", /^\/registrations\/([^/]+)\/update-status$/, "update-status", true],
  ["POST", /^\/registrations\/([^/]+)\/transfer-in$/, "transfer-in", false],
  ["GET", /^\/registrations\/([^/]+)\/transfer-in-status$/, "transfer-in-status", false],
  ["GET", /^\/extensions$/, "list-extensions", true],
  ["GET", /^\/extensions\/([^/]+)$/, "get-extension", true],
];

const BASE = /^\/accounts\/([^/]+)\/(registrar|registrar-sandbox)(\/.*)$/;

export function matchRoute(method: string, pathname: string): Route | undefined {
  if (!pathname.startsWith(API_PREFIX + "/")) return undefined;
  const base = pathname.slice(API_PREFIX.length).match(BASE);
  if (!base) return undefined;
  const namespace = base[2] as Namespace;
  for (const [m, re, endpoint, inSandbox] of ROUTES) {
    if (method !== m || (namespace === "registrar-sandbox" && !inSandbox)) continue;
    const match = base[3]!.match(re);
    if (match) return { endpoint, namespace, accountId: decodeURIComponent(base[1]!), subject: match[1] };
  }
  return undefined;
}
