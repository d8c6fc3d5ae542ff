import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";
import { ACCOUNT, TOKEN } from "../support/sim";
import type { SimulatorOptions } from "../../simulator/server";
import { SITE_PROGRAM, yamlProject } from "./pluginYaml";
import { diagnostics, e2eSuite } from "./suite";

const SECOND_ACCOUNT = "fedcba9876543210fedcba9876543210";
const SECOND_TOKEN = "second-account-token";

describe("@e2e the provider plugin from a YAML program, through the real engine", function () {
  this.timeout(900_000);
  // Each test writes its own YAML project: a YAML program needs no install, so there is no suite project.
  const e2e = e2eSuite({ prefix: "y", languages: ["yaml"], plugin: true });
  const stack = (projectDir: string, config: Record<string, string> = {}, sim: SimulatorOptions = {}) => e2e.stack({ projectDir, config, sim });
  const posts = (endpoint: "create-registration" | "transfer-in" = "create-registration") => e2e.sim.requests({ endpoint }).length;

  it("preview prices on the resource's row; up buys once; refresh, up --strict and a second up buy nothing; destroy is refused", async () => {
    const s = await stack(yamlProject(SITE_PROGRAM), { domain: "yaml-plugin.com" });
    const preview = await s.ok("preview");
    assert.match(
      diagnostics(preview.output),
      /cloudflare-registrar:index:DomainRegistration \(site\):\n\s+cloudflare-registrar: yaml-plugin\.com: available; registering it will cost USD 10\.44 for 1 year/,
      preview.output,
    );
    assert.equal(posts(), 0);
    // The README's sample of this preview: its Diagnostics lines, for this test's domain, are what the CLI printed.
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const block = [...readme.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).find((b) => b.includes("DomainRegistration (site):"));
    assert.ok(block, "the README shows the plugin's preview");
    for (const line of block
      .slice(block.indexOf("Diagnostics:"))
      .split("\n")
      .filter((l) => l.trim())) {
      assert.ok(preview.output.includes(line.replaceAll("example.com", "yaml-plugin.com")), `README line '${line}' not in:\n${preview.output}`);
    }

    const up = await s.ok("up", "--yes");
    assert.equal(posts(), 1);
    assert.match(up.output, /status\s*:\s*"active"/);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "yaml-plugin.com")?.status, "active");
    const state = s.stateFile();
    assert.ok(!state.includes(TOKEN), "the token is never in plain text in state");
    assert.match(state, /"apiToken":\{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext"/);

    const refresh = await s.ok("refresh", "--yes");
    assert.doesNotMatch(refresh.output, /~ \d+ updated/);
    await s.ok("config", "set", "autoRenew", "true");
    const strict = await s.ok("up", "--yes", "--strict");
    assert.match(strict.output, /~ 1 updated/);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "yaml-plugin.com")?.auto_renew, true);
    const again = await s.ok("up", "--yes");
    assert.match(again.output, /2 unchanged/);
    assert.equal(posts(), 1, "exactly one purchase across preview, up, refresh, up --strict and up");

    const destroy = await s.run("destroy", "--yes");
    assert.notEqual(destroy.code, 0);
    assert.match(diagnostics(destroy.output), /DomainRegistration \(site\):\n\s+error: Refusing to delete the registration of yaml-plugin\.com/);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "yaml-plugin.com")?.status, "active");
  });

  it("an unfinished purchase (action_required) is recorded with its id, and the next up resumes it with no second POST", async () => {
    const s = await stack(yamlProject(SITE_PROGRAM), { domain: "action-yaml.com" });
    const first = await s.run("up", "--yes");
    assert.notEqual(first.code, 0);
    assert.match(
      diagnostics(first.output),
      /DomainRegistration \(site\):\n(?:[ \t]+.*\n)*?[ \t]+error: 1 error occurred:\n\s+\* Registration of 'action-yaml\.com' is waiting for you: verify_registrant_email/,
    );
    assert.match(first.output, /resumes this registration without paying again/);
    const recorded = JSON.parse(s.stateFile()).checkpoint.latest.resources.find((r: any) => r.urn.endsWith("::site"));
    assert.equal(recorded?.id, "action-yaml.com", "the engine recorded the partial state the plugin returned");
    assert.equal(recorded.outputs.workflowState, "action_required");
    e2e.sim.registry.resolveAction(ACCOUNT, "action-yaml.com");
    await new Promise((r) => setTimeout(r, 200));
    const second = await s.ok("up", "--yes");
    assert.match(second.output, /status\s*:\s*"active"/);
    assert.equal(posts(), 1);
  });

  it("pulumi import of an owned domain recovers its inputs from the id alone and buys nothing", async () => {
    const s = await stack(
      yamlProject("resources: {}\n"),
      {},
      { registrations: [{ domain_name: "owned-yaml.com", auto_renew: true, expires_at: "2031-05-01T00:00:00Z" }] },
    );
    const imported = await s.ok("import", "cloudflare-registrar:index:DomainRegistration", "site", "owned-yaml.com", "--yes");
    assert.match(imported.output, /= 1 imported/);
    assert.match(
      imported.output,
      /type: cloudflare-registrar:DomainRegistration\n\s+properties:\n\s+accountId: 0123456789abcdef0123456789abcdef\n\s+autoRenew: true\n\s+domainName: owned-yaml\.com/,
    );
    assert.equal(posts(), 0);
    for (const e of ["update-registration", "domain-check"] as const) assert.equal(e2e.sim.requests({ endpoint: e }).length, 0, e);
  });

  it("an explicit provider serves a second account with its own token, beside the default provider", async () => {
    const project = yamlProject(`config:
  baseUrl:
    type: string
  secondToken:
    type: string
    secret: true
resources:
  second:
    type: pulumi:providers:cloudflare-registrar
    properties:
      accountId: ${SECOND_ACCOUNT}
      apiToken: \${secondToken}
      baseUrl: \${baseUrl}
  mine:
    type: cloudflare-registrar:index:DomainRegistration
    properties:
      domainName: first-account.com
  theirs:
    type: cloudflare-registrar:index:DomainRegistration
    properties:
      domainName: second-account.com
    options:
      provider: \${second}
outputs:
  mineAccount: \${mine.accountId}
  theirsAccount: \${theirs.accountId}
`);
    const s = await stack(project, {}, { accounts: [ACCOUNT, SECOND_ACCOUNT], tokens: { [TOKEN]: [ACCOUNT], [SECOND_TOKEN]: [SECOND_ACCOUNT] } });
    await s.ok("config", "set", "baseUrl", e2e.sim.baseUrl);
    await s.ok("config", "set", "--secret", "secondToken", SECOND_TOKEN);
    await s.ok("up", "--yes");
    assert.equal(e2e.sim.registry.get(ACCOUNT, "first-account.com")?.status, "active");
    assert.equal(e2e.sim.registry.get(SECOND_ACCOUNT, "second-account.com")?.status, "active");
    assert.equal(e2e.sim.registry.get(ACCOUNT, "second-account.com"), undefined);
    assert.equal(posts(), 2);
    const state = s.stateFile();
    assert.ok(!state.includes(SECOND_TOKEN) && !state.includes(TOKEN), "neither token in plain text in state");
  });

  it("DomainTransfer from YAML: priced in preview, started once, the auth code secret in state and absent from outputs", async () => {
    const CODE = "yaml#Auth!Code-4410";
    const project = yamlProject(`config:
  code:
    type: string
    secret: true
resources:
  moved:
    type: cloudflare-registrar:index:DomainTransfer
    properties:
      domainName: taken-yaml.com
      authCode: \${code}
outputs:
  status: \${moved.status}
`);
    const s = await stack(project, { "cloudflare-registrar:transferWaitSeconds": "0" }, { domains: { "taken-yaml.com": { authCode: CODE } } });
    await s.ok("config", "set", "--secret", "code", CODE);
    const preview = await s.ok("preview");
    assert.match(
      diagnostics(preview.output),
      /DomainTransfer \(moved\):\n\s+cloudflare-registrar: taken-yaml\.com: transferable; transferring it will cost USD 10\.44/,
    );
    const up = await s.ok("up", "--yes");
    assert.equal(posts("transfer-in"), 1);
    assert.match(up.output, /status\s*:\s*"transfer_pending"/);
    const state = s.stateFile();
    assert.ok(!state.includes(CODE) && !state.includes(Buffer.from(CODE).toString("base64")), "no plain-text or base64 code in state");
    assert.doesNotMatch(up.output, new RegExp(CODE.replace(/[#!]/g, ".")));
  });
});
