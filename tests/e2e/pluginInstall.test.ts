import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";
import { Stack } from "../support/pulumi";
import { ACCOUNT, Harness, startSim, TOKEN } from "../support/sim";
import { ensurePulumiWithYaml, yamlProject } from "./pluginYaml";

/** The packaged plugin stays small: the provider's JavaScript and its production dependencies, pruned. */
const MAX_TARBALL_BYTES = 5 * 1024 * 1024;

describe("@e2e the packaged plugin, installed with `pulumi plugin install --file` into an empty PULUMI_HOME", function () {
  this.timeout(900_000);
  let h: Harness | undefined;
  afterEach(() => h?.stop());

  it("npm run package:plugin's tarball installs and serves a YAML program: priced preview, one purchase", async () => {
    ensurePulumiWithYaml();
    const out = mkdtempSync(path.join(tmpdir(), "cfr-plugin-tgz-"));
    const printed = execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts/package-plugin.mjs"), out], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    const tarball = path.join(out, `pulumi-resource-cloudflare-registrar-v${version}-linux-amd64.tar.gz`);
    assert.ok(printed.includes(tarball), printed);
    assert.ok(statSync(tarball).size < MAX_TARBALL_BYTES, `${statSync(tarball).size} bytes`);

    h = await startSim();
    const s = new Stack(
      yamlProject(
        "resources:\n  site:\n    type: cloudflare-registrar:index:DomainRegistration\n    properties:\n      domainName: installed-plugin.com\n",
        undefined,
      ),
      "installed",
    );
    execFileSync("pulumi", ["plugin", "install", "resource", "cloudflare-registrar", version, "--file", tarball, "--non-interactive"], {
      env: s.env(),
      stdio: "pipe",
    });
    assert.match(
      execFileSync("pulumi", ["plugin", "ls"], { env: s.env(), encoding: "utf8" }),
      new RegExp(`cloudflare-registrar\\s+resource\\s+${version.replace(/\./g, "\\.")}`),
    );
    await s.init({ "cloudflare-registrar:accountId": ACCOUNT, "cloudflare-registrar:baseUrl": h.sim.baseUrl }, { "cloudflare-registrar:apiToken": TOKEN });
    const preview = await s.ok("preview");
    assert.match(
      preview.output,
      /DomainRegistration \(site\):\n\s+cloudflare-registrar: installed-plugin\.com: available; registering it will cost USD 10\.44/,
    );
    await s.ok("up", "--yes");
    assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 1);
    assert.equal(h.sim.registry.get(ACCOUNT, "installed-plugin.com")?.status, "active");
  });
});
