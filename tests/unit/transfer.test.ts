import { strict as assert } from "node:assert";
import { TRANSFER_REASONS } from "../../provider/api/schemas";
import { LABELS, redact } from "../../provider/api/secrets";
import { authCodeProblem, encodeAuthCode } from "../../provider/transfer/authCode";
import { transferKind } from "../../provider/transfer/kind";
import { transferBody } from "../../provider/transfer/mapping";
import { EXPLAINED_REASONS, reasonAdvice } from "../../provider/transfer/reasons";
import { transferRoseSincePreview, transferVerdict } from "../../provider/transfer/verdict";

const ctx = { domain: "example.org", accountId: "0123456789abcdef0123456789abcdef", extension: "org" };
const priced = (transfer_cost: string, currency = "USD") => ({
  name: "example.org",
  transferable: true,
  pricing: { currency, transfer_cost, renewal_cost: "10.11" },
  reasons: [],
});

describe("transfer rules (pure)", () => {
  it("explains every one of the SDK's 17 reason codes, naming the domain; an unknown code is shown as given", () => {
    assert.deepEqual([...EXPLAINED_REASONS].sort(), [...TRANSFER_REASONS].sort());
    for (const code of TRANSFER_REASONS) {
      const a = reasonAdvice(code, ctx);
      assert.ok(a.message.startsWith(`Cannot transfer 'example.org' [${code}]: `), a.message);
    }
    assert.equal(reasonAdvice("invalid_auth_code", ctx).property, "authCode");
    assert.equal(reasonAdvice("domain_locked", ctx).property, "domainName");
    assert.match(reasonAdvice("brand_new_reason", ctx).message, /reason: brand_new_reason/);
  });

  it("encodes the code as RFC 4648 §4 base64 (the SDK's own example) and redacts both forms", () => {
    assert.equal(encodeAuthCode("nixos>>>arch-linux"), "bml4b3M+Pj5hcmNoLWxpbnV4");
    assert.equal(
      redact("sent bml4b3M+Pj5hcmNoLWxpbnV4 for nixos>>>arch-linux", [{ value: "nixos>>>arch-linux", label: LABELS.authCode }]),
      "sent [auth code] for [auth code]",
    );
    assert.equal(authCodeProblem("nixos>>>arch-linux"), undefined);
    assert.match(authCodeProblem(42)!, /must be a string \(got a number\)/);
    assert.match(authCodeProblem("x".repeat(256))!, /256 characters long/);
  });

  it("sends the code only where the extension's schema takes one, and never as given", () => {
    assert.deepEqual(transferBody({ domainName: "a.com", authCode: "c0de" }, true), { auth_code: "YzBkZQ==", auto_renew: false });
    assert.deepEqual(transferBody({ domainName: "a.co.uk", authCode: "c0de" }, false), { auto_renew: false });
  });

  it("enforces maxPrice at the micro-unit boundary, and refuses a dearer price or another currency before the POST", () => {
    assert.ok("quote" in transferVerdict("example.org", ctx.accountId, "org", priced("10.11"), 10.11));
    const above = transferVerdict("example.org", ctx.accountId, "org", priced("10.110001"), 10.11);
    assert.ok("failures" in above && above.failures[0]!.property === "maxPrice");
    const seen = { currency: "USD", transferCost: "10.11", renewalCost: "10.11" };
    assert.equal(transferRoseSincePreview("example.org", { ...seen, transferCost: "10.10" }, seen), undefined);
    assert.match(transferRoseSincePreview("example.org", { ...seen, transferCost: "10.110001" }, seen)!, /price changed from USD 10\.11/);
    assert.match(transferRoseSincePreview("example.org", { ...seen, currency: "EUR", transferCost: "9.00" }, seen)!, /to EUR 9\.00/);
  });

  it("refuses a transferable answer without a price, and lists every reason of a refusal", () => {
    const noPrice = transferVerdict("example.org", ctx.accountId, "org", { transferable: true }, undefined);
    assert.ok("failures" in noPrice && /gave no price/.test(noPrice.failures[0]!.reason));
    const two = transferVerdict(
      "example.org",
      ctx.accountId,
      "org",
      { transferable: false, reasons: [{ code: "domain_locked" }, { code: "invalid_auth_code" }] },
      undefined,
    );
    assert.ok("failures" in two);
    assert.deepEqual(
      two.failures.map((f) => f.property),
      ["domainName", "authCode"],
    );
  });
});

describe("transfer: matching domain-transfer-check's answer to the domain", () => {
  it("finds an answer whose name the API wrote differently (case, Unicode), as the SDK's checkTransfers does", async () => {
    const kind = transferKind({ get: async () => undefined } as never, () => undefined);
    for (const written of ["Example.ORG", "bücher.org"]) {
      const domain = written === "bücher.org" ? "xn--bcher-kva.org" : "example.org";
      const answer = { "some-other-key": { ...priced("9.95"), name: written } };
      const client = { sandbox: false, transferCheck: async () => answer };
      const priced2 = await kind.price({ client, log: () => {} } as never, { domainName: domain } as never, ctx.accountId);
      assert.deepEqual(
        "quote" in priced2 && priced2.quote,
        { currency: "USD", transferCost: "9.95", renewalCost: "10.11" },
        `${written}: ${JSON.stringify(priced2)}`,
      );
    }
  });
});
