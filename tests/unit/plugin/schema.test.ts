import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { packageSchema } from "../../../provider/host/plugin/schema";
import { SCHEMA_PATH, schemaText } from "../../../provider/host/plugin/schemaFile";
import { REPO_ROOT } from "../../support/packed";

/** Outputs the TypeScript SDK derives in the program, never returned by a provider. */
const DERIVED = new Set(["daysUntilExpiry", "renewalRisk"]);

/** A property's optionality and its type, as one text both sides map to (`string`, `number`, `map`, `array<…>`, `object:<Name>`). */
type Shape = Map<string, { optional: boolean; type: string }>;

const sources = new Map<string, ts.SourceFile>();
function declarations(file: string): ts.SourceFile {
  const full = path.resolve(REPO_ROOT, file);
  if (!sources.has(full)) sources.set(full, ts.createSourceFile(full, readFileSync(full, "utf8"), ts.ScriptTarget.ES2022, true));
  return sources.get(full)!;
}

/** Where `name` is declared, seen from `src`: here, or through an import or a re-export (relative modules only). */
function declarationOf(src: ts.SourceFile, name: string): { src: ts.SourceFile; decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration } | undefined {
  for (const s of src.statements) {
    if ((ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name.text === name) return { src, decl: s };
  }
  for (const s of src.statements) {
    const spec =
      (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : "";
    if (!spec.startsWith(".")) continue;
    const bindings = ts.isImportDeclaration(s) ? s.importClause?.namedBindings : ts.isExportDeclaration(s) ? s.exportClause : undefined;
    const names: readonly ts.ImportOrExportSpecifier[] = bindings && (ts.isNamedImports(bindings) || ts.isNamedExports(bindings)) ? bindings.elements : [];
    if (!names.some((e) => e.name.text === name)) continue;
    const base = path.resolve(path.dirname(src.fileName), spec);
    return declarationOf(declarations(`${base}.ts`), name);
  }
  return undefined;
}

const WRAPPERS = new Set(["pulumi.Input", "pulumi.Output", "pulumi.Unwrap", "Readonly"]);

/** A TypeScript type as the schema would have it: wrappers, `undefined` and `null` dropped, aliases followed, interfaces by name less `Args`. */
function tsType(src: ts.SourceFile, node: ts.TypeNode): string {
  if (ts.isParenthesizedTypeNode(node)) return tsType(src, node.type);
  if (ts.isUnionTypeNode(node)) {
    const present = node.types.filter(
      (t) => t.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword),
    );
    const kinds = [...new Set(present.map((t) => tsType(src, t)))];
    return kinds.length === 1 ? kinds[0]! : `union<${kinds.join("|")}>`;
  }
  if (ts.isIntersectionTypeNode(node)) {
    // `string & {}`: a string that editors still complete with the known values.
    const kinds = [...new Set(node.types.filter((t) => !(ts.isTypeLiteralNode(t) && t.members.length === 0)).map((t) => tsType(src, t)))];
    return kinds.length === 1 ? kinds[0]! : `intersection<${kinds.join("&")}>`;
  }
  if (ts.isLiteralTypeNode(node)) {
    if (ts.isStringLiteral(node.literal)) return "string";
    if (ts.isNumericLiteral(node.literal)) return "number";
    if (node.literal.kind === ts.SyntaxKind.TrueKeyword || node.literal.kind === ts.SyntaxKind.FalseKeyword) return "boolean";
  }
  if (node.kind === ts.SyntaxKind.StringKeyword) return "string";
  if (node.kind === ts.SyntaxKind.NumberKeyword) return "number";
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return "boolean";
  if (node.kind === ts.SyntaxKind.UnknownKeyword || node.kind === ts.SyntaxKind.AnyKeyword) return "any";
  if (ts.isArrayTypeNode(node)) return `array<${tsType(src, node.elementType)}>`;
  if (ts.isTypeLiteralNode(node)) return node.members.every(ts.isIndexSignatureDeclaration) ? "map" : "object:*";
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(src);
    const [arg] = node.typeArguments ?? [];
    if (WRAPPERS.has(name) && arg) return tsType(src, arg);
    if (name === "Record") return "map";
    if ((name === "Array" || name === "ReadonlyArray") && arg) return `array<${tsType(src, arg)}>`;
    const found = declarationOf(src, name);
    if (found && ts.isInterfaceDeclaration(found.decl)) return `object:${name.replace(/Args$/, "")}`;
    if (found && ts.isTypeAliasDeclaration(found.decl)) return tsType(found.src, found.decl.type);
  }
  return `unresolved<${node.getText(src)}>`;
}

/** A schema property's type in the same terms: integer is a number, an object with additionalProperties a map. */
function schemaType(p: { type?: string; $ref?: string; items?: unknown; additionalProperties?: unknown }): string {
  if (p.$ref === "pulumi.json#/Any") return "any";
  if (p.$ref) return `object:${p.$ref.replace(/^#\/types\/[^:]+:index:/, "")}`;
  if (p.type === "integer") return "number";
  if (p.type === "array") return `array<${schemaType(p.items as object)}>`;
  if (p.type === "object") return p.additionalProperties ? "map" : "object:*";
  return String(p.type);
}

/** An interface's properties, each optional when it has `?`. */
function interfaceShape(file: string, name: string): Shape {
  const src = declarations(file);
  const decl = src.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(decl, `${name} in ${file}`);
  return new Map(
    decl.members.filter(ts.isPropertySignature).map((m) => [m.name.getText(src), { optional: m.questionToken !== undefined, type: tsType(src, m.type!) }]),
  );
}

/** The base every SDK resource extends: the outputs both declare once (sdk/purchaseResource.ts). */
const BASE = { file: "sdk/purchaseResource.ts", name: "PurchaseResource" };

/** A resource class's `pulumi.Output<T>` properties, its base's included; optional when T admits undefined or null. */
function outputShape(file: string, name: string): Shape {
  const src = declarations(file);
  const decl = src.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
  assert.ok(decl, `${name} in ${file}`);
  const extendsBase = decl.heritageClauses?.some((h) => h.types.some((t) => t.expression.getText(src) === BASE.name));
  const shape: Shape = extendsBase ? outputShape(BASE.file, BASE.name) : new Map();
  for (const m of decl.members) {
    if (!ts.isPropertyDeclaration(m) || !m.type || !/^pulumi\.Output</.test(m.type.getText(src))) continue;
    const key = m.name.getText(src);
    if (!DERIVED.has(key)) shape.set(key, { optional: /\b(undefined|null)\b/.test(m.type.getText(src)), type: tsType(src, m.type) });
  }
  return shape;
}

/** The same view of a schema object: its properties, optional unless required. */
function schemaShape(properties: Record<string, object>, required: readonly string[] = []): Shape {
  return new Map(Object.entries(properties).map(([k, p]) => [k, { optional: !required.includes(k), type: schemaType(p) }]));
}

/** The two shapes compared; an inline TypeScript object type stands for whichever named schema type is there. */
function assertSameShape(schema: Shape, typescript: Shape) {
  const loose = (t: string) => t.replace(/object:[^>|]+/g, "object:*");
  const named = new Map(
    [...typescript].map(([k, t]) => {
      const theirs = schema.get(k)?.type;
      return [k, theirs && t.type.includes("object:*") && loose(theirs) === t.type ? { ...t, type: theirs } : t] as const;
    }),
  );
  assert.deepEqual(sorted(schema), sorted(named));
}

const sorted = (s: Shape) => Object.fromEntries([...s].sort(([a], [b]) => a.localeCompare(b)));

describe("the plugin's schema", () => {
  const schema = packageSchema("0.0.0-test");

  it("schema.json is what `npm run schema` writes from provider/host/plugin/schema.ts (run it when this fails)", () => {
    assert.equal(readFileSync(SCHEMA_PATH, "utf8"), schemaText());
  });

  for (const [resource, args, file] of [
    ["DomainRegistration", "DomainRegistrationArgs", "sdk/domainRegistration.ts"],
    ["DomainTransfer", "DomainTransferArgs", "sdk/domainTransfer.ts"],
  ] as const) {
    const spec = schema.resources[`cloudflare-registrar:index:${resource}`]!;

    it(`${resource}: the schema's inputs are the TypeScript SDK's ${args}, with the same optionality and types`, () => {
      assertSameShape(schemaShape(spec.inputProperties, spec.requiredInputs), interfaceShape(file, args));
    });

    it(`${resource}: the schema's outputs are the TypeScript SDK's outputs (less the program-derived ones), with the same optionality and types`, () => {
      assertSameShape(schemaShape(spec.properties, spec.required), outputShape(file, resource));
    });
  }

  for (const [type, file, iface] of [
    ["Quote", "provider/domain/quote.ts", "Quote"],
    ["TransferQuote", "sdk/domainTransfer.ts", "TransferQuote"],
    ["DomainAvailability", "sdk/types.ts", "DomainAvailability"],
    ["DomainPricing", "sdk/types.ts", "DomainPricing"],
    ["Contact", "sdk/types.ts", "ContactArgs"],
    ["Contacts", "sdk/types.ts", "ContactsArgs"],
    ["TransferCandidate", "provider/transfer/check.ts", "TransferCandidate"],
    ["TransferCheck", "provider/transfer/check.ts", "TransferCheck"],
  ] as const) {
    it(`the schema's type ${type} has ${iface}'s properties, with the same optionality and types`, () => {
      const spec = (schema.types as Record<string, { properties: Record<string, object>; required: string[] }>)[`cloudflare-registrar:index:${type}`]!;
      assertSameShape(schemaShape(spec.properties, spec.required), interfaceShape(file, iface));
    });
  }

  it("a schema whose type disagrees with the SDK's (years: string) fails the comparison", () => {
    const spec = schema.resources["cloudflare-registrar:index:DomainRegistration"]!;
    const wrong = { ...spec.inputProperties, years: { type: "string" } };
    // Judged on the assertion's own values: Node 22's assert elides unchanged lines from its message, the name included.
    assert.throws(
      () => assertSameShape(schemaShape(wrong, spec.requiredInputs), interfaceShape("sdk/domainRegistration.ts", "DomainRegistrationArgs")),
      (err: assert.AssertionError) => {
        const [actual, expected] = [err.actual, err.expected] as Array<Record<string, { type?: string }>>;
        assert.deepEqual([actual?.years?.type, expected?.years?.type], ["string", "number"]);
        const others = (shape: Record<string, unknown>) => JSON.stringify({ ...shape, years: undefined });
        assert.equal(others(actual!), others(expected!), "only years differs");
        return true;
      },
    );
  });

  it("the provider's settings are the plugin's TypeScript Provider's args, all optional, with the same types", () => {
    assertSameShape(schemaShape(schema.provider.inputProperties), interfaceShape("sdk/plugin/index.ts", "ProviderArgs"));
  });

  it("marks every secret input secret, in inputs and outputs, and the credentials in config", () => {
    for (const [name, spec] of Object.entries(schema.resources)) {
      const secretIn = Object.entries(spec.inputProperties as Record<string, { secret?: boolean }>).flatMap(([k, p]) => (p.secret ? [k] : []));
      const expected = name.endsWith("DomainTransfer") ? ["authCode", "contacts", "contactExtensions"] : ["contacts", "contactExtensions"];
      assert.deepEqual(secretIn.sort(), expected.sort(), name);
      for (const k of ["contacts", "contactExtensions"])
        assert.equal((spec.properties as Record<string, { secret?: boolean }>)[k]!.secret, true, `${name}.${k}`);
    }
    assert.equal(schema.config.variables.apiToken!.secret, true);
    assert.equal(schema.provider.inputProperties.apiToken!.secret, true);
  });
});
