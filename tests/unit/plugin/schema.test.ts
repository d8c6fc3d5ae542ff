import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { packageSchema } from "../../../provider/host/plugin/schema";
import { SCHEMA_PATH, schemaText } from "../../../provider/host/plugin/schemaFile";
import { REPO_ROOT } from "../../support/packed";

/** Outputs the TypeScript SDK derives in the program, never returned by a provider. */
const DERIVED = new Set(["daysUntilExpiry", "renewalRisk"]);

type Shape = Map<string, { optional: boolean }>;

function declarations(file: string): ts.SourceFile {
  const full = path.join(REPO_ROOT, file);
  return ts.createSourceFile(full, readFileSync(full, "utf8"), ts.ScriptTarget.ES2022, true);
}

/** An interface's properties and whether each is optional (`?`). */
function interfaceShape(file: string, name: string): Shape {
  const src = declarations(file);
  const decl = src.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(decl, `${name} in ${file}`);
  return new Map(decl.members.filter(ts.isPropertySignature).map((m) => [m.name.getText(src), { optional: m.questionToken !== undefined }]));
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
    if (!DERIVED.has(key)) shape.set(key, { optional: /\b(undefined|null)\b/.test(m.type.getText(src)) });
  }
  return shape;
}

/** The same view of a schema object: its properties, optional unless required. */
function schemaShape(properties: Record<string, unknown>, required: readonly string[]): Shape {
  return new Map(Object.keys(properties).map((k) => [k, { optional: !required.includes(k) }]));
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

    it(`${resource}: the schema's inputs are the TypeScript SDK's ${args}, with the same optionality`, () => {
      assert.deepEqual(sorted(schemaShape(spec.inputProperties, spec.requiredInputs)), sorted(interfaceShape(file, args)));
    });

    it(`${resource}: the schema's outputs are the TypeScript SDK's outputs (less the program-derived ones), with the same optionality`, () => {
      assert.deepEqual(sorted(schemaShape(spec.properties, spec.required)), sorted(outputShape(file, resource)));
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
    it(`the schema's type ${type} has ${iface}'s properties, with the same optionality`, () => {
      const spec = (schema.types as Record<string, { properties: Record<string, unknown>; required: string[] }>)[`cloudflare-registrar:index:${type}`]!;
      assert.deepEqual(sorted(schemaShape(spec.properties, spec.required)), sorted(interfaceShape(file, iface)));
    });
  }

  it("the provider's settings are the plugin's TypeScript Provider's args, all optional", () => {
    const settings = new Map(Object.keys(schema.provider.inputProperties).map((k) => [k, { optional: true }]));
    assert.deepEqual(sorted(settings), sorted(interfaceShape("sdk/plugin/index.ts", "ProviderArgs")));
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
