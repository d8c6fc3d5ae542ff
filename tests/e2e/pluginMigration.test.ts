import { strict as assert } from "node:assert";
import { ACCOUNT, TOKEN } from "../support/sim";
import { PLUGIN_BIN_DIR } from "./pluginYaml";
import { e2eSuite } from "./suite";

/** One TypeScript program, on the dynamic resources or (e2e:plugin) the plugin's, as a stack migrates. */
const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const cfg = new pulumi.Config("e2e");
const domainName = cfg.require("domainName");
let site;
if (cfg.getBoolean("plugin")) {
  const plugin = require("pulumi-cloudflare-registrar/plugin");
  site = new plugin.DomainRegistration("site", { domainName, autoRenew: cfg.getBoolean("autoRenew") }, {
    aliases: [{ type: "pulumi-nodejs:dynamic/cloudflare-registrar:DomainRegistration" }],
  });
  const other = cfg.get("otherToken");
  if (other) {
    const second = new plugin.Provider("second", { accountId: cfg.require("otherAccount"), apiToken: cfg.requireSecret("otherToken"), baseUrl: cfg.require("baseUrl") });
    exports.theirs = new plugin.DomainRegistration("theirs", { domainName: "ts-second.com" }, { provider: second }).accountId;
  }
} else {
  const { DomainRegistration } = require("pulumi-cloudflare-registrar");
  site = new DomainRegistration("site", { domainName, autoRenew: cfg.getBoolean("autoRenew") });
}
exports.status = site.status;
exports.autoRenew = site.autoRenew;
`;

const pulumiYaml = `name: registrar-migration
runtime: nodejs
plugins:
  providers:
    - name: cloudflare-registrar
      path: ${PLUGIN_BIN_DIR}
`;

describe("@e2e migration from the dynamic DomainRegistration to the plugin's, and the plugin's TypeScript classes", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ files: { "index.js": PROGRAM, "Pulumi.yaml": pulumiYaml }, prefix: "migrate", plugin: true });

  it("an alias moves an existing registration to the plugin's type: 0 replacements, 0 deletes, 0 purchases; then it updates in place", async () => {
    const s = await e2e.stack({
      config: { "e2e:domainName": "migrating.com" },
      sim: {
        accounts: [ACCOUNT, "fedcba9876543210fedcba9876543210"],
        tokens: { [TOKEN]: [ACCOUNT], "ts-second-token": ["fedcba9876543210fedcba9876543210"] },
      },
    });
    await s.ok("up", "--yes");
    assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 1);
    assert.match(s.stateFile(), /"type":"pulumi-nodejs:dynamic\/cloudflare-registrar:DomainRegistration"/);

    await s.ok("config", "set", "e2e:plugin", "true");
    const preview = await s.ok("preview", "--diff");
    assert.doesNotMatch(preview.output, /replace|delete/i, preview.output);
    const moved = await s.ok("up", "--yes");
    assert.doesNotMatch(moved.output, /replace|delete/i, moved.output);
    assert.match(moved.output, /status\s*:\s*"active"/);
    const state = JSON.parse(s.stateFile());
    const site = state.checkpoint.latest.resources.find((r: any) => r.urn.endsWith("::site"));
    assert.equal(site.type, "cloudflare-registrar:index:DomainRegistration");
    // Check drops it from the inputs at once; the recorded outputs keep it until the next update or refresh replaces them.
    assert.equal(site.inputs.__provider, undefined);
    assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 1, "no second purchase");

    await s.ok("config", "set", "e2e:autoRenew", "true");
    const updated = await s.ok("up", "--yes");
    assert.match(updated.output, /~ 1 updated/);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "migrating.com")?.auto_renew, true);
    const after = JSON.parse(s.stateFile()).checkpoint.latest.resources.find((r: any) => r.urn.endsWith("::site"));
    assert.equal(after.outputs.__provider, undefined);

    // The plugin's Provider class: a second account with its own token, in the same TypeScript program.
    await s.ok("config", "set", "e2e:otherAccount", "fedcba9876543210fedcba9876543210");
    await s.ok("config", "set", "e2e:baseUrl", e2e.sim.baseUrl);
    await s.ok("config", "set", "--secret", "e2e:otherToken", "ts-second-token");
    const second = await s.ok("up", "--yes");
    assert.match(second.output, /theirs\s*:\s*"fedcba9876543210fedcba9876543210"/);
    assert.equal(e2e.sim.registry.get("fedcba9876543210fedcba9876543210", "ts-second.com")?.status, "active");
    assert.ok(!s.stateFile().includes("ts-second-token"));
    assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 2);
  });
});
