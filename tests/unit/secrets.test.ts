import { strict as assert } from "node:assert";
import { failuresWhenExpected, quietWhenExpected, stackForBugs } from "../../provider/host/expectedErrors";
import { RegistrarError, ValidationError } from "../../provider/api/errors";
import {
  failuresForEngine,
  forgetSecrets,
  LABELS,
  MIN_SECRET_LENGTH,
  redact,
  redactError,
  rememberSecret,
  rememberSecretInputs,
  secretForms,
  WHOLE_WORD_BELOW,
} from "../../provider/api/secrets";
import * as dynamic from "../../provider/host/registration";
import { withStderr } from "../support/stderr";

/** An API token, as the transport remembers one. */
const TOKEN = "sim-token";

/** Characters that JSON, URI encoding and base64 each change, so every form differs from the others. */
const CODE = `Rt!9/+"x y\\z#Code~>?`;
const B64 = Buffer.from(CODE).toString("base64");
const EVERY_FORM = [
  CODE,
  JSON.stringify(CODE).slice(1, -1),
  encodeURIComponent(CODE),
  B64,
  B64.replace(/=+$/, ""),
  Buffer.from(CODE).toString("base64url"),
  encodeURIComponent(B64),
];

/** Whether any form of `secret` survives in `text`. */
function leaks(text: string, secret: string): string | undefined {
  return secretForms(secret).find((f) => text.includes(f));
}

describe("secrets: one place redacts every secret from every message", () => {
  beforeEach(forgetSecrets);
  after(forgetSecrets);

  it("invariant: every occurrence of the auth code, in every form it is sent or quoted in, is replaced by its label", () => {
    assert.equal(new Set(EVERY_FORM).size, EVERY_FORM.length, "the test code must make every form distinct");
    const message = EVERY_FORM.map((f, i) => `form ${i}: ${f}; again ${f}.`).join(" ");
    const out = redact(message, [{ value: CODE, label: LABELS.authCode }]);
    assert.equal(leaks(out, CODE), undefined, out);
    assert.equal(out.split(LABELS.authCode).length - 1, EVERY_FORM.length * 2, out);
    assert.match(out, /^form 0: \[auth code\]; again \[auth code\]\. form 1: /);
  });

  it("invariant: a secret met once is hidden from every later message, the token likewise; short values and other text are left alone", () => {
    rememberSecret(TOKEN, LABELS.token);
    rememberSecretInputs({ authCode: ` ${CODE} `, contacts: { registrant: { email: "jane@home.example", postalInfo: { name: "Jane Q Doe" } } } });
    rememberSecretInputs({ contactExtensions: { ca_legal_type: "CCT", business_number: "123456789RC0001", short: "P1" } });
    rememberSecret("US", LABELS.contact);
    // As Pulumi marks a secret, should an input ever arrive wrapped.
    rememberSecretInputs({ authCode: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "Wrapped#Code" } });
    assert.equal(redact("got Wrapped#Code"), "got [auth code]");
    const message = `Bearer ${TOKEN} sent ${B64} for '${CODE}' (${Buffer.from(TOKEN).toString("base64")}), to jane@home.example, Jane Q Doe, US, 123456789RC0001 CCT P1`;
    const out = redact(message);
    for (const s of [TOKEN, CODE, "jane@home.example", "Jane Q Doe", "123456789RC0001", "CCT"]) assert.equal(leaks(out, s), undefined, `${s} in ${out}`);
    assert.equal(
      out,
      "Bearer [api token] sent [auth code] for '[auth code]' ([api token]), to [contact detail], [contact detail], US, [contact detail] [contact detail] P1",
    );
    assert.equal(redact("nothing secret here"), "nothing secret here");
  });

  it("invariant: a short secret is hidden as a whole word, not inside a longer one", () => {
    rememberSecretInputs({ contactExtensions: { ca_legal_type: "CCO" }, authCode: "#a1" });
    assert.equal(
      redact("Env CLOUDFLARE_ACCOUNT_ID: CCO, (CCO) 'CCO' x#a1, #a1y"),
      "Env CLOUDFLARE_ACCOUNT_ID: [contact detail], ([contact detail]) '[contact detail]' x[auth code], #a1y",
    );
  });

  it("invariant: an error keeps its class, and loses the secret from its message, its stack and its cause", () => {
    rememberSecret(CODE, LABELS.authCode);
    const cause = new Error(`body {"auth_code":"${B64}"}`);
    const err = new ValidationError(400, [{ code: 10004, message: `auth_code ${B64} and ${CODE}` }], { method: "POST", path: "/x" }, "Fix it.");
    (err as { cause?: unknown }).cause = cause;
    const out = redactError(err);
    assert.ok(out instanceof ValidationError);
    assert.equal(out.status, 400);
    for (const text of [out.message, out.stack!, cause.message, cause.stack!]) assert.equal(leaks(text, CODE), undefined, text);
    assert.match(out.message, /auth_code \[auth code\] and \[auth code\]/);
  });

  it("invariant: a failure about a secret input is detached from its property (the engine prints that property's value), still naming the field", () => {
    rememberSecret(CODE, LABELS.authCode);
    const out = failuresForEngine([
      { property: "authCode", reason: "authCode is empty. Give the code." },
      { property: "authCode", reason: `Cannot transfer 'a.com' [invalid_auth_code]: the registrar rejected ${CODE}.` },
      { property: "contacts", reason: "Cannot change the contacts of 'a.com'." },
      { property: "contacts.registrant.email", reason: "contacts.registrant.email is not an email address." },
      { property: "contactExtensions", reason: "contactExtensions must be an object." },
      { property: "domainName", reason: `domainName 'a.com' is taken; ${CODE}` },
      { property: "authCodeHint", reason: "not a secret input, only a prefix of one" },
      { property: "contacts[0]", reason: "must be an object" },
      { property: "contactExtensions.y", reason: "contactExtensions.y is not allowed" },
      { property: "contactsX", reason: "not a secret input" },
      { property: "xcontacts", reason: "not one either" },
    ]);
    assert.deepEqual(out, [
      { property: "", reason: "authCode is empty. Give the code." },
      { property: "", reason: "authCode: Cannot transfer 'a.com' [invalid_auth_code]: the registrar rejected [auth code]." },
      { property: "", reason: "Cannot change the contacts of 'a.com'." },
      { property: "", reason: "contacts.registrant.email is not an email address." },
      { property: "", reason: "contactExtensions must be an object." },
      { property: "domainName", reason: "domainName 'a.com' is taken; [auth code]" },
      { property: "authCodeHint", reason: "not a secret input, only a prefix of one" },
      { property: "", reason: "contacts[0]: must be an object" },
      { property: "", reason: "contactExtensions.y is not allowed" },
      { property: "contactsX", reason: "not a secret input" },
      { property: "xcontacts", reason: "not one either" },
    ]);
  });

  it("invariant: redactError reaches every cause in a chain, stops where the causes loop, and leaves a secret-free read-only message alone", () => {
    rememberSecret(CODE, LABELS.authCode);
    const deepest = new Error(`deep ${B64}`);
    const middle = new Error(`middle ${CODE}`, { cause: deepest });
    const top = new RegistrarError(`top ${CODE}`);
    (top as { cause?: unknown }).cause = middle;
    assert.equal(redactError(top), top);
    for (const e of [top, middle, deepest]) for (const text of [e.message, e.stack!]) assert.equal(leaks(text, CODE), undefined, text);
    assert.equal(deepest.message, "deep [auth code]");
    const selfish = new Error(`self ${CODE}`);
    (selfish as { cause?: unknown }).cause = selfish;
    assert.equal(redactError(selfish).message, "self [auth code]");
    const a = new Error(`a ${CODE}`);
    const b = new Error(`b ${CODE}`, { cause: a });
    (a as { cause?: unknown }).cause = b;
    assert.equal(redactError(a), a, "a longer loop of causes ends too");
    assert.deepEqual([a.message, b.message], ["a [auth code]", "b [auth code]"]);
    class Fixed extends Error {
      override get message() {
        return "a fixed message";
      }
    }
    const fixed = new Fixed();
    assert.equal(redactError(fixed).message, "a fixed message");
    assert.equal(redactError(`plain ${CODE}`), `plain ${CODE}`, "only an Error is redacted in place; a string goes through redact");
  });

  /** Every form the provider sends or a message may quote, of the value as given and trimmed, written out here independently. */
  const formsOf = (v: string) =>
    [v, v.trim()].flatMap((x) => {
      const b64 = Buffer.from(x).toString("base64");
      return [
        x,
        JSON.stringify(x).slice(1, -1),
        encodeURIComponent(x),
        b64,
        b64.replace(/=+$/, ""),
        Buffer.from(x).toString("base64url"),
        encodeURIComponent(b64),
      ];
    });

  it("invariant: every kind of secret (token, auth code, contact, contact extension) is hidden in every form: plain, trimmed, base64 padded, unpadded and URL-safe, JSON-escaped, URI-encoded", () => {
    // Padded so a trimmed form exists; each value's UTF-8 length leaves base64 "==" or "=" padding.
    const token = ` tok/en+Va"lue? `;
    const code = ` Au"th/Code+1\\x `;
    const email = ` jane+doe@home.example.org `;
    const vat = ` VAT 123/456 RC0001 `;
    rememberSecret(token, LABELS.token);
    rememberSecretInputs({ authCode: code, contacts: { registrant: { email } }, contactExtensions: { vat } });
    const paddings = [token, code, email, vat].map((v) =>
      Buffer.from(v.trim())
        .toString("base64")
        .replace(/^[^=]*/, ""),
    );
    assert.ok(paddings.includes("==") && paddings.includes("="), `the values must cover both paddings: ${paddings}`);
    const secrets = [
      { value: token, label: LABELS.token },
      { value: code, label: LABELS.authCode },
      { value: email, label: LABELS.contact },
      { value: vat, label: LABELS.contact },
    ];
    // One form a line: a space around a trimmed form would make it the untrimmed one.
    const text = secrets.flatMap(({ value }) => [...new Set(formsOf(value))]).join("\n");
    const hidden = secrets.flatMap(({ value, label }) => [...new Set(formsOf(value))].map(() => label)).join("\n");
    assert.equal(redact(text), hidden);
    // The same, given only for this message.
    forgetSecrets();
    assert.equal(redact(text), text);
    assert.equal(redact(text, secrets), hidden);
  });

  it("invariant: a value shorter than MIN_SECRET_LENGTH is no secret in any form; one that long is", () => {
    assert.equal(MIN_SECRET_LENGTH, 3);
    assert.deepEqual(secretForms("US"), []);
    // " ab " is long enough as given, its trimmed "ab" (base64 "YWI=") is not.
    const spaced = secretForms(" ab ");
    assert.ok(spaced.includes(" ab ") && !spaced.includes("ab") && !spaced.some((f) => f.startsWith("YWI")), String(spaced));
    rememberSecretInputs({ contactExtensions: { country: "US", lang: " ab ", type: "CCO" } });
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    assert.equal(redact(`US ${b64("US")} (ab) ${b64("ab")} CCO ${b64("CCO")}`), `US ${b64("US")} (ab) ${b64("ab")} [contact detail] [contact detail]`);
  });

  it(`invariant: a form shorter than ${WHOLE_WORD_BELOW} characters is hidden only as a whole word, one that long even inside a word`, () => {
    assert.equal(WHOLE_WORD_BELOW, 8);
    const seven = "Ab3De6G";
    const eight = "Hj4Kl7Mn";
    rememberSecret(seven, LABELS.token);
    rememberSecret(eight, LABELS.authCode);
    assert.equal(redact(`x${seven}y ${seven}, x${eight}y ${eight}`), `x${seven}y [api token], x[auth code]y [auth code]`);
  });

  it("invariant: a short form's word edges are its own: a word character next to a punctuation edge does not protect it, regex characters are literal", () => {
    rememberSecretInputs({ contactExtensions: { legal: "CCO", dotted: "a.b", tail: "a1#" }, authCode: "#a1" });
    assert.equal(
      redact("ACCOUNT ACCO, CCOB, CCO_ (CCO) CCO CCO. axb a.b a.bc a.b; a1#b xa1# x#a1 #a1y #a1"),
      "ACCOUNT ACCO, CCOB, CCO_ ([contact detail]) [contact detail] [contact detail]. axb [contact detail] a.bc [contact detail]; [contact detail]b xa1# x[auth code] #a1y [auth code]",
    );
  });

  it("invariant: forms are listed and replaced longest first, so no shorter form (or secret) splits a longer one", () => {
    const forms = secretForms(CODE);
    assert.deepEqual(
      [...forms].sort((a, b) => b.length - a.length),
      forms,
    );
    assert.deepEqual(new Set(forms), new Set(EVERY_FORM));
    // Unpadded base64 is a prefix of padded base64, and this token is inside this code.
    const token = "abcdefghij";
    const code = `xx-${token}-xx`;
    const padded = Buffer.from(token).toString("base64");
    assert.match(padded, /==$/);
    rememberSecret(token, LABELS.token);
    assert.equal(redact(`(${padded})`), "([api token])");
    rememberSecret(code, LABELS.authCode);
    assert.equal(redact(`(${code}) (${token})`), "([auth code]) ([api token])");
    forgetSecrets();
    rememberSecret(token, LABELS.token);
    assert.equal(redact(`(${code}) (${padded})`, [{ value: code, label: LABELS.authCode }]), "([auth code]) ([api token])");
  });

  it("invariant: a form keeps the label it was first met with, whether remembered or given for one message", () => {
    rememberSecret("Same-Value-1", LABELS.authCode);
    rememberSecret("Same-Value-1", LABELS.contact);
    assert.equal(redact("Same-Value-1"), "[auth code]");
    assert.equal(redact("Same-Value-1", [{ value: "Same-Value-1", label: LABELS.token }]), "[auth code]");
    assert.equal(
      redact("Other-Value-2", [
        { value: "Other-Value-2", label: LABELS.apiKey },
        { value: "Other-Value-2", label: LABELS.token },
      ]),
      "[api key]",
    );
  });

  it("invariant: every string inside contacts and contact extensions is remembered, at any depth, in arrays, and wrapped as Pulumi marks a secret", () => {
    const wrap = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
    for (const inputs of [undefined, null, "not-inputs", {}, { contacts: null, contactExtensions: 42 }])
      rememberSecretInputs(inputs as unknown as Record<string, unknown>);
    rememberSecretInputs({
      authCode: wrap("Wrapped#Code"),
      contacts: {
        registrant: { postalInfo: { address: { street: ["1 Secret Lane", wrap("Flat 9 Hidden")], postalCode: 94107, fax: null, ok: true } } },
        admin: wrap({ email: "admin@home.example" }),
      },
      contactExtensions: wrap({ nested: [{ number: "123456789RC0001" }] }),
    });
    assert.equal(
      redact("Wrapped#Code 1 Secret Lane Flat 9 Hidden admin@home.example 123456789RC0001 94107 true"),
      "[auth code] [contact detail] [contact detail] [contact detail] [contact detail] 94107 true",
    );
  });

  it("invariant: forgetSecrets forgets every secret met, and what is met afterwards is hidden again", () => {
    rememberSecret("first-secret-1", LABELS.token);
    rememberSecret("CCO", LABELS.contact);
    assert.equal(redact("first-secret-1 CCO"), "[api token] [contact detail]");
    forgetSecrets();
    assert.equal(redact("first-secret-1 CCO"), "first-secret-1 CCO");
    rememberSecret("second-secret-2", LABELS.token);
    assert.equal(redact("first-secret-1 second-secret-2"), "first-secret-1 [api token]");
  });

  it("invariant: what the shims hand the host (check failures, thrown errors, the bug line) never carries a secret input", async () => {
    const news = { domainName: "a.com", authCode: CODE };
    const checked = await failuresWhenExpected(news, async () => ({ inputs: news, failures: [{ property: "authCode", reason: `bad ${B64}` }] }));
    assert.deepEqual(checked.failures, [{ property: "", reason: "authCode: bad [auth code]" }]);
    const expected = await failuresWhenExpected(news, async () => {
      throw new RegistrarError(`refused ${CODE}`);
    });
    assert.deepEqual(expected.failures, [{ property: "", reason: "refused [auth code]" }]);
    const bug = await failuresWhenExpected(news, async () => {
      throw new TypeError(`bug near ${CODE}`);
    }).then(
      () => assert.fail("a bug must throw"),
      (e: Error) => e,
    );
    assert.ok(bug instanceof TypeError);
    for (const wrap of [quietWhenExpected, stackForBugs]) {
      for (const thrown of [new RegistrarError(`x ${B64}`), new TypeError(`y ${CODE}`)]) {
        const { value: e, text: printed } = await withStderr(() =>
          wrap(() => Promise.reject(thrown)).then(
            () => assert.fail("must throw"),
            (x: Error) => x,
          ),
        );
        assert.equal(e, thrown);
        for (const text of [e.message, e.stack!, printed]) assert.equal(leaks(text, CODE), undefined, text);
      }
    }
    for (const text of [bug.message, bug.stack!]) assert.equal(leaks(text, CODE), undefined, text);
    // Not an Error: a thrown string, or an object whose String() quotes the code.
    for (const wrap of [quietWhenExpected, stackForBugs]) {
      for (const thrown of [`z ${CODE}`, { toString: () => `w ${B64}` }]) {
        const { value: e, text: printed } = await withStderr(() =>
          wrap(() => Promise.reject(thrown)).then(
            () => assert.fail("must throw"),
            (x: unknown) => x,
          ),
        );
        for (const text of [String(e), printed]) assert.equal(leaks(text, CODE), undefined, text);
      }
    }
  });
});

describe("secrets: DomainRegistration's contacts through its shim", () => {
  it("invariant: a bad contact fails check on the resource, naming the field and never the contact's details", async () => {
    const contact = {
      email: "jane.at.home.example",
      phone: "+1 555 0100",
      postalInfo: { name: "Jane Q Doe", address: { street: "1 Secret Lane", city: "Hidden", state: "CA", postalCode: "94107", countryCode: "UK" } },
    };
    const { value: result, text: logged } = await withStderr(() => dynamic.check({}, { domainName: "launch.dev", contacts: { registrant: contact } }));
    const failures = result.failures ?? [];
    assert.deepEqual(
      failures.map((f) => f.property),
      failures.map(() => ""),
    );
    const reasons = failures.map((f) => f.reason).join("\n");
    for (const field of ["contacts.registrant.email", "contacts.registrant.phone", "contacts.registrant.postalInfo.address.countryCode"])
      assert.ok(reasons.includes(field), `${field} not named in:\n${reasons}`);
    assert.match(reasons, /The code for the United Kingdom is 'GB'/);
    for (const detail of [contact.email, contact.phone]) assert.equal(leaks(reasons + logged, detail), undefined, reasons);
  });
});
