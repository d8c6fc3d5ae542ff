/**
 * Checks a JSON value against a response type the official SDK (`cloudflare` 7.3.0) declares, read from
 * its own .d.ts files with the TypeScript compiler: the SDK does not validate responses at run time, so
 * "the SDK accepts it" means "it is a value of the declared type". Required fields, literal unions
 * (states, reason codes), null where allowed, arrays, maps; and no field the type does not declare.
 */
import * as path from "node:path";
import ts from "typescript";

// The package root: its "exports" lists no package.json, so go from the main entry, which sits at the root.
const ROOT = path.dirname(require.resolve("cloudflare"));

/** The .d.ts files of the SDK's registrar and registrar-sandbox resources, by short name. */
const FILES = {
  registrar: "resources/registrar/registrar.d.ts",
  extensions: "resources/registrar/extensions.d.ts",
  sandbox: "resources/registrar-sandbox/registrar-sandbox.d.ts",
  sandboxRegistrations: "resources/registrar-sandbox/registrations.d.ts",
  sandboxRegistrationStatus: "resources/registrar-sandbox/registration-status.d.ts",
  sandboxUpdateStatus: "resources/registrar-sandbox/update-status.d.ts",
  sandboxExtensions: "resources/registrar-sandbox/extensions.d.ts",
} as const;

export class SdkTypes {
  private readonly checker: ts.TypeChecker;
  private readonly exports = new Map<string, Map<string, ts.Symbol>>();

  constructor() {
    const program = ts.createProgram(
      Object.values(FILES).map((f) => path.join(ROOT, f)),
      {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        noResolve: true,
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
      },
    );
    this.checker = program.getTypeChecker();
    for (const [key, file] of Object.entries(FILES)) {
      const source = program.getSourceFile(path.join(ROOT, file));
      const module = source && this.checker.getSymbolAtLocation(source);
      if (!module) throw new Error(`cannot read the SDK's ${file}`);
      this.exports.set(key, new Map(this.checker.getExportsOfModule(module).map((s) => [s.getName(), s])));
    }
  }

  /** Every way `value` differs from the type `name` of `file` (e.g. "registrar", "WorkflowStatus"); empty when it conforms. */
  problems(file: keyof typeof FILES, name: string, value: unknown): string[] {
    const symbol = this.exports.get(file)?.get(name);
    if (!symbol) throw new Error(`the SDK's ${file} declares no ${name}`);
    const problems: string[] = [];
    this.check(this.checker.getDeclaredTypeOfSymbol(symbol), value, name, problems);
    return problems;
  }

  private check(type: ts.Type, value: unknown, at: string, problems: string[]): void {
    const c = this.checker;
    const f = type.flags;
    const shown = JSON.stringify(value);
    // An unresolved reference reads as `any`, which would accept anything: refuse to check against it.
    if ((type as { intrinsicName?: string }).intrinsicName === "error") throw new Error(`${at}: the SDK's type did not resolve`);
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
    if (type.isUnion()) {
      // Conforms to some member; otherwise report the member with the fewest differences.
      const tries = type.types.map((t) => {
        const p: string[] = [];
        this.check(t, value, at, p);
        return p;
      });
      if (tries.some((p) => p.length === 0)) return;
      if (value === null || typeof value !== "object") problems.push(`${at}: ${shown}, not ${c.typeToString(type)}`);
      else problems.push(...tries.reduce((a, b) => (b.length < a.length ? b : a)));
      return;
    }
    if (type.isStringLiteral() || type.isNumberLiteral()) {
      if (value !== type.value) problems.push(`${at}: ${shown}, not ${JSON.stringify(type.value)}`);
      return;
    }
    if (f & ts.TypeFlags.BooleanLiteral) {
      const expected = c.typeToString(type) === "true";
      if (value !== expected) problems.push(`${at}: ${shown}, not ${expected}`);
      return;
    }
    const primitive: Array<[ts.TypeFlags, string]> = [
      [ts.TypeFlags.String, "string"],
      [ts.TypeFlags.Number, "number"],
      [ts.TypeFlags.Boolean, "boolean"],
    ];
    for (const [flag, js] of primitive) {
      if (f & flag) {
        if (typeof value !== js) problems.push(`${at}: ${shown}, not a ${js}`);
        return;
      }
    }
    if (f & ts.TypeFlags.Null) {
      if (value !== null) problems.push(`${at}: ${shown}, not null`);
      return;
    }
    if (f & ts.TypeFlags.Undefined) {
      if (value !== undefined) problems.push(`${at}: ${shown}, not absent`);
      return;
    }
    if (c.isArrayType(type)) {
      if (!Array.isArray(value)) return void problems.push(`${at}: ${shown}, not an array`);
      const [element] = c.getTypeArguments(type as ts.TypeReference);
      value.forEach((v, i) => this.check(element!, v, `${at}[${i}]`, problems));
      return;
    }
    if (!(f & ts.TypeFlags.Object)) throw new Error(`${at}: the checker does not know the type ${c.typeToString(type)}`);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return void problems.push(`${at}: ${shown}, not an object`);
    const record = value as Record<string, unknown>;
    const declared = new Set<string>();
    for (const prop of c.getPropertiesOfType(type)) {
      const name = prop.getName();
      declared.add(name);
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      if (!(name in record)) {
        if (!optional) problems.push(`${at}.${name}: missing, and the SDK requires it`);
        continue;
      }
      this.check(c.getTypeOfSymbol(prop), record[name], `${at}.${name}`, problems);
    }
    const index = c.getIndexInfoOfType(type, ts.IndexKind.String);
    for (const key of Object.keys(record)) {
      if (declared.has(key)) continue;
      if (index) this.check(index.type, record[key], `${at}[${JSON.stringify(key)}]`, problems);
      else problems.push(`${at}.${key}: a field the SDK does not declare`);
    }
  }
}
