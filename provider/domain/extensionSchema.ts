/**
 * Reading an extension's `registration_schema` or `transfer_schema` (JSON Schema, draft 2020-12): its
 * minimum term, and whether a create or transfer-in body satisfies it. Failures are reported in the SDK's names (`contactExtensions`,
 * `postalInfo`), with the allowed values, so a preview says exactly what to write.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import type { CheckFailure } from "./validation";

type Schema = Record<string, unknown>;

const asObject = (v: unknown): Schema | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Schema) : undefined);

/** The minimum registration term the schema publishes (`properties.years.minimum`), if it does. */
export function minimumTerm(schema: unknown): number | undefined {
  const min = asObject(asObject(asObject(schema)?.properties)?.years)?.minimum;
  return Number.isInteger(min) && (min as number) >= 1 ? (min as number) : undefined;
}

// Wire names at the top of the body and inside contacts, and the SDK's names for them. The keys inside
// contact_extensions and acknowledgements are the API's own and are shown verbatim.
const VERBATIM = new Set(["contact_extensions", "acknowledgements"]);
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** `/contacts/registrant/postal_info/address/postal_code` → `contacts.registrant.postalInfo.address.postalCode`. */
export function sdkPath(segments: readonly string[]): string {
  // Stryker disable next-line StringLiteral: any string not in VERBATIM gives the same answer for an empty path.
  const verbatim = VERBATIM.has(segments[0] ?? "");
  return segments.map((s, i) => (verbatim && i > 0 ? s : camel(s))).join(".");
}

let ajv: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction | Error>();

function validatorFor(schema: object): ValidateFunction | Error {
  let v = compiled.get(schema);
  // Stryker disable next-line ConditionalExpression: compiling again gives the same validator; the cache saves only time.
  if (!v) {
    // strict: false, because the API may use keywords of its own; unknown formats are not ours to judge.
    ajv ??= new Ajv2020({ allErrors: true, verbose: true, strict: false, validateFormats: false });
    try {
      v = ajv.compile(schema);
    } catch (err) {
      v = err instanceof Error ? err : new Error(String(err));
    }
    compiled.set(schema, v);
  }
  return v;
}

/** A short description of what a schema accepts, for "is required" messages. */
function describe(schema: Schema | undefined): string {
  if (!schema) return "a value";
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map(String).join(", ")}`;
  if ("const" in schema) return JSON.stringify(schema.const);
  const props = asObject(schema.properties);
  if (props) {
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(props);
    return `{ ${required.map((k) => `${k}: ${describe(asObject(props[k]))}`).join("; ")} }`;
  }
  return typeof schema.type === "string" ? `a ${schema.type}` : "a value";
}

/** The sub-schema at a JSON pointer's property path (following `properties` only). */
function schemaAt(root: Schema, segments: readonly string[]): Schema | undefined {
  let node: Schema | undefined = root;
  for (const s of segments) node = asObject(asObject(node?.properties)?.[s]);
  return node;
}

/** What the body is for, and which of its top-level fields are secret (never shown in a failure). */
export interface SchemaUse {
  /** "registrations" (default) or "transfers", as in "is required for '.us' transfers". */
  purpose?: string;
  /** Wire names whose values are never echoed, e.g. `auth_code`, besides the contacts and contact extensions. */
  secret?: readonly string[];
}

/** Personal data in every body (SECRET_INPUTS' wire names): its values are never echoed, for any purpose. */
const ALWAYS_SECRET = ["contacts", "contact_extensions"];
const SECRET_SHOWN = "(a secret, not shown)";

function failureFor(e: ErrorObject, root: Schema, extension: string, use: SchemaUse): CheckFailure {
  const segments = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const at = sdkPath(segments);
  const ext = `'.${extension}'`;
  const p = e.params as Record<string, unknown>;
  const purpose = use.purpose ?? "registrations";
  // Stryker disable next-line ArrayDeclaration: a default list naming no body field hides nothing more, as the empty one does.
  const secret = new Set([...ALWAYS_SECRET, ...(use.secret ?? [])]);
  // A failure at the root echoes the whole body: secret fields are replaced wherever they appear.
  // Stryker disable next-line StringLiteral: at the root, any name that is not a secret field's gives the same answer.
  const shown = (v: unknown) => (secret.has(segments[0] ?? "") ? SECRET_SHOWN : JSON.stringify(v, (k, x) => (secret.has(k) ? SECRET_SHOWN : x)));
  switch (e.keyword) {
    case "required": {
      const missing = String(p.missingProperty);
      const field = sdkPath([...segments, missing]);
      return { property: field, reason: `${field} is required for ${ext} ${purpose}: give ${describe(schemaAt(root, [...segments, missing]))}.` };
    }
    case "enum":
      return { property: at, reason: `${at} must be one of ${(p.allowedValues as unknown[]).map(String).join(", ")} for ${ext}, got ${shown(e.data)}.` };
    case "const":
      return { property: at, reason: `${at} must be ${JSON.stringify(p.allowedValue)} for ${ext}, got ${shown(e.data)}.` };
    case "additionalProperties": {
      const extra = String(p.additionalProperty);
      const field = sdkPath([...segments, extra]);
      const allowed = Object.keys(asObject(schemaAt(root, segments)?.properties) ?? {}).map((k) => sdkPath([...segments, k]));
      return {
        property: field,
        reason: `${field} is not accepted for ${ext} ${purpose}${allowed.length ? ` (accepted: ${allowed.join(", ")})` : ""}. Remove it.`,
      };
    }
    case "minimum":
    case "maximum":
      return { property: at, reason: `${at} must be ${e.keyword === "minimum" ? "at least" : "at most"} ${String(p.limit)} for ${ext}, got ${shown(e.data)}.` };
    default:
      return {
        property: at || "domainName",
        reason: `${at || `the ${purpose.replace(/s$/, "")}`} ${e.message} for ${ext} (JSON Schema keyword '${e.keyword}'), got ${shown(e.data)}.`,
      };
  }
}

/**
 * Failures of `body` against one of the extension's schemas; empty when it passes. A schema that cannot
 * be compiled yields `undefined`: the API's own validation then decides, before any charge.
 */
export function schemaFailures(schema: unknown, body: unknown, extension: string, use: SchemaUse = {}): CheckFailure[] | undefined {
  const root = asObject(schema);
  if (!root) return undefined;
  const validate = validatorFor(root);
  if (validate instanceof Error) return undefined;
  if (validate(body)) return [];
  const seen = new Set<string>();
  return validate.errors!.map((e) => failureFor(e, root, extension, use)).filter((f) => !seen.has(f.reason) && seen.add(f.reason) !== undefined);
}
