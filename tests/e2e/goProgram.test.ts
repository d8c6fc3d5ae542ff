/**
 * A Go program on the generated Go SDK (examples/go, sdk/go), run by the real CLI through the Go language
 * host (ensure-pulumi builds it) against the provider plugin and the simulator.
 *
 * Modules are fetched once in `before` (the setup step, as ensure-pulumi's builds are); the runs
 * themselves have GOPROXY=off, so the program's build cannot reach anything.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";
import { ACCOUNT, TOKEN } from "../support/sim";
import { PLUGIN_BIN_DIR } from "./pluginYaml";
import { diagnostics, e2eSuite } from "./suite";

const GO_ENV = { GOSUMDB: "off", GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" };

/** examples/go in a fresh directory, its replace pointed at this checkout's sdk/go and its plugin at PLUGIN_BIN_DIR. */
function goProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cfr-go-"));
  for (const f of ["Pulumi.yaml", "main.go", "go.mod", "go.sum"]) copyFileSync(path.join(REPO_ROOT, "examples/go", f), path.join(dir, f));
  appendFileSync(path.join(dir, "Pulumi.yaml"), `plugins:\n  providers:\n    - name: cloudflare-registrar\n      path: ${PLUGIN_BIN_DIR}\n`);
  const env = { ...process.env, ...GO_ENV };
  execFileSync("go", ["mod", "edit", "-replace", `github.com/pulumi-cloudflare-registrar/sdk/go=${path.join(REPO_ROOT, "sdk/go")}`], { cwd: dir, env });
  execFileSync("go", ["mod", "download"], { cwd: dir, env, stdio: "pipe" });
  return dir;
}

describe("@e2e a Go program on the generated Go SDK, through the Go language host and the plugin", function () {
  this.timeout(1_200_000);
  const e2e = e2eSuite({ project: goProject, prefix: "go", languages: ["go"], plugin: true });

  it("preview prices the domain on its row and buys nothing; up buys it once; a second up changes nothing", async () => {
    // GOPROXY=off: the modules were fetched when the project was made; the program's build reaches nothing.
    const s = await e2e.stack({ config: { "cloudflare-registrar-go:domainName": "go-sdk.com" }, vars: { ...GO_ENV, GOPROXY: "off" } });
    const posts = () => e2e.sim.requests({ endpoint: "create-registration" }).length;

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
    assert.equal(e2e.sim.registry.get(ACCOUNT, "go-sdk.com")?.auto_renew, true);
    assert.ok(!s.stateFile().includes(TOKEN), "the token is never in plain text in state");

    const again = await s.ok("up", "--yes");
    assert.match(again.output, /2 unchanged/);
    assert.equal(posts(), 1, "exactly one purchase across preview, up and up");
    console.log(`      Go program: preview ${preview.ms} ms, up ${up.ms} ms, second up ${again.ms} ms`);
  });
});
