import { RegistrarClient } from "../../provider/client";
import type { ClientOptions } from "../../provider/settings";
import { DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN, RegistrarSimulator, SimulatorOptions } from "../../simulator/server";

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

/** A clock that only moves when slept on: deterministic timing for the poller and the simulator. */
export class VirtualClock {
  t = Date.parse("2026-01-01T00:00:00Z");
  now = () => this.t;
  sleep = async (ms: number) => {
    this.t += ms;
  };
}
