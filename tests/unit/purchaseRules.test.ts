import { strict as assert } from "node:assert";
import { minimumTerm, schemaFailures, sdkPath } from "../../provider/domain/extensionSchema";
import { authCodeProblem, encodeAuthCode } from "../../provider/transfer/authCode";
import { forgetSecrets, LABELS, redact, redactError } from "../../provider/api/secrets";

const HIDDEN = LABELS.authCode;
import { pendingTransferOutputs, transferBody, transferOutputs, transferReadInputs, type TransferOutputs } from "../../provider/transfer/mapping";
import { describeTransferQuote, transferRoseSincePreview, transferVerdict } from "../../provider/transfer/verdict";
import type { Registration } from "../../provider/api/schemas";

/**
 * The pure rules of the paths that spend money or hold a secret (transfers, the schema's messages), each
 * stated as the invariant it keeps. The mutation set stryker.purchase.config.mjs holds them to 90%.
 */
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const CODE = "Zq7#pL!x9$Wm";
const price = (transfer_cost: string, currency = "USD") => ({ name: "a.org", transferable: true, pricing: { currency, transfer_cost, renewal_cost: "12.00" } });

describe("transfer verdict (pure)", () => {
  it("invariant: a transfer is quoted exactly as domain-transfer-check priced it, in its currency", () => {
    assert.deepEqual(transferVerdict("a.org", ACCOUNT, "org", price("9.50", "EUR"), undefined), {
      quote: { currency: "EUR", transferCost: "9.50", renewalCost: "12.00" },
    });
  });

  it("invariant: no answer, or a refusal with no reason, is a refusal that names the domain, never a quote", () => {
    const none = transferVerdict("a.org", ACCOUNT, "org", undefined, undefined);
    assert.deepEqual(none, {
      failures: [{ property: "domainName", reason: "Cloudflare did not return a transfer-check result for 'a.org': the name may be malformed." }],
    });
    const silent = transferVerdict("a.org", ACCOUNT, "org", { name: "a.org", transferable: false, pricing: price("1.00").pricing }, undefined);
    assert.deepEqual(silent, {
      failures: [
        { property: "domainName", reason: "'a.org' cannot be transferred in, and Cloudflare gave no reason. See the domain in the Cloudflare dashboard." },
      ],
    });
  });

  it("invariant: a non-transferable answer is refused even when it carries a price", () => {
    const r = transferVerdict("a.org", ACCOUNT, "org", { ...price("1.00"), transferable: false, reasons: [{ code: "domain_locked" }] }, 100);
    assert.ok("failures" in r);
    assert.equal(r.failures.length, 1);
    assert.match(r.failures[0]!.reason, /^Cannot transfer 'a\.org' \[domain_locked\]/);
  });

  it("invariant: maxPrice caps the transfer cost, naming it, the price and the fix; no maxPrice means no cap", () => {
    const over = transferVerdict("a.org", ACCOUNT, "org", price("10.01"), 10);
    assert.deepEqual(over, {
      failures: [
        {
          property: "maxPrice",
          reason:
            "Transferring 'a.org' costs USD 10.01 for the transfer, which adds a year; renews at 12.00/year, above maxPrice 10. Raise maxPrice if that price is acceptable.",
        },
      ],
    });
    assert.ok("quote" in transferVerdict("a.org", ACCOUNT, "org", price("10.00"), 10), "equal to maxPrice is within it");
    assert.ok("quote" in transferVerdict("a.org", ACCOUNT, "org", price("99999.00"), "10"), "only a number is a cap (check validated it)");
  });

  it("invariant: a free transfer says so; a paid one says what it costs and that it adds a year", () => {
    assert.equal(
      describeTransferQuote({ currency: "GBP", transferCost: "0.00", renewalCost: "7.00" }),
      "GBP 0.00 (no charge for this extension's transfers); renews at 7.00/year",
    );
    assert.equal(
      describeTransferQuote({ currency: "USD", transferCost: "0.01", renewalCost: "7.00" }),
      "USD 0.01 for the transfer, which adds a year; renews at 7.00/year",
    );
  });

  it("invariant: the transfer starts at the preview's price or less, in its currency; anything else is refused with the way out", () => {
    const seen = { currency: "USD", transferCost: "10.00", renewalCost: "10.00" };
    assert.equal(transferRoseSincePreview("a.org", seen, undefined), undefined, "no preview quote (an adoption resumed): nothing to compare");
    assert.equal(transferRoseSincePreview("a.org", seen, seen), undefined);
    assert.equal(transferRoseSincePreview("a.org", { ...seen, transferCost: "9.99" }, seen), undefined);
    assert.equal(
      transferRoseSincePreview("a.org", { ...seen, transferCost: "10.000001" }, seen),
      "Not transferring 'a.org': the price changed from USD 10.00 for the transfer, which adds a year; renews at 10.00/year (shown in the preview) to " +
        "USD 10.000001 for the transfer, which adds a year; renews at 10.00/year. Run `pulumi preview` again to review the new price, then `pulumi up`.",
    );
    assert.ok(transferRoseSincePreview("a.org", { ...seen, currency: "EUR", transferCost: "1.00" }, seen));
  });
});

describe("the auth code (pure)", () => {
  const fix = "Give the code exactly as the current registrar shows it, from secret config: `pulumi config set --secret authCode <code>`.";

  it("invariant: every problem with a code is described without repeating the code", () => {
    const cases: Array<[unknown, string]> = [
      [null, `authCode must be a string (got a null). ${fix}`],
      [undefined, `authCode must be a string (got a undefined). ${fix}`],
      ["", `authCode is empty. ${fix}`],
      [
        "Se\tcret",
        `authCode contains a line break, tab or other control character, which no registrar issues in a code (7 characters given; the value is not shown). ${fix}`,
      ],
      [
        "Sec\u007fret",
        `authCode contains a line break, tab or other control character, which no registrar issues in a code (7 characters given; the value is not shown). ${fix}`,
      ],
      [
        "\u0000ab",
        `authCode contains a line break, tab or other control character, which no registrar issues in a code (3 characters given; the value is not shown). ${fix}`,
      ],
      [
        " Secret",
        `authCode starts or ends with a space (7 characters given; the value is not shown): copy it again without the surrounding whitespace. ${fix}`,
      ],
      [
        "Secret ",
        `authCode starts or ends with a space (7 characters given; the value is not shown): copy it again without the surrounding whitespace. ${fix}`,
      ],
    ];
    for (const [code, message] of cases) assert.equal(authCodeProblem(code), message, JSON.stringify(code));
  });

  it("invariant: codes up to 255 characters, and any printable characters, pass; 256 do not", () => {
    assert.equal(authCodeProblem("x".repeat(255)), undefined);
    assert.equal(authCodeProblem(CODE), undefined);
    assert.equal(authCodeProblem("a b"), undefined, "an inner space is the registrar's business");
    assert.equal(
      authCodeProblem("x".repeat(256)),
      `authCode is 256 characters long; registrars issue codes of at most a few dozen. Check that the whole value is the code and nothing else. ${fix}`,
    );
  });

  describe("redaction of the code (provider/api/secrets.ts), as the transfer's requests use it", () => {
    // Only the code given to each call: nothing remembered by another test's process-wide registry.
    beforeEach(forgetSecrets);
    const code = [{ value: CODE, label: HIDDEN }];

    it("invariant: redaction removes every occurrence of the code in both forms it is sent in, and nothing else", () => {
      const b64 = encodeAuthCode(CODE);
      assert.equal(redact(`${CODE}/${b64}/${CODE}/${b64}`, code), `${HIDDEN}/${HIDDEN}/${HIDDEN}/${HIDDEN}`);
      assert.equal(redact("nothing secret", code), "nothing secret");
      assert.equal(redact(`no code given: ${CODE}`), `no code given: ${CODE}`);
      assert.equal(redact(`empty code: x`, [{ value: "", label: HIDDEN }]), "empty code: x");
    });

    it("invariant: a redacted error keeps its class, and neither its message nor its stack holds the code", () => {
      class Special extends Error {}
      const err = new Special(`refused ${CODE} (${encodeAuthCode(CODE)})`);
      // V8 formats a stack on first read: read it first, as a logger would have, so it holds the code.
      assert.ok(err.stack!.includes(CODE));
      const out = redactError(err, code);
      assert.ok(out instanceof Special);
      assert.equal(out.message, `refused ${HIDDEN} (${HIDDEN})`);
      assert.ok(!out.stack!.includes(CODE) && !out.stack!.includes(encodeAuthCode(CODE)), out.stack);
      const noStack = new Error(`x ${CODE}`);
      noStack.stack = undefined;
      assert.equal(redactError(noStack, code).message, `x ${HIDDEN}`);
      assert.equal(redactError("a string", code), "a string", "not an Error: passed through untouched");
    });
  });
});

describe("the transfer's state mapping (pure)", () => {
  const contact = {
    email: "ada@example.com",
    phone: "+44.2071234567",
    postalInfo: { name: "Ada", address: { street: "1 Sq", city: "London", state: "LND", postalCode: "SW1", countryCode: "gb" } },
  };
  const reg: Registration = {
    domain_name: "a.org",
    status: "active",
    auto_renew: true,
    locked: false,
    privacy_mode: "off",
    created_at: "2026-01-01T00:00:00Z",
    expires_at: "2027-01-01T00:00:00Z",
  };

  it("invariant: the body sent carries every input the program gave, in wire names, and the code only base64-encoded", () => {
    assert.deepEqual(
      transferBody(
        { domainName: "a.org", authCode: CODE, autoRenew: true, privacyMode: "off", contacts: { registrant: contact }, contactExtensions: { k: "v" } },
        true,
      ),
      {
        auth_code: encodeAuthCode(CODE),
        auto_renew: true,
        privacy_mode: "off",
        contacts: {
          registrant: {
            email: "ada@example.com",
            phone: "+44.2071234567",
            postal_info: { name: "Ada", address: { street: "1 Sq", city: "London", state: "LND", postal_code: "SW1", country_code: "GB" } },
          },
        },
        contact_extensions: { k: "v" },
      },
    );
    assert.deepEqual(transferBody({ domainName: "a.org" }, true), { auto_renew: false }, "nothing the program did not give; no code when none was given");
    assert.deepEqual(transferBody({ domainName: "a.org", contacts: {} }, true), { auto_renew: false }, "no empty contacts object");
  });

  it("invariant: the auth code is never an output, whatever path builds the outputs", () => {
    const inputs = { domainName: "a.org", authCode: CODE, privacyMode: "off", maxPrice: 20, contacts: { registrant: contact }, contactExtensions: { k: "v" } };
    const quote = { currency: "USD", transferCost: "9.00", renewalCost: "9.00" };
    const outs = transferOutputs(inputs, ACCOUNT, reg, quote);
    assert.deepEqual(outs, {
      domainName: "a.org",
      accountId: ACCOUNT,
      autoRenew: true,
      status: "active",
      createdAt: "2026-01-01T00:00:00Z",
      expiresAt: "2027-01-01T00:00:00Z",
      locked: false,
      privacyMode: "off",
      requestedPrivacyMode: "off",
      contacts: { registrant: contact },
      contactExtensions: { k: "v" },
      maxPrice: 20,
      quote,
    });
    const pending = pendingTransferOutputs(inputs, ACCOUNT, undefined, "blocked");
    assert.deepEqual(pending, {
      domainName: "a.org",
      accountId: ACCOUNT,
      autoRenew: false,
      status: "transfer_pending",
      createdAt: null,
      expiresAt: null,
      locked: true,
      privacyMode: "off",
      requestedPrivacyMode: "off",
      contacts: { registrant: contact },
      contactExtensions: { k: "v" },
      maxPrice: 20,
      transferState: "blocked",
    });
    assert.equal(pendingTransferOutputs({ domainName: "a.org", autoRenew: true }, ACCOUNT, undefined, "pending").privacyMode, "redaction");
    assert.equal(pendingTransferOutputs({ domainName: "a.org", autoRenew: true }, ACCOUNT, undefined, "pending").autoRenew, true);
    for (const o of [outs, pending]) assert.ok(!JSON.stringify(o).includes(CODE) && !JSON.stringify(o).includes(encodeAuthCode(CODE)));
  });

  it("invariant: a refresh reports the registration's own values and the recorded start-only inputs, never a code", () => {
    const previous = {
      requestedPrivacyMode: "off",
      contacts: { registrant: contact },
      contactExtensions: { k: "v" },
      maxPrice: 20,
      quote: { currency: "USD", transferCost: "9.00", renewalCost: "9.00" },
    } as unknown as TransferOutputs;
    assert.deepEqual(transferReadInputs(previous, reg, ACCOUNT), {
      domainName: "a.org",
      autoRenew: true,
      accountId: ACCOUNT,
      privacyMode: "off",
      requestedPrivacyMode: "off",
      contacts: { registrant: contact },
      contactExtensions: { k: "v" },
      maxPrice: 20,
      quote: previous.quote,
    });
  });
});

/**
 * A fresh copy of the schema module. Its JSON Schema validator is built once per process, so a test of the
 * options it is built with (every error at once, the value given, keywords and formats of the API's own)
 * must see it built.
 */
function freshSchemaModule(): typeof import("../../provider/domain/extensionSchema") {
  const path = require.resolve("../../provider/domain/extensionSchema");
  const shared = require.cache[path];
  delete require.cache[path];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module is the point
    return require(path) as typeof import("../../provider/domain/extensionSchema");
  } finally {
    require.cache[path] = shared;
  }
}

describe("an extension's schema failures (pure)", () => {
  const body = (extra: Record<string, unknown>) => ({ domain_name: "a.us", ...extra });

  it("invariant: a value the schema fixes is named with the value required and the value given", () => {
    const schema = { type: "object", properties: { privacy_mode: { const: "redaction" } } };
    assert.deepEqual(schemaFailures(schema, body({ privacy_mode: "off" }), "de"), [
      { property: "privacyMode", reason: `privacyMode must be "redaction" for '.de', got "off".` },
    ]);
  });

  it("invariant: a term above the extension's maximum is refused before anything is bought", () => {
    const schema = { type: "object", properties: { years: { type: "integer", maximum: 5 } } };
    assert.deepEqual(schemaFailures(schema, { years: 6 }, "ai"), [{ property: "years", reason: "years must be at most 5 for '.ai', got 6." }]);
  });

  it("invariant: a secret field is never echoed, neither at its own path nor inside a whole-body echo", () => {
    const use = { purpose: "transfers", secret: ["auth_code"] };
    const own = schemaFailures({ type: "object", properties: { auth_code: { enum: ["x"] } } }, { auth_code: encodeAuthCode(CODE) }, "us", use)!;
    assert.deepEqual(own, [{ property: "authCode", reason: `authCode must be one of x for '.us', got (a secret, not shown).` }]);
    const constant = schemaFailures({ type: "object", properties: { auth_code: { const: "x" } } }, { auth_code: CODE }, "us", use)!;
    assert.equal(constant[0]!.reason, `authCode must be "x" for '.us', got (a secret, not shown).`);
    const root = schemaFailures({ type: "object", maxProperties: 1 }, { auth_code: CODE, auto_renew: false }, "us", use)!;
    assert.deepEqual(root, [
      {
        property: "domainName",
        reason: `the transfer must NOT have more than 1 properties for '.us' (JSON Schema keyword 'maxProperties'), got {"auth_code":"(a secret, not shown)","auto_renew":false}.`,
      },
    ]);
    // Without the secret list, the same failure shows the body: the list is what hides it.
    assert.match(schemaFailures({ type: "object", maxProperties: 1 }, { auth_code: "visible", x: 1 }, "us")![0]!.reason, /the registration must.*"visible"/);
  });

  it("invariant: an unlisted keyword names the field and the rule in the SDK's names, and hides a contact extension's value", () => {
    const { schemaFailures } = freshSchemaModule();
    const schema = { type: "object", properties: { contact_extensions: { type: "object", properties: { "a/b~c": { type: "string", pattern: "^x" } } } } };
    assert.deepEqual(schemaFailures(schema, { contact_extensions: { "a/b~c": "y" } }, "eu"), [
      {
        property: "contactExtensions.a/b~c",
        reason: `contactExtensions.a/b~c must match pattern "^x" for '.eu' (JSON Schema keyword 'pattern'), got (a secret, not shown).`,
      },
    ]);
  });

  it("invariant: a required field is described from the schema: its enum, its constant, its fields or its type", () => {
    const { schemaFailures } = freshSchemaModule();
    const schema = {
      type: "object",
      required: ["contact_extensions", "flag", "kind", "n", "any"],
      properties: {
        contact_extensions: {
          type: "object",
          properties: { a: { type: "string" }, b: { const: 1 } },
        },
        flag: { const: true },
        kind: { enum: ["x", "y"] },
        n: { type: "integer" },
        any: {},
      },
    };
    const reasons = schemaFailures(schema, {}, "xyz")!.map((f) => f.reason);
    assert.deepEqual(reasons, [
      "contactExtensions is required for '.xyz' registrations: give { a: a string; b: 1 }.",
      "flag is required for '.xyz' registrations: give true.",
      "kind is required for '.xyz' registrations: give one of x, y.",
      "n is required for '.xyz' registrations: give a integer.",
      "any is required for '.xyz' registrations: give a value.",
    ]);
    const listed = {
      type: "object",
      required: ["c"],
      properties: { c: { type: "object", required: ["b"], properties: { a: { type: "string" }, b: { type: "string" } } } },
    };
    assert.deepEqual(schemaFailures(listed, {}, "xyz"), [{ property: "c", reason: "c is required for '.xyz' registrations: give { b: a string }." }]);
    const undescribed = { type: "object", required: ["z"] };
    assert.deepEqual(schemaFailures(undescribed, {}, "xyz"), [{ property: "z", reason: "z is required for '.xyz' registrations: give a value." }]);
  });

  it("invariant: an extra field names what is accepted, or only that it is not, when the schema lists nothing", () => {
    const closed = { type: "object", additionalProperties: false };
    assert.deepEqual(schemaFailures(closed, { years: 1 }, "io", { purpose: "transfers" }), [
      { property: "years", reason: "years is not accepted for '.io' transfers. Remove it." },
    ]);
  });

  it("invariant: only a whole number of years of at least 1 is taken as the extension's minimum term", () => {
    const term = (minimum: unknown) => minimumTerm({ properties: { years: { minimum } } });
    assert.equal(term(3), 3);
    assert.equal(term(1), 1);
    for (const bad of [0, -1, 1.5, "2", null]) assert.equal(term(bad), undefined, `minimum ${JSON.stringify(bad)}`);
    assert.equal(minimumTerm({ properties: { years: {} } }), undefined);
    assert.equal(minimumTerm({ properties: [] }), undefined, "an array is not an object of properties");
  });

  it("invariant: the API's own keys keep their names under contactExtensions and acknowledgements; everything else is in the SDK's names", () => {
    assert.equal(sdkPath(["acknowledgements", "ca_terms_accepted"]), "acknowledgements.ca_terms_accepted");
    assert.equal(sdkPath(["contacts", "admin", "postal_info"]), "contacts.admin.postalInfo");
    assert.equal(sdkPath([]), "");
  });

  it("invariant: a schema with keywords and formats of the API's own is still checked, not skipped, and nothing is printed", () => {
    const { schemaFailures } = freshSchemaModule();
    const schema = {
      type: "object",
      "x-cloudflare-note": "ours",
      properties: { email: { type: "string", format: "cf-email" }, years: { type: "integer", maximum: 2 } },
    };
    // The validator's own warnings would land in the preview's output, between the provider's lines.
    const printed: unknown[] = [];
    const { warn, log, error } = console;
    console.warn = console.log = console.error = (...args: unknown[]) => void printed.push(args);
    let failures;
    try {
      failures = schemaFailures(schema, { email: "not checked here", years: 3 }, "io");
    } finally {
      Object.assign(console, { warn, log, error });
    }
    assert.deepEqual(failures, [{ property: "years", reason: "years must be at most 2 for '.io', got 3." }]);
    assert.deepEqual(printed, []);
  });

  it("invariant: a failure under a field the schema does not describe is still named, in the SDK's names", () => {
    const schema = { type: "object", additionalProperties: { type: "object", required: ["x_y"] } };
    assert.deepEqual(schemaFailures(schema, { some_key: {} }, "io"), [
      { property: "someKey.xY", reason: "someKey.xY is required for '.io' registrations: give a value." },
    ]);
  });

  it("invariant: an extra field inside a field the schema does not describe is named, with no list", () => {
    const schema = { type: "object", additionalProperties: { type: "object", additionalProperties: false } };
    assert.deepEqual(schemaFailures(schema, { some_key: { bar: 1 } }, "io"), [
      { property: "someKey.bar", reason: "someKey.bar is not accepted for '.io' registrations. Remove it." },
    ]);
  });

  it("invariant: an extra field is named with every field the extension accepts at that level", () => {
    const schema = { type: "object", additionalProperties: false, properties: { years: {}, auto_renew: {} } };
    assert.deepEqual(schemaFailures(schema, { years: 1, foo_bar: 1 }, "io"), [
      { property: "fooBar", reason: "fooBar is not accepted for '.io' registrations (accepted: years, autoRenew). Remove it." },
    ]);
  });

  it("invariant: the same failure is reported once", () => {
    const schema = { type: "object", anyOf: [{ required: ["a"] }, { required: ["a"] }] };
    const reasons = schemaFailures(schema, {}, "io")!.map((f) => f.reason);
    assert.equal(reasons.length, new Set(reasons).size);
    assert.deepEqual(reasons, [
      "a is required for '.io' registrations: give a value.",
      "the registration must match a schema in anyOf for '.io' (JSON Schema keyword 'anyOf'), got {}.",
    ]);
  });
});
