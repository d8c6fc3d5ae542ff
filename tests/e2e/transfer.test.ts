import { strict as assert } from "node:assert";
import { ACCOUNT, TOKEN } from "../support/sim";
import type { SimulatorOptions } from "../../simulator/server";
import { e2eSuite } from "./suite";
import { TRANSFER_PROGRAM, TRANSFER_PULUMI_YAML, transferInState } from "./transferProgram";

/** What the losing registrar shows; characters that base64 changes, so a plain-text copy is findable. */
const CODE = "e2e#Auth!Code-7731";
const BASE64 = Buffer.from(CODE, "utf8").toString("base64");

describe("@e2e DomainTransfer with the real Pulumi engine against the simulator", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ files: { "index.js": TRANSFER_PROGRAM, "Pulumi.yaml": TRANSFER_PULUMI_YAML }, prefix: "x" });
  const stack = (config: Record<string, string>, authCode: string, sim: SimulatorOptions = {}) =>
    e2e.stack({ config, secrets: { "e2e:authCode": authCode }, sim });
  const posts = () => e2e.sim.requests({ endpoint: "transfer-in" }).length;

  it("preview prices it and buys nothing; up POSTs once and ends transfer_pending; refresh shows active; destroy refuses; no plain-text code", async () => {
    const transferMs = 12_000;
    const s = await stack({ "e2e:domainName": "taken-e2e.com", "cloudflare-registrar:transferWaitSeconds": "2" }, CODE, {
      transferMs,
      domains: { "taken-e2e.com": { authCode: CODE } },
    });
    const preview = await s.ok("preview", "--diff");
    assert.match(preview.output, /\+ pulumi-nodejs:dynamic\/cloudflare-registrar:DomainTransfer: \(create\)/);
    assert.match(
      preview.output,
      /taken-e2e\.com: transferable; transferring it will cost USD 10\.44 for the transfer, which adds a year; renews at 10\.44\/year/,
    );
    assert.match(preview.output, /transferCost\s*:\s*"10\.44"/);
    assert.equal(posts(), 0);
    const previewRequests = e2e.sim.requests().length;

    const up = await s.ok("up", "--yes");
    const started = Date.now();
    assert.equal(posts(), 1);
    assert.match(up.output, /status\s*:\s*"transfer_pending"/);
    assert.match(up.output, /transferState\s*:\s*"(pending|in_progress|blocked)"/);
    // Derived in the program from the recorded state, as for a registration: nothing to expire until it lands.
    const exported = JSON.parse((await s.ok("stack", "output", "--json")).stdout);
    assert.equal(exported.renewalRisk, "none");
    assert.equal(exported.daysUntilExpiry ?? null, null);
    assert.deepEqual(e2e.sim.charges(), []);
    // After up, the input is recorded as a Pulumi secret (the secret signature, then ciphertext); it is never an output.
    const afterUp = s.stateFile();
    assert.match(afterUp, /"authCode":\{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext"/);
    assert.equal(transferInState(afterUp)!.outputs.authCode, undefined);
    console.log(
      `      preview: ${previewRequests} requests; up: ${e2e.sim.requests().length - previewRequests} requests, ${posts()} POST, ${up.ms} ms (transferWaitSeconds 2)`,
    );

    await new Promise((r) => setTimeout(r, Math.max(0, transferMs - (Date.now() - started) + 500)));
    await s.ok("refresh", "--yes");
    const after = transferInState(s.stateFile())!;
    assert.equal(after.outputs.status, "active");
    assert.equal(after.outputs.transferState, "succeeded");
    assert.ok(after.outputs.expiresAt);
    assert.deepEqual(
      e2e.sim.charges().map((c) => [c.kind, c.amount]),
      [["transfer", "10.44"]],
    );
    assert.equal(posts(), 1);

    const destroy = await s.run("destroy", "--yes");
    assert.notEqual(destroy.code, 0);
    assert.match(destroy.output, /Refusing to delete the transfer of taken-e2e\.com.*non-refundable/);
    assert.match(destroy.output, /cannot cancel a transfer in/);
    assert.equal(e2e.sim.registry.get(ACCOUNT, "taken-e2e.com")?.status, "active");

    const state = s.stateFile();
    assert.match(state, /taken-e2e\.com/);
    for (const file of [afterUp, state]) for (const leak of [CODE, BASE64, TOKEN]) assert.ok(!file.includes(leak), `${leak} in the state file`);
    // Refresh reports the inputs the transfer still needs: the code, used only to start it, is gone from state.
    assert.equal(after.inputs.authCode, undefined);
    for (const run of [preview, up, destroy]) for (const leak of [CODE, BASE64]) assert.ok(!run.output.includes(leak), `${leak} in the CLI output`);
  });

  it("a wrong auth code fails the preview with what to do, never showing the code; nothing is posted", async () => {
    const wrong = "Wr0ng!Code#e2e";
    const s = await stack({ "e2e:domainName": "taken-guarded.com" }, wrong, { domains: { "taken-guarded.com": { authCode: CODE } } });
    const preview = await s.run("preview");
    assert.notEqual(preview.code, 0);
    assert.match(preview.output, /\[invalid_auth_code\]: the current registrar rejected the auth code \(authCode\) given for 'taken-guarded\.com'/);
    for (const leak of [wrong, Buffer.from(wrong).toString("base64")]) assert.ok(!preview.output.includes(leak), "the code is shown");
    assert.equal(posts(), 0);
  });
});
