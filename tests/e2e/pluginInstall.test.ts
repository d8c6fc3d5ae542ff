import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";
import { ACCOUNT } from "../support/sim";
import { yamlProject } from "./pluginYaml";
import { e2eSuite, pulumiCli } from "./suite";

/** The packaged plugin stays small: the provider's JavaScript and its production dependencies, pruned. */
const MAX_TARBALL_BYTES = 5 * 1024 * 1024;

describe("@e2e the packaged plugin, installed with `pulumi plugin install --file` into an empty PULUMI_HOME", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ prefix: "installed", languages: ["yaml"] });

  it("npm run package:plugin's tarball installs and serves a YAML program: priced preview, one purchase", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "cfr-plugin-tgz-"));
    const printed = execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts/package-plugin.mjs"), out], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    const tarball = path.join(out, `pulumi-resource-cloudflare-registrar-v${version}-linux-amd64.tar.gz`);
    assert.ok(printed.includes(tarball), printed);
    assert.ok(statSync(tarball).size < MAX_TARBALL_BYTES, `${statSync(tarball).size} bytes`);

    // No plugin path in the project: the engine can only find the plugin installed in the stack's own PULUMI_HOME.
    const project = yamlProject(
      "resources:\n  site:\n    type: cloudflare-registrar:index:DomainRegistration\n    properties:\n      domainName: installed-plugin.com\n",
      undefined,
    );
    const s = await e2e.stack({ projectDir: project, name: "installed" });
    pulumiCli(s, "plugin", "install", "resource", "cloudflare-registrar", version, "--file", tarball);
    assert.match(pulumiCli(s, "plugin", "ls"), new RegExp(`cloudflare-registrar\\s+resource\\s+${version.replace(/\./g, "\\.")}`));
    const preview = await s.ok("preview");
    assert.match(
      preview.output,
      /DomainRegistration \(site\):\n\s+cloudflare-registrar: installed-plugin\.com: available; registering it will cost USD 10\.44/,
    );
    await s.ok("up", "--yes");
    assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 1);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "installed-plugin.com")?.status, "active");
  });
});
