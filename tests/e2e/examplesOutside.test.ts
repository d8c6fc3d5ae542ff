import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { guardedEnv, packOnce, REPO_ROOT } from "../support/packed";
import { e2eSuite } from "./suite";

const EXAMPLES = path.join(REPO_ROOT, "examples");
const README = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");

/** The tarball the README's install steps name, and the `npm install` line that installs it. */
function readmeInstall(): { tarball: string; line: string } {
  const line = README.match(/^npm install \.\.\/pulumi-cloudflare-registrar\/(pulumi-cloudflare-registrar-[^\s/]+\.tgz)\b.*$/m);
  assert.ok(line, "the README's Install section installs the packed tarball with `npm install ../pulumi-cloudflare-registrar/<tarball>`");
  assert.match(README, /npm ci && npm run build && npm pack\)\s+# writes (\S+)/);
  assert.equal(README.match(/npm pack\)\s+# writes (\S+)/)![1], line[1], "the pack step writes the tarball the install line names");
  return { tarball: line[1]!, line: line[0] };
}

/**
 * A copy of an example in a temporary directory, nowhere under the repository, its dependencies installed
 * as the README says: `npm install <the packed tarball>` over the published name, the rest as declared.
 */
function copyOutside(example: string): string {
  const { tarball } = readmeInstall();
  const packed = packOnce();
  assert.equal(path.basename(packed), tarball, "`npm pack` writes the tarball the README names");
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "cfr-outside-")), example);
  cpSync(path.join(EXAMPLES, example), dir, {
    recursive: true,
    filter: (from) => !/[\\/](node_modules|Pulumi\.[^\\/]+\.yaml)$/.test(from),
  });
  assert.ok(path.relative(REPO_ROOT, dir).startsWith(".."), "the copy is outside the repository");
  try {
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", packed], { cwd: dir, stdio: "pipe", encoding: "utf8" });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? "";
    throw new Error(`npm install --offline of ${example} failed in ${dir}; if the npm cache is cold, run scripts/warm-npm-cache first.\n${stderr}`, {
      cause: err,
    });
  }
  return dir;
}

describe("@e2e the examples, copied outside the repository and installed as the README says", function () {
  this.timeout(900_000);
  // No scratch project: each test installs its own copy of an example.
  const e2e = e2eSuite({ prefix: "outside" });

  it("examples/minimal previews with its price and deploys against the simulator, with its own TypeScript", async () => {
    const dir = copyOutside("minimal");
    assert.ok(existsSync(path.join(dir, "node_modules", "typescript", "package.json")), "typescript is installed from the example's own package.json");
    const stack = await e2e.stack({ projectDir: dir, name: "outside" });
    const preview = await stack.ok("preview");
    assert.doesNotMatch(preview.output, /TS\d{4}/);
    assert.match(preview.output, /my-new-startup\.dev: available; registering it will cost USD 12\.00 for 1 year/);
    const up = await stack.ok("up", "--yes");
    assert.match(up.output, /status\s*:\s*"active"/);
    assert.deepEqual(
      e2e.sim.charges().map((c) => c.domain),
      ["my-new-startup.dev"],
    );
  });

  for (const example of ["dns-zone", "transfer"]) {
    // Their @pulumi/cloudflare resources need that provider's plugin and a Cloudflare account, which the
    // tests have neither of: what a copy can show offline is that it installs and compiles on its own.
    it(`examples/${example} installs and compiles with its own TypeScript and tsconfig`, () => {
      const dir = copyOutside(example);
      const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
      assert.ok(existsSync(tsc), "typescript is installed from the example's own package.json");
      execFileSync(process.execPath, [tsc, "-p", dir, "--noEmit"], { cwd: dir, env: guardedEnv(), stdio: "pipe", encoding: "utf8" });
    });
  }
});
