import { strict as assert } from "node:assert";
import * as path from "node:path";
import { secretForms } from "../../../provider/api/secrets";
import * as transfer from "../../../provider/host/transfer";
import { REPO_ROOT, runNode } from "../../support/packed";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";
import { unconfigureShims } from "../../support/shims";
import { withStderr } from "../../support/stderr";

/** Whether any form of `secret` survives in `text`. */
function leaks(text: string, secret: string): string | undefined {
  return secretForms(secret).find((f) => text.includes(f));
}

describe("secrets: DomainTransfer's check against the simulator, wrong and malformed codes", () => {
  const RIGHT = "Right#Code-4410";
  let h: Harness;
  before(async () => {
    h = await startSim({ domains: { "taken-secret.com": { authCode: RIGHT } } });
    const values: Record<string, string> = {
      "cloudflare-registrar:apiToken": TOKEN,
      "cloudflare-registrar:accountId": ACCOUNT,
      "cloudflare-registrar:baseUrl": h.sim.baseUrl,
    };
    await transfer.configure({ config: { get: (key: string) => values[key] } } as never);
  });
  after(() => h.stop());
  after(unconfigureShims);

  const cases: Array<[title: string, code: string, reason: RegExp]> = [
    ["a wrong code", "Wrong-Code#77", /\[invalid_auth_code\]: the current registrar rejected the auth code \(authCode\)/],
    ["a code with spaces around it", " Secret-Spaced ", /authCode starts or ends with a space \(15 characters given; the value is not shown\)/],
    ["a code with a line break", "Secret\nBroken", /authCode contains a line break/],
  ];
  for (const [title, code, reason] of cases) {
    it(`invariant: ${title} fails check on the resource, not on authCode, naming the field and never the code`, async () => {
      const { value: result, text: logged } = await withStderr(() => transfer.check({}, { domainName: "taken-secret.com", authCode: code }));
      assert.ok(result.failures?.length, JSON.stringify(result));
      for (const f of result.failures!) assert.equal(f.property, "", JSON.stringify(f));
      assert.match(result.failures!.map((f) => f.reason).join("\n"), reason);
      const everything = JSON.stringify(result.failures) + logged;
      for (const s of [code, code.trim(), TOKEN]) assert.equal(leaks(everything, s), undefined, everything);
      assert.equal(h.sim.requests({ endpoint: "transfer-in" }).length, 0);
    });
  }
});

describe("secrets: the serialized shims", () => {
  it("invariant: a secret met in the program process (a token an SDK function used) is not captured when a program serializes the shims", async function () {
    this.timeout(60_000);
    const secret = "program-side-token-5e1f";
    // A fresh process, as a program is: this one has called the shims, whose provider instance cannot be serialized.
    const script = `
      const dist = ${JSON.stringify(path.join(REPO_ROOT, "dist"))};
      const secrets = require(dist + "/provider/api/secrets");
      secrets.rememberSecret(${JSON.stringify(secret)}, secrets.LABELS.token);
      // What pulumi.dynamic.Resource does with the provider object (@pulumi/pulumi dynamic/index.js).
      const { serializeFunction } = require("@pulumi/pulumi/runtime/closure/serializeClosure");
      (async () => {
        for (const m of ["/provider/host/registration", "/provider/host/transfer"]) {
          const shim = require(dist + m);
          console.log((await serializeFunction(() => shim, { allowSecrets: true })).text);
        }
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const text = await runNode(REPO_ROOT, script);
    assert.match(text, /failuresWhenExpected/);
    assert.equal(leaks(text, secret), undefined, text);
  });
});
