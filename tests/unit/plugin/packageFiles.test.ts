import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../../support/packed";

interface PluginFiles {
  prunable(name: string): boolean;
  lostLicences(staged: string, source: string): string[];
}
const rules = (): Promise<PluginFiles> => import(pathToFileURL(path.join(REPO_ROOT, "scripts/plugin-files.mjs")).href);

function tree(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cfr-plugin-files-"));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), "");
  }
  return dir;
}

describe("the packaged plugin's files (scripts/plugin-files.mjs, used by npm run package:plugin)", () => {
  it("keeps every licence and notice file, whatever its extension, and prunes what is never loaded", async () => {
    const { prunable } = await rules();
    for (const kept of ["LICENSE", "LICENSE.md", "licence.txt", "LICENSE-asserts.md", "LICENSE.markdown", "COPYING", "NOTICE.md", "index.js", "package.json"])
      assert.equal(prunable(kept), false, kept);
    for (const pruned of ["README.md", "index.d.ts", "index.js.map", "CHANGELOG", "src.ts", "x.d.cts"]) assert.equal(prunable(pruned), true, pruned);
  });

  it("names each package (scoped ones too) that ships a licence but would lose it in the tarball", async () => {
    const { lostLicences } = await rules();
    const source = tree(["a/LICENSE.md", "a/index.js", "@s/b/LICENSE", "c/index.js", "d/COPYING"]);
    const staged = tree(["a/index.js", "@s/b/index.js", "c/index.js", "d/COPYING"]);
    assert.deepEqual(lostLicences(staged, source).sort(), ["@s/b", "a"]);
  });
});
