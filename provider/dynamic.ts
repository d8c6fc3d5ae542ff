/**
 * The dynamic provider as Pulumi runs it. This module's exports *are* the provider object: the SDK
 * hands the module itself to `pulumi.dynamic.Resource`, so the closure serializer writes it into
 * state as `require("pulumi-cloudflare-registrar/dynamic")` — a few hundred bytes with no token,
 * no path and no copy of our code — and the implementation loads from the installed package when
 * the provider runs.
 *
 * Settings arrive through `configure` in the provider process (the engine passes the stack's whole
 * config to dynamic providers), so one provider instance per process is the configuration itself.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { RegistrationProvider } from "./lifecycle";

type Props = Record<string, unknown>;

let instance: RegistrationProvider | undefined;
let configured: pulumi.dynamic.Config | undefined;

function provider(): RegistrationProvider {
  if (!instance) {
    // Loaded on first use: the program process only needs this module's identity, not its code.
    const { RegistrationProvider } = require("./lifecycle") as typeof import("./lifecycle");
    const { settingsFromConfig } = require("./config") as typeof import("./config");
    instance = new RegistrationProvider(settingsFromConfig((key) => configured?.get(key)));
  }
  return instance;
}

export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  configured = req.config;
  instance = undefined;
}

/**
 * Expected errors (a refusal, a wrong token, an unreachable API) must read as one message on the
 * resource's row. The dynamic-provider host (@pulumi/pulumi cmd/dynamic-provider) does two things with an
 * error thrown from check, diff, read or delete: it prints `${e}: ${e.stack}` to the provider's stderr,
 * which the CLI shows on the stack's row (the message twice, then the trace), and it returns the message
 * over gRPC, which the CLI shows on the resource's row. From create and update it only returns the message.
 * So: check turns an expected error into a check failure; diff, read and delete still throw it (nothing else
 * fails them) but the host's stderr copy of that very error is dropped. Anything else is a bug and keeps
 * its stack, including from create and update, where the host would lose it.
 */
function isExpected(err: unknown): err is Error {
  const { RegistrarError } = require("./errors") as typeof import("./errors");
  const { PartialStateError } = require("./purchase/partial") as typeof import("./purchase/partial");
  return err instanceof RegistrarError || err instanceof PartialStateError;
}

/** Errors thrown to the host whose `${e}: ${e.stack}` line it is about to print. */
const unprinted = new Set<Error>();
let filterInstalled = false;

function printedByHostQuietly(err: Error): void {
  unprinted.add(err);
  if (filterInstalled) return;
  filterInstalled = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string") {
      for (const e of unprinted) {
        if (args[0] === `${e}: ${e.stack}`) {
          unprinted.delete(e);
          return;
        }
      }
    }
    original(...args);
  };
}

/** A method whose thrown errors the host prints with their stack (diff, read, delete). */
async function quietWhenExpected<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isExpected(err)) printedByHostQuietly(err);
    throw err;
  }
}

/** A method whose thrown errors the host passes on without their stack (create, update). */
async function stackForBugs<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!isExpected(err)) console.error(`cloudflare-registrar: unexpected error (a bug; please report it): ${err instanceof Error ? err.stack : String(err)}`);
    throw err;
  }
}

export async function check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
  try {
    return await provider().check(olds && Object.keys(olds).length > 0 ? olds : undefined, news);
  } catch (err) {
    if (!isExpected(err)) throw err;
    // No property: the failure concerns the resource (credentials, the API), and the engine says so.
    return { inputs: news, failures: [{ property: "", reason: err.message }] };
  }
}

export function diff(id: pulumi.ID, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  return quietWhenExpected(() => provider().diff(id, olds, news));
}

export function create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
  return stackForBugs(() => provider().create(inputs));
}

// ResourceProvider declares props optional; the dynamic-provider host always sends them.
export function read(id: pulumi.ID, props: Props = {}): Promise<pulumi.dynamic.ReadResult> {
  return quietWhenExpected(() => provider().read(id, props));
}

export function update(id: pulumi.ID, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
  return stackForBugs(() => provider().update(id, olds, news));
}

export function delete_(id: pulumi.ID, props: Props): Promise<void> {
  return quietWhenExpected(() => provider().delete(id, props));
}
// `delete` is a reserved word for a function declaration, but a fine export name.
export { delete_ as delete };
