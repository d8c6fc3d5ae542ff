import { strict as assert } from "node:assert";
import { extensionOf, nameParts } from "../../provider/domain/names";
import { validateInputs } from "../../provider/domain/validation";

describe("registrable names from the Public Suffix List", () => {
  const cases: Array<[string, ReturnType<typeof nameParts>]> = [
    ["example.com", { kind: "registrable", domain: "example.com", extension: "com" }],
    ["example.co.uk", { kind: "registrable", domain: "example.co.uk", extension: "co.uk" }],
    ["example.uk", { kind: "registrable", domain: "example.uk", extension: "uk" }],
    ["xn--bcher-kva.de", { kind: "registrable", domain: "xn--bcher-kva.de", extension: "de" }],
    ["www.example.co.uk", { kind: "subdomain", domain: "www.example.co.uk", parent: "example.co.uk" }],
    ["sub.example.com", { kind: "subdomain", domain: "sub.example.com", parent: "example.com" }],
    // A private suffix (github.io) is not a registry's: the registrable name is under ICANN's `io`.
    ["foo.github.io", { kind: "subdomain", domain: "foo.github.io", parent: "github.io" }],
    ["co.uk", { kind: "suffix", domain: "co.uk" }],
  ];
  for (const [name, expected] of cases) {
    it(`${name} → ${expected.kind}`, () => assert.deepEqual(nameParts(name), expected));
  }

  it("an extension is the whole public suffix, not the text after the first dot", () => {
    assert.equal(extensionOf("example.co.uk"), "co.uk");
    assert.equal(extensionOf("example.com"), "com");
  });

  it("refuses a subdomain naming its registrable parent, and accepts any extension for the API to judge", () => {
    const sub = validateInputs({ domainName: "www.example.co.uk" }).failures;
    assert.equal(sub.length, 1);
    assert.match(sub[0]!.reason, /'www\.example\.co\.uk' is a subdomain of 'example\.co\.uk'/);
    assert.doesNotMatch(sub[0]!.reason, /extension '\.example\.co\.uk'/);
    for (const domainName of ["example.io", "example.co.uk", "example.ai", "example.us", "example.ca", "example.zz"]) {
      assert.deepEqual(validateInputs({ domainName }).failures, [], domainName);
    }
  });
});
