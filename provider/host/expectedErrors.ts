/**
 * Expected errors (a refusal, a wrong token, an unreachable API) must read as one message on the
 * resource's row. The dynamic-provider host (@pulumi/pulumi cmd/dynamic-provider; checked in 3.248.0 and 3.276.0, alike here) does two
 * things with an error thrown from check, diff, read or delete: it prints `${e}: ${e.stack}` to the
 * provider's stderr, which the CLI shows on the stack's row (the message twice, then the trace), and it
 * returns the message over gRPC, which the CLI shows on the resource's row. From create and update it only
 * returns the message. So: check turns an expected error into a check failure; diff, read and delete still
 * throw it (nothing else fails them) but the host's stderr copy of that very error is dropped. Anything
 * else is a bug and keeps its stack, including from create and update, where the host would lose it.
 * Both dynamic shims (provider/host/registration.ts, provider/host/transfer.ts) wrap their methods here, so this
 * is also where every message leaves for the engine: each passes through provider/api/secrets.ts.
 */

/**
 * Loaded on first use, like errors.ts: a program that declares resources serializes the shims, and with
 * them anything they hold at module level; the secrets met in the program process (a token an SDK
 * function used) must not be among it.
 */
function secrets(): typeof import("../api/secrets") {
  return require("../api/secrets") as typeof import("../api/secrets");
}

/**
 * What the host may see of a thrown value: an error redacted in place (its class kept, callers branch on
 * it); anything else as the redacted string the host would have made of it.
 */
function redacted(err: unknown): unknown {
  return err instanceof Error ? secrets().redactError(err) : secrets().redact(String(err));
}

type CheckResult = { inputs?: Record<string, unknown>; failures?: Array<{ property: string; reason: string }> };

export function isExpected(err: unknown): err is Error {
  // Loaded on first use: the program process only needs the shims' identity, not this code's.
  const { RegistrarError } = require("../api/errors") as typeof import("../api/errors");
  const { PartialStateError } = require("../purchase/partial") as typeof import("../purchase/partial");
  return err instanceof RegistrarError || err instanceof PartialStateError;
}

/**
 * Errors thrown to the host whose `${e}: ${e.stack}` line it is about to print, with how many times: one
 * failed listing is thrown to every read that shared it, and the host prints it once per read.
 */
const unprinted = new Map<Error, number>();
let filterInstalled = false;

function printedByHostQuietly(err: Error): void {
  unprinted.set(err, (unprinted.get(err) ?? 0) + 1);
  if (filterInstalled) return;
  filterInstalled = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string") {
      for (const [e, times] of unprinted) {
        if (args[0] === `${e}: ${e.stack}`) {
          if (times > 1) unprinted.set(e, times - 1);
          else unprinted.delete(e);
          return;
        }
      }
    }
    original(...args);
  };
}

/** check: an expected error becomes one check failure on the resource (no property: it is not an input's fault). */
export async function failuresWhenExpected<R extends CheckResult>(news: Record<string, unknown>, call: () => Promise<R>): Promise<R | CheckResult> {
  secrets().rememberSecretInputs(news);
  try {
    const result = atValues(await call());
    return result.failures ? { ...result, failures: secrets().failuresForEngine(result.failures) } : result;
  } catch (err) {
    if (!isExpected(err)) throw redacted(err);
    return { inputs: news, failures: [{ property: "", reason: secrets().redact(err.message) }] };
  } finally {
    await warningsDelivered();
  }
}

/**
 * The engine prints a failure's property with `inputs[property]`, a top-level lookup: a nested path
 * (`contactExtensions.us_nexus_category`) or an absent input shows as `value {<nil>}`. Such a failure
 * goes on the resource instead; its reason already names the field.
 */
export function atValues<R extends CheckResult>(result: R): R {
  if (!result.failures?.length) return result;
  const has = (p: string) => result.inputs !== undefined && Object.prototype.hasOwnProperty.call(result.inputs, p) && result.inputs[p] !== undefined;
  return { ...result, failures: result.failures.map((f) => (f.property === "" || has(f.property) ? f : { ...f, property: "" })) };
}

/** Warnings go to the engine over gRPC; each is delivered before the answer of the call that raised it. */
function warningsDelivered(): Promise<void> {
  const { flushWarnings } = require("./engineLog") as typeof import("./engineLog");
  return flushWarnings();
}

/** diff, read, delete: the host prints what they throw, with its stack. */
export async function quietWhenExpected<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const e = redacted(err);
    if (isExpected(e)) printedByHostQuietly(e);
    throw e;
  } finally {
    await warningsDelivered();
  }
}

/** create, update: the host passes on only the message of what they throw. */
export async function stackForBugs<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const e = redacted(err);
    if (!isExpected(e)) console.error(`cloudflare-registrar: unexpected error (a bug; please report it): ${e instanceof Error ? e.stack : String(e)}`);
    throw e;
  } finally {
    await warningsDelivered();
  }
}
