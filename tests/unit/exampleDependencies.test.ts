import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";

const EXAMPLES = path.join(REPO_ROOT, "examples");
const VERSION: string = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;
const exampleNames = () => readdirSync(EXAMPLES).filter((e) => existsSync(path.join(EXAMPLES, e, "package.json")));

/** What each example's program imports, and what its Pulumi.yaml asks of the runtime, is in its own package.json. */
describe("each example declares everything it needs", () => {
  for (const example of exampleNames()) {
    it(`${example}: every package index.ts imports, and typescript, are its own dependencies`, () => {
      const pkg = JSON.parse(readFileSync(path.join(EXAMPLES, example, "package.json"), "utf8"));
      const declared = { ...pkg.dependencies, ...pkg.devDependencies };
      const source = readFileSync(path.join(EXAMPLES, example, "index.ts"), "utf8");
      const imported = [...source.matchAll(/from "([^".][^"]*)"/g)].map((m) =>
        m[1]!
          .split("/")
          .slice(0, m[1]!.startsWith("@") ? 2 : 1)
          .join("/"),
      );
      for (const name of new Set(imported)) assert.ok(declared[name], `${example} imports ${name} without declaring it`);
      // Pulumi compiles a TypeScript program with the program's own typescript, else its bundled 3.8,
      // which refuses "module": "node16" (TS6046).
      assert.ok(declared.typescript, `${example} does not declare typescript`);
      assert.equal(pkg.dependencies["pulumi-cloudflare-registrar"], `^${VERSION}`, "the published name at this version");
    });
  }
});
