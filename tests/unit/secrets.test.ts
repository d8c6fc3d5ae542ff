import { strict as assert } from "node:assert";
import { failuresWhenExpected, quietWhenExpected, stackForBugs } from "../../provider/hostErrors";
import { RegistrarError, ValidationError } from "../../provider/errors";
import { failuresForEngine, forgetSecrets, LABELS, redact, redactError, rememberSecret, rememberSecretInputs, secretForms } from "../../provider/secrets";
import * as dynamic from "../../provider/dynamic";
import * as transfer from "../../provider/transfer/dynamic";
import * as path from "node:path";
import { REPO_ROOT, runNode } from "../support/packed";
import { ACCOUNT, Harness, startSim, TOKEN } from "../support/sim";
import { unconfigureShims } from "../support/shims";
import { withStderr } from "../support/stderr";

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
    ]);
    assert.deepEqual(out, [
      { property: "", reason: "authCode is empty. Give the code." },
      { property: "", reason: "authCode: Cannot transfer 'a.com' [invalid_auth_code]: the registrar rejected [auth code]." },
      { property: "", reason: "Cannot change the contacts of 'a.com'." },
      { property: "", reason: "contacts.registrant.email is not an email address." },
      { property: "", reason: "contactExtensions must be an object." },
      { property: "domainName", reason: "domainName 'a.com' is taken; [auth code]" },
      { property: "authCodeHint", reason: "not a secret input, only a prefix of one" },
    ]);
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

describe("secrets: the serialized shims", () => {
  it("invariant: a secret met in the program process (a token an SDK function used) is not captured when a program serializes the shims", async function () {
    this.timeout(60_000);
    const secret = "program-side-token-5e1f";
    // A fresh process, as a program is: this one has called the shims, whose provider instance cannot be serialized.
    const script = `
      const dist = ${JSON.stringify(path.join(REPO_ROOT, "dist"))};
      const secrets = require(dist + "/provider/secrets");
      secrets.rememberSecret(${JSON.stringify(secret)}, secrets.LABELS.token);
      // What pulumi.dynamic.Resource does with the provider object (@pulumi/pulumi dynamic/index.js).
      const { serializeFunction } = require("@pulumi/pulumi/runtime/closure/serializeClosure");
      (async () => {
        for (const m of ["/provider/dynamic", "/provider/transfer/dynamic"]) {
          const shim = require(dist + m);
          console.log((await serializeFunction(() => shim, { allowSecrets: true })).text);
        }
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const text = await runNode(REPO_ROOT, script);
    assert.match(text, /failuresWhenExpected/);
    assert.equal(leaks(text, secret), undefined, text);
  });
});
