/**
 * A Go program on the generated Go SDK (examples/go, sdk/go), run by the real CLI through the Go language
 * host (ensure-pulumi builds it) against the provider plugin and the simulator.
 *
 * Modules are fetched once in `before` (the setup step, as ensure-pulumi's builds are); the runs
 * themselves have GOPROXY=off, so the program's build cannot reach anything.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";
import { ensurePulumi, Stack } from "../support/pulumi";
import { ACCOUNT, Harness, startSim, TOKEN } from "../support/sim";

/** The plugin's executable in this checkout; CFR_PLUGIN_DIR points at another build of it. */
const PLUGIN_DIR = process.env.CFR_PLUGIN_DIR ?? path.join(REPO_ROOT, "bin");
const GO_ENV = { GOSUMDB: "off", GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" };

/** The Diagnostics section the CLI prints after a run: where each resource's row messages are listed. */
const diagnostics = (output: string) => output.slice(output.indexOf("\nDiagnostics:\n"));

/** examples/go in a fresh directory, its replace pointed at this checkout's sdk/go and its plugin at PLUGIN_DIR. */
function goProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cfr-go-"));
  for (const f of ["Pulumi.yaml", "main.go", "go.mod", "go.sum"]) copyFileSync(path.join(REPO_ROOT, "examples/go", f), path.join(dir, f));
  appendFileSync(path.join(dir, "Pulumi.yaml"), `plugins:\n  providers:\n    - name: cloudflare-registrar\n      path: ${PLUGIN_DIR}\n`);
  const env = { ...process.env, ...GO_ENV };
  execFileSync("go", ["mod", "edit", "-replace", `github.com/pulumi-cloudflare-registrar/sdk/go=${path.join(REPO_ROOT, "sdk/go")}`], { cwd: dir, env });
  execFileSync("go", ["mod", "download"], { cwd: dir, env, stdio: "pipe" });
  return dir;
}

describe("@e2e a Go program on the generated Go SDK, through the Go language host and the plugin", function () {
  this.timeout(1_200_000);
  let h: Harness;
  let project: string;

  before(function () {
    const cli = ensurePulumi();
    assert.ok(existsSync(path.join(cli, "pulumi-language-go")), `${cli} has no pulumi-language-go: run scripts/ensure-pulumi`);
    assert.ok(
      existsSync(path.join(PLUGIN_DIR, "pulumi-resource-cloudflare-registrar")),
      `no plugin at ${PLUGIN_DIR}/pulumi-resource-cloudflare-registrar (npm run build; or set CFR_PLUGIN_DIR)`,
    );
    project = goProject();
  });
  after(() => h?.stop());

  it("preview prices the domain on its row and buys nothing; up buys it once; a second up changes nothing", async () => {
    h = await startSim();
    const s = new Stack(project, "go1");
    s.vars = { ...GO_ENV, GOPROXY: "off" };
    await s.init(
      { "cloudflare-registrar:accountId": ACCOUNT, "cloudflare-registrar:baseUrl": h.sim.baseUrl, "cloudflare-registrar-go:domainName": "go-sdk.com" },
      { "cloudflare-registrar:apiToken": TOKEN },
    );
    const posts = () => h.sim.requests({ endpoint: "create-registration" }).length;

    const preview = await s.ok("preview");
    assert.match(
      diagnostics(preview.output),
      /cloudflare-registrar:index:DomainRegistration \(site\):\n\s+cloudflare-registrar: go-sdk\.com: available; registering it will cost USD 10\.44 for 1 year/,
      preview.output,
    );
    assert.equal(posts(), 0);

    const up = await s.ok("up", "--yes");
    assert.equal(posts(), 1, up.output);
    assert.match(up.output, /status\s*:\s*"active"/);
    assert.match(up.output, /firstTermTotal\s*:\s*"10\.44"/);
    assert.equal(h.sim.registry.get(ACCOUNT, "go-sdk.com")?.auto_renew, true);
    assert.ok(!s.stateFile().includes(TOKEN), "the token is never in plain text in state");

    const again = await s.ok("up", "--yes");
    assert.match(again.output, /2 unchanged/);
    assert.equal(posts(), 1, "exactly one purchase across preview, up and up");
    console.log(`      Go program: preview ${preview.ms} ms, up ${up.ms} ms, second up ${again.ms} ms`);
  });
});
