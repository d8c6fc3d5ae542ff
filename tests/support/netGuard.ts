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

function targetOf(args: unknown[]): { host?: string; path?: string } {
  const [first, second] = args as [unknown, unknown];
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
