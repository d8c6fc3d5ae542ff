import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

/**
 * The unit tier's rule: no sockets and no simulator, so it runs in milliseconds and anywhere. A test that
 * needs either belongs in tests/integration/<area>/. Checked on the sources, following the tests' own
 * relative imports (tests/support and the like), so a helper cannot smuggle a server in.
 */
const TESTS = path.resolve(__dirname, "../../../tests");
const UNIT = path.join(TESTS, "unit");

/** What opens or serves sockets, by the specifier a file imports it with; why each is barred. */
const BARRED: Array<[RegExp, string]> = [
  [/^(node:)?(net|http|https|http2|tls|dgram)$/, "a Node socket module"],
  [/^@grpc\/grpc-js$/, "a gRPC server or client"],
  [/(^|\/)simulator(\/|$)/, "the simulator"],
  [/(^|\/)support\/(sim|wire)$/, "the simulator harness or the wire proxy"],
];

/** Every module specifier a source names: import/export ... from, bare import, require() and import(). */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\b(?:from|import)\s*\(?\s*["']([^"']+)["']|\brequire(?:\.resolve)?\(\s*["']([^"']+)["']/g)) found.push(m[1] ?? m[2]!);
  return found;
}

/** undici may be imported for MockAgent alone, which answers in-process (as tests/unit/transport.test.ts does). */
export function undiciProblem(source: string): string | undefined {
  for (const m of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']undici["']/g)) {
    if (m[1]) continue;
    const names = m[2]!
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith("type "));
    const other = names.filter((n) => n !== "MockAgent");
    if (other.length) return `imports ${other.join(", ")} from undici (only MockAgent, which opens no socket, is allowed)`;
  }
  const plain = specifiers(source).filter((s) => s === "undici").length;
  const named = [...source.matchAll(/import\s+(type\s+)?\{[^}]*\}\s+from\s+["']undici["']/g)].length;
  return plain > named ? 'imports undici as a whole or with require (only `import { MockAgent } from "undici"` is allowed)' : undefined;
}

function resolveLocal(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base + ".ts", path.join(base, "index.ts")]) if (existsSync(f)) return f;
  return undefined;
}

/** The barred modules `file` reaches through test files it imports (not through provider/ or sdk/). */
export function violations(file: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (f: string, via: string[]) => {
    if (seen.has(f)) return;
    seen.add(f);
    const source = readFileSync(f, "utf8");
    const chain = [...via, path.relative(TESTS, f)].join(" -> ");
    const undici = undiciProblem(source);
    if (undici) found.push(`${chain} ${undici}`);
    for (const spec of specifiers(source)) {
      const barred = BARRED.find(([re]) => re.test(spec));
      if (barred) found.push(`${chain} imports '${spec}' (${barred[1]})`);
      if (!spec.startsWith(".")) continue;
      const local = resolveLocal(f, spec);
      if (local && local.startsWith(TESTS + path.sep)) visit(local, [...via, path.relative(TESTS, f)]);
    }
  };
  visit(file, []);
  return [...new Set(found)];
}

describe("tiers: tests/unit opens no socket and starts no simulator", () => {
  it("no file under tests/unit imports a socket module, undici beyond MockAgent, the simulator or its harness, even through a helper", () => {
    const files = readdirSync(UNIT, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(UNIT, f))
      // This file names the barred modules as samples for the check below, in strings it never loads.
      .filter((f) => f !== path.join(UNIT, "tiers.test.ts"));
    assert.ok(files.length > 10, `the unit tier's sources are found (${files.length})`);
    const found = files.flatMap(violations);
    assert.deepEqual(found, [], `move these suites (or their socket-using describe blocks) to tests/integration/<area>/:\n${found.join("\n")}`);
  });

  it("the check sees every way a module is named, and lets MockAgent through", () => {
    const source = [
      `import * as net from "node:net";`,
      `import { createServer } from "http";`,
      `const h = require("../support/sim");`,
      `const s = await import("../../simulator/server");`,
      `export { x } from "./y";`,
      `import "@grpc/grpc-js";`,
    ].join("\n");
    assert.deepEqual(specifiers(source), ["node:net", "http", "../support/sim", "../../simulator/server", "./y", "@grpc/grpc-js"]);
    for (const spec of ["node:net", "http", "../support/sim", "../../simulator/server", "@grpc/grpc-js", "../support/wire", "node:http2"])
      assert.ok(
        BARRED.some(([re]) => re.test(spec)),
        spec,
      );
    for (const spec of ["./y", "../support/clock", "../../provider/api/client", "node:assert", "../support/simple"])
      assert.ok(!BARRED.some(([re]) => re.test(spec)), spec);
    assert.equal(undiciProblem(`import { MockAgent } from "undici";`), undefined);
    assert.equal(undiciProblem(`import type { Dispatcher } from "undici";`), undefined);
    assert.match(undiciProblem(`import { MockAgent, Agent } from "undici";`) ?? "", /Agent/);
    assert.match(undiciProblem(`import * as undici from "undici";`) ?? "", /as a whole/);
    assert.match(undiciProblem(`const { request } = require("undici");`) ?? "", /as a whole/);
  });
});
