import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import * as path from "node:path";
import { packOnce, recordedProvider, REPO_ROOT, runNode, scratchProject } from "../../support/packed";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";

/**
 * Writes `__provider` exactly as the SDK does inside a program (under mocks, in the scratch project),
 * with the token where a program could pick it up: in the stack config (as a secret) and in the
 * environment. netGuard clears CLOUDFLARE_* in every child, so the program sets the variable itself.
 * Prints one JSON line: the provider text, and the token as config and environment showed it.
 */
const CAPTURE = `
process.env.CLOUDFLARE_API_TOKEN = ${JSON.stringify(TOKEN)};
const pulumi = require("@pulumi/pulumi");
pulumi.runtime.setMocks({
  newResource(args) {
    const seen = { config: pulumi.runtime.getConfig("cloudflare-registrar:apiToken"), env: process.env.CLOUDFLARE_API_TOKEN };
    console.log(JSON.stringify({ provider: args.inputs.__provider, seen }));
    return { id: "x", state: args.inputs };
  },
  call: () => ({}),
}, "p", "s", false);
const { DomainRegistration } = require("pulumi-cloudflare-registrar");
new DomainRegistration("site", { domainName: "example.com" });
`;

interface Captured {
  provider: string;
  seen: { config?: string; env?: string };
}

async function capture(project: string): Promise<Captured> {
  const out = await runNode(project, CAPTURE, {
    PULUMI_CONFIG: JSON.stringify({ "cloudflare-registrar:apiToken": TOKEN }),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(["cloudflare-registrar:apiToken"]),
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

/** Loads `__provider` as Pulumi's dynamic-provider host does, then runs the lifecycle against the simulator. */
const HOST = (provider: string, baseUrl: string) => `
const requireFromString = require("require-from-string");
const { Config } = require("@pulumi/pulumi/cmd/dynamic-provider/config");
(async () => {
  const provider = requireFromString(${JSON.stringify(provider)}).handler();
  await provider.configure({ config: new Config({
    "cloudflare-registrar:apiToken": "${TOKEN}",
    "cloudflare-registrar:accountId": "${ACCOUNT}",
    "cloudflare-registrar:baseUrl": "${baseUrl}",
  }, "p") });
  const checked = await provider.check({}, { domainName: "RoundTrip.com" });
  if (checked.failures.length) throw new Error(JSON.stringify(checked.failures));
  const created = await provider.create(checked.inputs);
  console.log(JSON.stringify(created));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
`;

function repackAs(tgz: string, version: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cfr-repack-"));
  execFileSync("tar", ["xzf", tgz, "-C", dir]);
  const pkgFile = path.join(dir, "package", "package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
  pkg.version = version;
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
  const out = path.join(dir, `pulumi-cloudflare-registrar-${version}.tgz`);
  execFileSync("tar", ["czf", out, "-C", dir, "package"]);
  return out;
}

describe("the serialized provider, as users get it", function () {
  this.timeout(120_000);
  let h: Harness;
  let projectA: string;
  let captured: Captured;
  let provider: string;
  before(async () => {
    h = await startSim();
    projectA = scratchProject();
    captured = await capture(projectA);
    provider = captured.provider;
  });
  after(() => h.stop());

  it("is a thin shim: at most 1 KiB, no absolute path, no token, loading the package by name", () => {
    // The token was there to be captured; it must not come out.
    assert.deepEqual(captured.seen, { config: TOKEN, env: TOKEN });
    assert.ok(!provider.includes(TOKEN), "the token is in the serialized provider");
    assert.ok(Buffer.byteLength(provider) <= 1024, `${Buffer.byteLength(provider)} bytes`);
    assert.match(provider, /require\("pulumi-cloudflare-registrar\/dynamic"\)/);
    for (const p of [projectA, REPO_ROOT, homedir(), tmpdir(), "node_modules"]) assert.ok(!provider.includes(p), `contains ${p}`);
    console.log(`      __provider is ${Buffer.byteLength(provider)} bytes`);
  });

  it("invariant: is byte-identical to the provider existing stacks recorded (captured at 449a5fc), so they see no diff", () => {
    assert.equal(provider, recordedProvider("pulumi-cloudflare-registrar/dynamic"));
  });

  it("is identical on another machine path and across a patch release", async () => {
    const other = scratchProject({ tgz: repackAs(packOnce(), "0.1.99") });
    assert.equal((await capture(other)).provider, provider);
  });

  it("round-trips: loaded as the dynamic-provider host loads it, it checks and creates against the simulator", async () => {
    const created = JSON.parse((await runNode(projectA, HOST(provider, h.sim.baseUrl))).trim());
    assert.equal(created.id, "roundtrip.com");
    assert.equal(created.outs.status, "active");
    assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 1);
  });
});
