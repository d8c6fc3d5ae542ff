import { strict as assert } from "node:assert";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { Harness, startSim } from "../../support/sim";

const contact = {
  email: "hostmaster@example.com",
  phone: "+1.5555555555",
  postalInfo: { name: "Ada Lovelace", address: { street: "1 Main St", city: "Austin", state: "TX", postalCode: "78701", countryCode: "US" } },
};

/** Inputs used only at purchase, given for a domain this stack does not buy: never dropped without a word. */
describe("create-only inputs an adoption cannot apply", () => {
  let h: Harness;
  let p: RegistrationProvider;
  let logs: string[];
  beforeEach(async () => {
    h = await startSim({ registrations: [{ domain_name: "owned.com", auto_renew: true }] });
    logs = [];
    p = new RegistrationProvider({ client: h.clientOptions(), log: (m) => logs.push(m) });
  });
  afterEach(async () => {
    await p.close();
    await h.stop();
  });
  const warnings = () => logs.filter((l) => l.startsWith("cloudflare-registrar: warning: "));

  it("the preview of a new resource that adopts an owned domain warns of each input it will not apply, showing no contact", async () => {
    const { failures } = await p.check(undefined, {
      domainName: "owned.com",
      autoRenew: true,
      privacyMode: "off",
      years: 3,
      contacts: { registrant: contact },
    });
    assert.deepEqual(failures, []);
    assert.equal(warnings().length, 1);
    assert.match(
      warnings()[0]!,
      /owned\.com is already in the account and is adopted, not bought, so years 3, privacyMode "off" \(the registration's is "redaction"\) and contacts are not applied: they are used only when a domain is bought\./,
    );
    assert.ok(!warnings()[0]!.includes("Ada Lovelace") && !warnings()[0]!.includes("hostmaster"), "contacts are named, never shown");
  });

  it("says nothing when the program asks for what the registration already has", async () => {
    await p.check(undefined, { domainName: "owned.com", autoRenew: true, privacyMode: "redaction" });
    assert.deepEqual(warnings(), []);
  });

  it("an adopted resource whose program adds privacyMode: 'off' stays unchanged, and every preview says why", async () => {
    const { inputs } = await p.check(undefined, { domainName: "owned.com", autoRenew: true });
    const { outs } = await p.create(inputs);
    logs.length = 0;
    const news = { domainName: "owned.com", autoRenew: true, privacyMode: "off" };
    const checked = await p.check(inputs, news);
    assert.deepEqual(checked.failures, []);
    const diff = await p.diff("owned.com", outs as never, checked.inputs);
    assert.equal(diff.changes, false);
    assert.equal(warnings().length, 1);
    assert.match(warnings()[0]!, /owned\.com was adopted, not bought, so privacyMode "off" \(the registration's is "redaction"\) is not applied/);
    logs.length = 0;
    await p.diff("owned.com", outs as never, { ...checked.inputs, privacyMode: "redaction", years: 2 });
    assert.match(warnings()[0]!, /so years 2 is not applied/, "a term added after the adoption buys nothing either");
  });

  it("a domain this stack bought warns only of a privacyMode its registration does not have", async () => {
    const { inputs } = await p.check(undefined, { domainName: "bought.com" });
    const { outs } = await p.create(inputs);
    logs.length = 0;
    await p.diff("bought.com", outs as never, { ...inputs, years: 1, privacyMode: "redaction" });
    assert.deepEqual(warnings(), []);
    await p.diff("bought.com", outs as never, { ...inputs, privacyMode: "off" });
    assert.match(warnings()[0]!, /bought\.com is already bought, so privacyMode "off" \(the registration's is "redaction"\) is not applied/);
  });
});
