/**
 * The one place secrets are kept out of what reaches a person: every message the provider hands to the
 * engine (check failures, thrown errors, their stacks) and every log line passes through `redact`.
 *
 * Secrets are remembered for the life of the provider process as they are met: the token when the
 * transport takes it, the auth code, contacts and contact extensions when check (or a shim method) sees the inputs. One
 * process serves many resources, so a code met for one is also hidden from the messages of another:
 * harmless, and it cannot be forgotten by a path that did not pass it along.
 *
 * A secret is hidden in every form the provider puts on the wire or a message could quote it in: as
 * given, trimmed, base64 (the auth code's wire form, padded and not, standard and URL alphabets), JSON
 * string escaping and URI component encoding.
 *
 * Separately, a check failure about a secret input is never attached to that input's property: the
 * engine prints `property <name> value <value> has a problem`, with the value in plain text even when it
 * is a Pulumi secret (only values from secret config are masked by the CLI).
 */

/** How each kind of secret is named in messages; the value itself never is. */
export const LABELS = { authCode: "[auth code]", token: "[api token]", apiKey: "[api key]", contact: "[contact detail]" } as const;

/** Inputs whose values are secret (the auth code) or personal data (contacts): never shown by the engine. */
export const SECRET_INPUTS: readonly string[] = ["authCode", "contacts", "contactExtensions"];

/**
 * Shorter values are not redacted: hiding every "a" or "US" would garble messages without hiding a
 * secret (no registrar issues a 2-character code, no token is that short, and a country code is not personal).
 */
export const MIN_SECRET_LENGTH = 3;

/**
 * Forms shorter than this are hidden only as a whole word: a registry code such as `CCO` (a `.ca` legal
 * type in contactExtensions) is a secret input's value, but the same letters inside `CLOUDFLARE_ACCOUNT_ID`
 * are not it.
 */
export const WHOLE_WORD_BELOW = 8;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordRe = new Map<string, RegExp>();
/** Replace `form` in `text`: everywhere, or for a short form only where it is not part of a longer word. */
function replaceForm(text: string, form: string, label: string): string {
  // Stryker disable next-line ConditionalExpression: a text without the form comes back unchanged from either path; this only skips the work
  if (!text.includes(form)) return text;
  if (form.length >= WHOLE_WORD_BELOW) return text.split(form).join(label);
  return text.replace(wordRe.get(form) ?? wholeWordRe(form), () => label);
}

/** The pattern of a short form, where it is not preceded or followed by a word character it does not itself start or end with. */
function wholeWordRe(form: string): RegExp {
  const word = /[\p{L}\p{N}_]/u;
  const before = word.test(form[0]!) ? "(?<![\\p{L}\\p{N}_])" : "";
  const after = word.test(form.at(-1)!) ? "(?![\\p{L}\\p{N}_])" : "";
  const re = new RegExp(`${before}${escapeRegExp(form)}${after}`, "gu");
  wordRe.set(form, re);
  return re;
}

export interface Secret {
  value: string;
  label: string;
}

/** Every form of `value` that could reach a message, longest first so no shorter form splits a longer one. */
export function secretForms(value: string): string[] {
  const forms = new Set<string>();
  for (const v of [value, value.trim()]) {
    if (v.length < MIN_SECRET_LENGTH) continue;
    // UTF-8, Buffer's default. No form is shorter than `v`: escaping and base64 only lengthen.
    const b64 = Buffer.from(v).toString("base64");
    const b64url = Buffer.from(v).toString("base64url");
    for (const f of [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v), b64, b64.replaceAll("=", ""), b64url, encodeURIComponent(b64)]) forms.add(f);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Secrets met so far in this process: form → label. */
const known = new Map<string, string>();
/** `known`'s forms, longest first; sorted again only after a new form is met (every log line is redacted). */
let knownOrder: string[] | undefined;

/** Hide `value` (if it is a string long enough to be a secret) from every later message. */
export function rememberSecret(value: unknown, label: string): void {
  if (typeof value !== "string") return;
  for (const form of secretForms(value)) {
    // The label a form was first met with stays.
    if (!known.has(form)) {
      known.set(form, label);
      knownOrder = undefined;
    }
  }
}

/** Pulumi's marker of a secret value (`{ [SIG]: SECRET_SIG, value }`), in case an input arrives wrapped. */
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const unwrap = (v: unknown): unknown => ((v as Record<string, unknown> | null | undefined)?.[SIG] === SECRET_SIG ? (v as { value?: unknown }).value : v);

/** Every string inside a value (contacts are nested objects and arrays; other primitives have no values). */
function* leaves(wrapped: unknown): Generator<string> {
  const v = unwrap(wrapped);
  if (typeof v === "string") yield v;
  else if (v) for (const x of Object.values(v)) yield* leaves(x);
}

/**
 * Remember the secret inputs of a resource: its auth code, its contacts' details and its contact
 * extensions (registry values such as a tax or company number are personal data too). A registry's own
 * code given there (`C11`) is then hidden from other messages as well: a garbled list of allowed values is
 * the price of never echoing a value that may be personal.
 */
export function rememberSecretInputs(inputs: Record<string, unknown> | undefined): void {
  if (!inputs) return;
  rememberSecret(unwrap(inputs.authCode), LABELS.authCode);
  for (const s of leaves(inputs.contacts)) rememberSecret(s, LABELS.contact);
  for (const s of leaves(inputs.contactExtensions)) rememberSecret(s, LABELS.contact);
}

/** For tests: forget every secret met so far. */
export function forgetSecrets(): void {
  known.clear();
  knownOrder = undefined;
  wordRe.clear();
}

/** `text` with every form of every secret met (and of `extra`) replaced by its label. */
export function redact(text: string, extra: readonly Secret[] = []): string {
  let forms: ReadonlyMap<string, string> = known;
  let order = (knownOrder ??= [...known.keys()].sort((a, b) => b.length - a.length));
  // Stryker disable next-line ConditionalExpression: with no extra secret the merged map equals `known`; this only skips the copy
  if (extra.length) {
    const more = new Map(known);
    for (const s of extra) for (const f of secretForms(s.value)) if (!more.has(f)) more.set(f, s.label);
    forms = more;
    order = [...more.keys()].sort((a, b) => b.length - a.length);
  }
  let out = text;
  for (const form of order) out = replaceForm(out, form, forms.get(form)!);
  return out;
}

/** The same error with the secrets gone from its message and stack (and its cause's), keeping its class: callers branch on it. */
export function redactError<E>(err: E, extra: readonly Secret[] = []): E {
  // A cause chain may loop (a → b → a): each error is redacted once.
  for (let e: unknown = err, seen = new Set<unknown>(); e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e);
    const message = redact(e.message, extra);
    // A stack starts with the message; redacting both keeps the host's `${e}: ${e.stack}` line recognisable.
    if (message !== e.message) e.message = message;
    if (e.stack) e.stack = redact(e.stack, extra);
  }
  return err;
}

/** Whether a failure's property is a secret input, or a field inside one (`contacts.registrant.email`). */
export function isSecretProperty(property: string): boolean {
  return SECRET_INPUTS.some((p) => property === p || property.startsWith(`${p}.`) || property.startsWith(`${p}[`));
}

export interface Failure {
  property: string;
  reason: string;
}

/**
 * Failures as the engine may print them: redacted, and those about a secret input detached from its
 * property (so the engine prints no value), still naming the field.
 */
export function failuresForEngine(failures: readonly Failure[]): Failure[] {
  return failures.map(({ property, reason }) => {
    const text = redact(reason);
    if (!isSecretProperty(property)) return { property, reason: text };
    return { property: "", reason: text.includes(property) ? text : `${property}: ${text}` };
  });
}
