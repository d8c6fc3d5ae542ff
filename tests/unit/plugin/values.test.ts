import { strict as assert } from "node:assert";
import { engineAddressOf } from "../../../provider/host/plugin/main";
import { checkConfig, configLookup, configureArgs } from "../../../provider/host/plugin/config";
import { Messages, Severity } from "../../../provider/host/plugin/messages";
import { typeOfUrn } from "../../../provider/host/plugin/resources";
import { SECRET_SIG, SIG_KEY, unwrapSecrets, wrapSecrets } from "../../../provider/host/plugin/values";
import { UNKNOWN } from "../../../provider/domain/validation";

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });

describe("the plugin's values, settings and messages (pure)", () => {
  it("unwraps secrets anywhere in a value and remembers which top-level keys held one; drops the dynamic provider's __provider", () => {
    const { values, secretKeys } = unwrapSecrets({
      domainName: "a.com",
      contacts: { registrant: { email: secret("x@y.org") } },
      authCode: secret("code-1"),
      autoRenew: UNKNOWN,
      __provider: "exports.handler = ...",
    });
    assert.deepEqual(values, { domainName: "a.com", contacts: { registrant: { email: "x@y.org" } }, authCode: "code-1", autoRenew: UNKNOWN });
    assert.deepEqual([...secretKeys].sort(), ["authCode", "contacts"]);
  });

  it("wraps the secret inputs always, and any key that arrived secret; leaves absent values out and never wraps twice", () => {
    const wrapped = wrapSecrets({ domainName: "a.com", contacts: { r: 1 }, contactExtensions: secret({ k: "v" }), maxPrice: 9, years: undefined }, [
      "maxPrice",
    ]);
    assert.deepEqual(wrapped, { domainName: "a.com", contacts: secret({ r: 1 }), contactExtensions: secret({ k: "v" }), maxPrice: secret(9) });
  });

  it("reads settings by their full key, from typed arguments as the engine sends them", () => {
    const get = configLookup({ accountId: "abc", sandbox: true, requestsPerFiveMinutes: 600 });
    assert.equal(get("cloudflare-registrar:accountId"), "abc");
    assert.equal(get("cloudflare-registrar:sandbox"), "true");
    assert.equal(get("cloudflare-registrar:requestsPerFiveMinutes"), "600");
    assert.equal(get("cloudflare:apiToken"), undefined);
    assert.equal(get("cloudflare-registrar:baseUrl"), undefined);
  });

  it("takes Configure's args, else its legacy variables in either key form", () => {
    assert.deepEqual(configureArgs({ accountId: "a" }, [["cloudflare-registrar:config:accountId", "b"]]), { accountId: "a" });
    assert.deepEqual(
      configureArgs({}, [
        ["cloudflare-registrar:config:accountId", "b"],
        ["cloudflare-registrar:sandbox", "true"],
        ["aws:region", "x"],
      ]),
      { accountId: "b", sandbox: "true" },
    );
  });

  it("CheckConfig: a malformed setting is named with its value and fix; a good configuration has no failure", () => {
    assert.deepEqual(checkConfig({ accountId: "0123456789abcdef0123456789abcdef", sandbox: "false" }, {}), []);
    const [f] = checkConfig({ sandbox: "yes" }, {});
    assert.equal(f!.property, "sandbox");
    assert.match(f!.reason, /'yes', not a boolean: `pulumi config set cloudflare-registrar:sandbox true`/);
    const [bad] = checkConfig({ accountId: "nope" }, {});
    assert.equal(bad!.property, "accountId");
    assert.match(bad!.reason, /nope/);
  });

  it("the type token of a resource's URN, nested under a parent or not", () => {
    assert.equal(typeOfUrn("urn:pulumi:dev::p::cloudflare-registrar:index:DomainRegistration::site"), "cloudflare-registrar:index:DomainRegistration");
    assert.equal(typeOfUrn("urn:pulumi:dev::p::my:Component$cloudflare-registrar:index:DomainTransfer::t"), "cloudflare-registrar:index:DomainTransfer");
  });

  it("each message goes with the URN of the call it was made in, concurrent calls apart, and is delivered before the call answers", async () => {
    const seen: Array<[Severity, string, string]> = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const m = new Messages(async (severity, message, urn) => {
      if (message === "slow") await slow;
      seen.push([severity, message, urn]);
    });
    let answered = false;
    const a = m.during("urn:a", async () => {
      m.info("slow");
      return "a";
    });
    const b = m.during("urn:b", async () => {
      await new Promise((r) => setTimeout(r, 1));
      m.warn("from b");
    });
    void a.then(() => (answered = true));
    await b;
    assert.equal(answered, false, "a waits for its message");
    release();
    assert.equal(await a, "a");
    assert.deepEqual(seen, [
      [Severity.Warning, "from b", "urn:b"],
      [Severity.Info, "slow", "urn:a"],
    ]);
  });
});

describe("the plugin's arguments", () => {
  it("the engine's address is the last argument, after any flags and their values", () => {
    assert.equal(engineAddressOf(["127.0.0.1:4000"]), "127.0.0.1:4000");
    assert.equal(engineAddressOf(["--logtostderr", "-v=9", "--tracing", "file:/tmp/t.json", "127.0.0.1:4000"]), "127.0.0.1:4000");
    assert.equal(engineAddressOf([]), undefined);
    assert.equal(engineAddressOf(["--logflow"]), undefined);
  });
});
