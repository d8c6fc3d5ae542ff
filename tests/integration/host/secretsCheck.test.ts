import { strict as assert } from "node:assert";
import { secretForms } from "../../../provider/api/secrets";
import * as transfer from "../../../provider/host/transfer";
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
    await transfer.configure({ config: { get: (key: string) => values[key] } });
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
