/**
 * The provider process's own copy of what it has looked up: one client (so one rate budget), one listing
 * of the account's registrations, one batch of the preview's domain-checks and one catalogue of extension
 * rules, shared by every resource the process serves. The engine runs DomainRegistration and DomainTransfer
 * in the same dynamic-provider process, each through its own shim and settings object, so the sharing is
 * keyed by what the settings say rather than by the object that carries them.
 */
import { createHash } from "node:crypto";
import type { RegistrarClient } from "../../api/client";
import type { ClientOptions } from "../../api/clientOptions";
import { realClock } from "../../api/clock";
import { DomainChecks } from "./domainChecks";
import { ExtensionCatalogue } from "./extensionCatalogue";
import { RegistrationIndex } from "./registrationIndex";

export class ProcessLookups {
  private clientInstance?: RegistrarClient;
  /** The account's registrations, listed once: the preview's and refresh's look, and adoption in create. */
  readonly registrations = new RegistrationIndex(() => this.client());
  /** The preview's domain-check answers, batched by the names declared alongside. */
  readonly checks: DomainChecks;
  /** The extensions' rules, fetched once each. */
  readonly extensions = new ExtensionCatalogue(() => this.client());

  constructor(private readonly options: ClientOptions) {
    const clock = options.clock ?? realClock;
    this.checks = new DomainChecks(
      () => this.client(),
      () => clock.now(),
    );
  }

  client(): RegistrarClient {
    // Loaded on first use: the HTTP stack (undici) and the response schemas (zod) cost ~260 ms of start-up
    // that a preview of unchanged resources (check of an existing resource, diff) never needs.
    return (this.clientInstance ??= new (require("../../api/client") as typeof import("../../api/client")).RegistrarClient(this.options));
  }

  async close(): Promise<void> {
    await this.clientInstance?.close();
  }
}

const shared = new Map<string, ProcessLookups>();
const identities = new WeakMap<object, number>();
let identified = 0;

/** Objects (a clock, an env, a retry policy) count by identity: two clocks are two timelines. */
function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = ++identified));
  return id;
}

/** The settings as a key; hashed, because it holds the credentials. */
function keyOf(options: ClientOptions): string {
  const parts = Object.entries(options)
    .filter(([, v]) => v !== undefined && v !== null)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, typeof v === "object" || typeof v === "function" ? `#${identity(v as object)}` : v]);
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/** This process's lookups for these client settings: the same object for every resource that has them. */
export function processLookups(options: ClientOptions): ProcessLookups {
  const key = keyOf(options);
  let lookups = shared.get(key);
  if (!lookups) shared.set(key, (lookups = new ProcessLookups(options)));
  return lookups;
}

/** Close the client and forget the lookups: the next resource with these settings starts afresh. */
export async function closeProcessLookups(options: ClientOptions): Promise<void> {
  const key = keyOf(options);
  const lookups = shared.get(key);
  shared.delete(key);
  await lookups?.close();
}
