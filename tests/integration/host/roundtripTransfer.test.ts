import { strict as assert } from "node:assert";
import { homedir, tmpdir } from "node:os";
import { recordedProvider, REPO_ROOT, runNode, scratchProject } from "../../support/packed";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";

const CODE = "Rt!9-transfer-code";

/** Writes DomainTransfer's `__provider` exactly as the SDK does inside a program (under mocks, in the scratch project). */
const CAPTURE = `
const pulumi = require("@pulumi/pulumi");
pulumi.runtime.setMocks({
  newResource(args) { console.log(JSON.stringify(args.inputs.__provider)); return { id: "x", state: args.inputs }; },
  call: () => ({}),
}, "p", "s", false);
const { DomainTransfer } = require("pulumi-cloudflare-registrar");
new DomainTransfer("moving", { domainName: "example.com", authCode: ${JSON.stringify(CODE)} });
`;

/** Loads `__provider` as Pulumi's dynamic-provider host does, then checks and creates a transfer against the simulator. */
const HOST = (provider: string, baseUrl: string) => `
const requireFromString = require("require-from-string");
const { Config } = require("@pulumi/pulumi/cmd/dynamic-provider/config");
(async () => {
  const provider = requireFromString(${JSON.stringify(provider)}).handler();
  await provider.configure({ config: new Config({
    "cloudflare-registrar:apiToken": "${TOKEN}",
    "cloudflare-registrar:accountId": "${ACCOUNT}",
    "cloudflare-registrar:baseUrl": "${baseUrl}",
    "cloudflare-registrar:transferWaitSeconds": "0",
  }, "p") });
  const checked = await provider.check({}, { domainName: "taken-roundtrip.com", authCode: ${JSON.stringify(CODE)} });
  if (checked.failures.length) throw new Error(JSON.stringify(checked.failures));
  const created = await provider.create(checked.inputs);
  console.log(JSON.stringify(created));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe("DomainTransfer's serialized provider, as users get it", function () {
  this.timeout(120_000);
  let h: Harness;
  let project: string;
  let provider: string;
  before(async () => {
    h = await startSim({ transferMs: 60_000 });
    project = scratchProject();
    provider = JSON.parse((await runNode(project, CAPTURE)).trim());
  });
  after(() => h.stop());

  it("is a thin shim loading pulumi-cloudflare-registrar/dynamic/transfer: at most 1 KiB, no path, no token, no auth code", () => {
    assert.ok(Buffer.byteLength(provider) <= 1024, `${Buffer.byteLength(provider)} bytes`);
    assert.match(provider, /require\("pulumi-cloudflare-registrar\/dynamic\/transfer"\)/);
    for (const p of [project, REPO_ROOT, homedir(), tmpdir(), "node_modules"]) assert.ok(!provider.includes(p), `contains ${p}`);
    for (const secret of [TOKEN, CODE, Buffer.from(CODE).toString("base64")]) assert.ok(!provider.includes(secret), `contains ${secret}`);
    console.log(`      DomainTransfer's __provider is ${Buffer.byteLength(provider)} bytes`);
  });

  it("invariant: is byte-identical to the provider existing stacks recorded (captured at 449a5fc), so they see no diff", () => {
    assert.equal(provider, recordedProvider("pulumi-cloudflare-registrar/dynamic/transfer"));
  });

  it("round-trips: loaded as the dynamic-provider host loads it, it starts the transfer once and returns transfer_pending", async () => {
    const created = JSON.parse((await runNode(project, HOST(provider, h.sim.baseUrl))).trim());
    assert.equal(created.id, "taken-roundtrip.com");
    assert.equal(created.outs.status, "transfer_pending");
    assert.equal(h.sim.requests({ endpoint: "transfer-in" }).length, 1);
  });
});
