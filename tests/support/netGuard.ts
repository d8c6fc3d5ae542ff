/**
 * Makes reaching the internet impossible from a test process: every TCP connection to anything but
 * loopback is refused before a packet leaves, and recorded. Loaded with mocha's --require, and through
 * NODE_OPTIONS into every Node process the end-to-end tests start (the Pulumi program and the
 * dynamic-provider host).
 */
import * as net from "node:net";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/;

export const blockedConnections: string[] = [];

type ConnectArgs = Parameters<net.Socket["connect"]>;
const original = net.Socket.prototype.connect;

/**
 * RFC 6761 reserves `.invalid`: resolvers should answer it negatively at once. Answered here, so the
 * tests of a DNS failure exercise Node's and undici's real failure path without a query leaving.
 */
const RESERVED_INVALID = /\.invalid\.?$/i;

function nxdomain(hostname: string, _options: unknown, callback: (err: Error) => void): void {
  const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", errno: -3008, syscall: "getaddrinfo", hostname });
  process.nextTick(() => callback(err));
}

/** net.connect() hands Socket#connect its arguments already normalized, as one array. */
function optionsOf(args: unknown[]): unknown[] {
  return Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
}

function targetOf(args: unknown[]): { host?: string; path?: string } {
  const [first, second] = optionsOf(args) as [unknown, unknown];
  if (first && typeof first === "object") {
    const o = first as { host?: string; path?: string };
    return { host: o.path ? undefined : (o.host ?? "localhost"), path: o.path };
  }
  if (typeof first === "number") return { host: typeof second === "string" ? second : "localhost" };
  if (typeof first === "string") return { path: first };
  return {};
}

if (!(net.Socket.prototype.connect as { guarded?: boolean }).guarded) {
  const guarded = function (this: net.Socket, ...args: unknown[]) {
    const { host, path } = targetOf(args);
    const first = optionsOf(args)[0];
    if (host !== undefined && RESERVED_INVALID.test(host) && first && typeof first === "object") {
      (first as { lookup?: unknown }).lookup = nxdomain;
      return original.apply(this, args as unknown as ConnectArgs);
    }
    if (!path && host !== undefined && !LOOPBACK.test(host)) {
      blockedConnections.push(host);
      const err = Object.assign(new Error(`netGuard: tests may not connect to ${host}; only loopback is allowed`), { code: "ECONNREFUSED" });
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return original.apply(this, args as unknown as ConnectArgs);
  } as typeof original & { guarded?: boolean };
  guarded.guarded = true;
  net.Socket.prototype.connect = guarded;
  // Anything that reads the default endpoint gets a closed loopback port, never Cloudflare.
  // Credentials and endpoints from the machine never reach a test; the provider's own switches
  // (CLOUDFLARE_REGISTRAR_*) are settings a test may set for its children.
  for (const k of Object.keys(process.env)) if (k.startsWith("CLOUDFLARE_") && !k.startsWith("CLOUDFLARE_REGISTRAR_")) delete process.env[k];
  process.env.CLOUDFLARE_BASE_URL = "http://127.0.0.1:9/client/v4";
}
