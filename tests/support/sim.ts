import { RegistrarClient } from "../../provider/api/client";
import type { ClientOptions } from "../../provider/api/clientOptions";
import { DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN, RegistrarSimulator, SimulatorOptions } from "../../simulator/server";
import { VirtualClock } from "./clock";

// The unit tier takes the clock from ./clock, which starts no simulator; the suites against one keep importing it here.
export { VirtualClock };

export const ACCOUNT = DEFAULT_ACCOUNT_ID;
export const TOKEN = DEFAULT_TOKEN;

/** Retries fast enough for tests, still exponential and bounded. */
export const FAST_RETRY = { initialDelayMs: 20, maxDelayMs: 100, maxRetries: 3, maxElapsedMs: 5_000 };

export interface Harness {
  sim: RegistrarSimulator;
  client(opts?: ClientOptions): RegistrarClient;
  clientOptions(opts?: ClientOptions): ClientOptions;
  stop(): Promise<void>;
}

/** A simulator on a free loopback port, and clients pointed at it. */
export async function startSim(options: SimulatorOptions = {}): Promise<Harness> {
  const sim = new RegistrarSimulator(options);
  const baseUrl = await sim.start();
  const clients: RegistrarClient[] = [];
  const clientOptions = (opts: ClientOptions = {}): ClientOptions => ({
    apiToken: TOKEN,
    accountId: ACCOUNT,
    baseUrl,
    retry: FAST_RETRY,
    // Retry waits pass on a virtual clock: the unit suite never sleeps for a backoff or a Retry-After.
    clock: new VirtualClock(),
    timeoutMs: 5_000,
    env: {},
    ...opts,
  });
  return {
    sim,
    clientOptions,
    client(opts) {
      const c = new RegistrarClient(clientOptions(opts));
      clients.push(c);
      return c;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close()));
      await sim.stop();
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: import("node:http").IncomingHttpHeaders;
  /** Parsed JSON, or undefined for an empty body. */
  body: any;
  text: string;
}

/**
 * One bare HTTP request to the simulator, for what the client does not expose (the sandbox, extension
 * discovery, headers, connection faults). `path` is relative to `/client/v4/accounts/{ACCOUNT}/`.
 * No connection reuse, so a reset or a hang affects only this request.
 */
export async function callApi(
  sim: RegistrarSimulator,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; token?: string; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const http = await import("node:http");
  const url = new URL(`${sim.baseUrl}/accounts/${ACCOUNT}/${path}`);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: false,
        timeout: opts.timeoutMs ?? 5_000,
        headers: { authorization: `Bearer ${opts.token ?? TOKEN}`, ...(payload ? { "content-type": "application/json" } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined, text });
        });
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("client timeout"), { code: "CLIENT_TIMEOUT" })));
    req.on("error", reject);
    req.end(payload);
  });
}

/** A complete contact in the API's wire shape. */
export const WIRE_CONTACT = {
  email: "ada@example.com",
  phone: "+44.2071234567",
  postal_info: { name: "Ada Lovelace", address: { street: "12 St James's Square", city: "London", state: "LND", postal_code: "SW1Y 4JH", country_code: "GB" } },
};
