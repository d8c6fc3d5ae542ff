import { strict as assert } from "node:assert";
import { minimumTerm, schemaFailures, sdkPath } from "../../provider/domain/extensionSchema";

/** A registration schema of the shape the API publishes for `.us` (draft 2020-12). */
const US = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  additionalProperties: false,
  required: ["domain_name", "contact_extensions"],
  properties: {
    domain_name: { type: "string" },
    years: { type: "integer", minimum: 1, maximum: 10 },
    auto_renew: { type: "boolean" },
    privacy_mode: { enum: ["redaction", "off"] },
    contacts: {
      type: "object",
      additionalProperties: false,
      properties: {
        registrant: { type: "object", properties: { postal_info: { type: "object", properties: { address: { type: "object", required: ["postal_code"] } } } } },
      },
    },
    contact_extensions: {
      type: "object",
      additionalProperties: false,
      required: ["us_nexus_category", "us_app_purpose"],
      properties: { us_nexus_category: { enum: ["C11", "C12", "C21", "C31", "C32"] }, us_app_purpose: { enum: ["P1", "P2", "P3", "P4", "P5"] } },
    },
  },
};
const AI = { type: "object", properties: { years: { type: "integer", minimum: 2, maximum: 10 } } };

describe("an extension's registration schema", () => {
  it("publishes the minimum term as properties.years.minimum", () => {
    assert.equal(minimumTerm(AI), 2);
    assert.equal(minimumTerm(US), 1);
    assert.equal(minimumTerm({ type: "object" }), undefined, "a schema that says nothing leaves the term to us");
    assert.equal(minimumTerm(undefined), undefined);
  });

  it("names the missing contactExtensions with the allowed values", () => {
    const failures = schemaFailures(US, { domain_name: "example.us", years: 1 }, "us")!;
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.property, "contactExtensions");
    assert.match(failures[0]!.reason, /contactExtensions is required for '\.us' registrations/);
    assert.match(failures[0]!.reason, /us_nexus_category: one of C11, C12, C21, C31, C32/);
    assert.match(failures[0]!.reason, /us_app_purpose: one of P1, P2, P3, P4, P5/);
  });

  it("names a wrong value in the SDK's field names, with every allowed value", () => {
    const failures = schemaFailures(US, { domain_name: "example.us", contact_extensions: { us_nexus_category: "C99", us_app_purpose: "P1" } }, "us")!;
    assert.deepEqual(
      failures.map((f) => f.property),
      ["contactExtensions.us_nexus_category"],
    );
    assert.match(
      failures[0]!.reason,
      /^contactExtensions\.us_nexus_category must be one of C11, C12, C21, C31, C32 for '\.us', got \(a secret, not shown\)\.$/,
    );
  });

  it("invariant: no failure text holds a value of contacts or contactExtensions, even one that echoes the whole body", () => {
    const personal = { registrant: { email: "jane@home.example", postal_info: { address: { city: "Springfield" } } } };
    const body = { domain_name: "example.us", contacts: personal, contact_extensions: { us_nexus_category: "TAX-123-45", us_app_purpose: 7 } };
    // A root-level rule (here `not`) echoes the body it judged.
    const strictRoot = { ...US, not: { required: ["domain_name"] } };
    const failures = schemaFailures(strictRoot, body, "us")!;
    assert.ok(
      failures.some((f) => f.property === "domainName" && f.reason.includes("example.us")),
      JSON.stringify(failures),
    );
    assert.ok(
      failures.some((f) => f.property === "contactExtensions.us_app_purpose"),
      JSON.stringify(failures),
    );
    for (const f of failures) for (const v of ["jane@home.example", "Springfield", "TAX-123-45", "7."]) assert.ok(!f.reason.includes(v), `${v} in ${f.reason}`);
  });

  it("passes a body that satisfies the schema", () => {
    assert.deepEqual(schemaFailures(US, { domain_name: "example.us", contact_extensions: { us_nexus_category: "C11", us_app_purpose: "P1" } }, "us"), []);
  });

  it("refuses a term below the extension's minimum and a key the extension does not accept", () => {
    assert.match(schemaFailures(AI, { years: 1 }, "ai")![0]!.reason, /^years must be at least 2 for '\.ai', got 1\.$/);
    const extra = schemaFailures(
      US,
      { domain_name: "x.us", contact_extensions: { us_nexus_category: "C11", us_app_purpose: "P1" }, acknowledgements: {} },
      "us",
    )!;
    assert.equal(extra[0]!.property, "acknowledgements");
    assert.match(extra[0]!.reason, /not accepted for '\.us' registrations/);
  });

  it("maps wire paths to the SDK's names, keeping the API's own keys verbatim", () => {
    assert.equal(sdkPath(["contacts", "registrant", "postal_info", "address", "postal_code"]), "contacts.registrant.postalInfo.address.postalCode");
    assert.equal(sdkPath(["contact_extensions", "us_nexus_category"]), "contactExtensions.us_nexus_category");
    assert.equal(sdkPath(["privacy_mode"]), "privacyMode");
  });

  it("leaves an unreadable schema to the API instead of failing the preview", () => {
    assert.equal(schemaFailures({ type: "object", properties: { years: { $ref: "#/nowhere" } } }, {}, "zz"), undefined);
    assert.equal(schemaFailures("not a schema", {}, "zz"), undefined);
  });
});
