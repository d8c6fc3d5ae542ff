import { strict as assert } from "node:assert";
import { CheckFailure, isALabel, normalizeDomainName, UNKNOWN, validateInputs } from "../../provider/domain/validation";

const registrant = {
  email: "hostmaster@example.com",
  phone: "+1.5555555555",
  postalInfo: { name: "Ada Lovelace", address: { street: "1 Main St", city: "Austin", state: "TX", postalCode: "78701", countryCode: "US" } },
};

const reasonOf = (raw: unknown): string => {
  const n = normalizeDomainName(raw);
  assert.ok("reason" in n, `${JSON.stringify(raw)} was accepted as '${"name" in n ? n.name : ""}'`);
  return n.reason;
};

/** The one failure validateInputs gives for `news`, by property. */
function onlyFailure(news: Record<string, unknown>): CheckFailure {
  const { failures } = validateInputs({ domainName: "example.com", ...news });
  assert.equal(failures.length, 1, JSON.stringify(failures));
  return failures[0]!;
}

describe("normalizeDomainName", () => {
  const accepted: Array<[string, string]> = [
    [" Example.COM. ", "example.com"],
    ["bücher.dev", "xn--bcher-kva.dev"],
    ["BÜCHER.de", "xn--bcher-kva.de"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de"],
    ["a-b.co.uk", "a-b.co.uk"],
  ];
  for (const [raw, name] of accepted) {
    it(`'${raw}' → '${name}'`, () => assert.deepEqual(normalizeDomainName(raw), { name }));
  }

  it("every refusal ends with an example of a good name", () => {
    for (const raw of [42, "", "https://example.com", "example", "-bad.com"]) {
      assert.match(reasonOf(raw), /Use a registrable name like 'example\.com' \(internationalised names are fine: 'bücher\.dev'\)\.$/, JSON.stringify(raw));
    }
  });

  it("refuses a non-string, showing what it got", () => {
    assert.match(reasonOf(42), /^domainName must be a string, got 42\./);
    assert.match(reasonOf(undefined), /^domainName must be a string, got undefined\./);
  });

  it("refuses an empty name, even after trimming", () => {
    assert.match(reasonOf("  . "), /^domainName is empty\./);
  });

  it("refuses a URL or an address, asking for the bare domain", () => {
    assert.match(reasonOf("https://example.com"), /^domainName 'https:\/\/example\.com' contains .*give the bare domain, not a URL or address/);
    assert.match(reasonOf("ada@example.com"), /^domainName 'ada@example\.com' contains/);
    assert.match(reasonOf("my site.com"), /^domainName 'my site\.com' contains a space/);
  });

  it("refuses a name with no extension", () => {
    assert.match(reasonOf("localhost"), /^domainName 'localhost' has no extension\./);
  });

  it("refuses a label over 63 characters, and a name over 253, giving the length", () => {
    assert.match(reasonOf(`${"a".repeat(64)}.com`), /the label 'a{64}' is 64 characters; the limit is 63/);
    const long = `${Array.from({ length: 5 }, () => "a".repeat(60)).join(".")}.com`;
    assert.match(reasonOf(long), new RegExp(`is ${long.length} characters; the limit is 253`));
  });

  it("refuses hyphens at a label's edge and '--' in positions 3-4 outside punycode", () => {
    assert.match(reasonOf("-bad.com"), /the label '-bad' may hold only letters, digits and inner hyphens/);
    assert.match(reasonOf("bad-.com"), /the label 'bad-' may hold only/);
    assert.match(reasonOf("ab--cd.com"), /the label 'ab--cd' has '--' in positions 3-4, which is reserved for punycode/);
  });

  it("refuses punycode that is not a real A-label, on every Node (Node 24's converter lets it through)", () => {
    // Undecodable; U+0080; fullwidth 'ａbc' (maps to 'abc'); a soft hyphen; a bare zero-width joiner.
    const bad = ["xn--zz", "xn--a", "xn--bc-bz3n", "xn--kba", "xn--xy-m1t"];
    for (const label of bad) {
      assert.equal(isALabel(label), false, label);
      // Node 20 and 22 refuse these before the punycode check, Node 24 only there: either way, refused.
      assert.match(reasonOf(`${label}.com`), /not a valid \(internationalised\) domain name|is not valid punycode\. Write the name in Unicode/);
    }
    for (const good of ["xn--bcher-kva", "xn--ls8h", "xn--80ak6aa92e"]) assert.equal(isALabel(good), true, good);
    assert.deepEqual(normalizeDomainName("XN--BCHER-KVA.de"), { name: "xn--bcher-kva.de" });
  });

  it("refuses two dots in a row", () => {
    assert.match(reasonOf("a..com"), /^domainName 'a\.\.com' has an empty label \(two dots in a row\)\./);
  });
});

describe("validateInputs: every failure names the field, the value and the fix", () => {
  it("accepts a complete, valid set of inputs and returns the normalised name without changing what it was given", () => {
    const news = {
      domainName: " Bücher.DEV ",
      autoRenew: true,
      years: 10,
      privacyMode: "off",
      contacts: { registrant, technical: registrant },
      contactExtensions: { us_nexus_category: "C11" },
      acknowledgements: { ca_registrant_agreement: true },
      accountId: "0123456789abcdef0123456789abcdef",
      maxPrice: 0,
    };
    const before = structuredClone(news);
    const { inputs, failures } = validateInputs(news);
    assert.deepEqual(failures, []);
    assert.equal(inputs.domainName, "xn--bcher-kva.dev");
    assert.deepEqual(news, before);
  });

  it("lets unknown values (a preview's) through, at any depth", () => {
    const { failures } = validateInputs({
      domainName: UNKNOWN,
      autoRenew: UNKNOWN,
      years: UNKNOWN,
      privacyMode: UNKNOWN,
      contacts: { registrant: { ...registrant, email: UNKNOWN } },
      contactExtensions: UNKNOWN,
      accountId: UNKNOWN,
      maxPrice: UNKNOWN,
    });
    assert.deepEqual(failures, []);
  });

  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ["domainName", { domainName: "example" }, "domainName", /'example' has no extension/],
    ["autoRenew", { autoRenew: "yes" }, "autoRenew", /^autoRenew must be true or false, got 'yes'\.$/],
    ["years below 1", { years: 0 }, "years", /^years must be a whole number of years from 1 to 10, got 0\. Omit it for the extension's minimum term\.$/],
    ["years above 10", { years: 11 }, "years", /got 11\./],
    ["fractional years", { years: 1.5 }, "years", /got 1\.5\./],
    ["years as a string", { years: "2" }, "years", /got '2'\./],
    ["privacyMode", { privacyMode: "private" }, "privacyMode", /^privacyMode must be 'redaction' .* or 'off', got 'private'\.$/],
    ["contacts", { contacts: "ada" }, "contacts", /^contacts must be an object \{ registrant: \{\.\.\.\} \}, got 'ada'\. Omit it to use the account's default/],
    [
      "a contact role",
      { contacts: { owner: registrant } },
      "contacts.owner",
      /contacts\.owner is not a contact role; the roles are registrant, administrator, billing, technical\./,
    ],
    [
      "a contact's email",
      { contacts: { registrant: { ...registrant, email: "ada" } } },
      "contacts.registrant.email",
      /'ada' is not an email address\. Give one like/,
    ],
    [
      "a contact's phone",
      { contacts: { billing: { ...registrant, phone: "555-1234" } } },
      "contacts.billing.phone",
      /contacts\.billing\.phone '555-1234' is not in E\.164 form .*'\+1\.5555555555'/,
    ],
    ["a contact's fax", { contacts: { registrant: { ...registrant, fax: "+1 555" } } }, "contacts.registrant.fax", /fax '\+1 555' is not in E\.164 form/],
    [
      "a contact's country",
      {
        contacts: { registrant: { ...registrant, postalInfo: { ...registrant.postalInfo, address: { ...registrant.postalInfo.address, countryCode: "UK" } } } },
      },
      "contacts.registrant.postalInfo.address.countryCode",
      /'UK' is not an ISO 3166-1 alpha-2 code .* The code for the United Kingdom is 'GB'\./,
    ],
    [
      "a contact's street",
      { contacts: { registrant: { ...registrant, postalInfo: { ...registrant.postalInfo, address: { ...registrant.postalInfo.address, street: " " } } } } },
      "contacts.registrant.postalInfo.address.street",
      /contacts\.registrant\.postalInfo\.address\.street is required \(got ' '\)\./,
    ],
    ["contactExtensions", { contactExtensions: ["C11"] }, "contactExtensions", /^contactExtensions must be an object .*got \["C11"\]\./],
    ["acknowledgements", { acknowledgements: true }, "acknowledgements", /^acknowledgements must be an object .*got true\./],
    ["accountId", { accountId: "ACME" }, "accountId", /^accountId 'ACME' is not a Cloudflare account id: 32 lower-case hex characters/],
    ["maxPrice", { maxPrice: -1 }, "maxPrice", /^maxPrice must be a non-negative number in the quote's currency .*got -1\.$/],
    ["maxPrice as text", { maxPrice: "20" }, "maxPrice", /got '20'\.$/],
  ];
  for (const [what, news, property, reason] of cases) {
    it(what, () => {
      const failure = onlyFailure(news);
      assert.equal(failure.property, property);
      assert.match(failure.reason, reason);
    });
  }

  it("reports a contact missing its postal details at the postalInfo field", () => {
    const { postalInfo: _omitted, ...noPostal } = registrant;
    const failure = onlyFailure({ contacts: { registrant: noPostal } });
    assert.equal(failure.property, "contacts.registrant.postalInfo");
    assert.match(failure.reason, /is required: \{ name, organization\?, address: \{ street, city, state, postalCode, countryCode \} \}/);
  });

  it("reports every bad field at once, not the first only", () => {
    const { failures } = validateInputs({ domainName: "example.com", autoRenew: 1, years: 0, maxPrice: -1 });
    assert.deepEqual(
      failures.map((f) => f.property),
      ["autoRenew", "years", "maxPrice"],
    );
  });
});
