import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { Harness, startSim, TOKEN, ACCOUNT } from "./support/sim";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

const registered: Registered[] = [];
let sdk: typeof import("../sdk");

const contacts = {
  registrant: {
    email: "hostmaster@example.com",
    phone: "+1.5555555555",
    postalInfo: { name: "Ada", address: { street: "1 Main", city: "Austin", state: "TX", postalCode: "78701", countryCode: "US" } },
  },
};

const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

describe("SDK under pulumi.runtime.setMocks", () => {
  before(() => {
    // Mocks are process-wide: each suite installs its own before it runs.
    pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          return { id: `${args.inputs.domainName}`, state: { ...args.inputs, status: "active", autoRenew: args.inputs.autoRenew ?? false } };
        },
        call: () => ({}),
      },
      "sdk-test",
      "dev",
      false,
    );
    // Loaded after setMocks, as a program would be.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require("../sdk");
  });

  it("registers the DomainRegistration type token with the user's inputs", async () => {
    const site = new sdk.DomainRegistration("site", { domainName: "example.com", autoRenew: true, years: 2, maxPrice: 20 });
    assert.equal(await value(site.urn), "urn:pulumi:dev::sdk-test::pulumi-nodejs:dynamic/cloudflare-registrar:DomainRegistration::site");
    const r = registered.find((x) => x.name === "site")!;
    assert.equal(r.type, "pulumi-nodejs:dynamic/cloudflare-registrar:DomainRegistration");
    assert.equal(r.inputs.domainName, "example.com");
    assert.equal(r.inputs.autoRenew, true);
    assert.equal(r.inputs.years, 2);
    assert.equal(r.inputs.maxPrice, 20);
    assert.equal(typeof r.inputs.__provider, "string");
    assert.equal(await value(site.status), "active");
    assert.equal(await value(site.id), "example.com");
  });

  it("makes contacts a secret output, and never sends a token as an input", async () => {
    // The token where a program could pick it up: the stack config and the environment (which
    // netGuard cleared), so its absence below means the SDK left it out.
    pulumi.runtime.setConfig("cloudflare-registrar:apiToken", TOKEN);
    process.env.CLOUDFLARE_API_TOKEN = TOKEN;
    let r: Registered;
    try {
      const site = new sdk.DomainRegistration("private", { domainName: "private.com", contacts });
      assert.equal(await pulumi.isSecret(site.contacts), true);
      assert.deepEqual(await value(site.contacts), contacts);
      r = registered.find((x) => x.name === "private")!;
    } finally {
      delete process.env.CLOUDFLARE_API_TOKEN;
      pulumi.runtime.setConfig("cloudflare-registrar:apiToken", "");
    }
    assert.equal(typeof r.inputs.__provider, "string");
    assert.ok(!Object.keys(r.inputs).some((k) => /token|key/i.test(k)), `inputs: ${Object.keys(r.inputs)}`);
    assert.ok(!JSON.stringify(r.inputs).includes(TOKEN), "the token is in the inputs (or the serialized provider in them)");
  });

  describe("checkDomains and searchDomains", () => {
    let h: Harness;
    before(async () => {
      h = await startSim();
    });
    after(() => h.stop());

    it("check and search through the API with explicit settings, in the SDK's names", async () => {
      const opts = { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: h.sim.baseUrl };
      const checked = await sdk.checkDomains(["free.dev", "taken-b.dev"], opts);
      assert.deepEqual(checked[0], { name: "free.dev", registrable: true, tier: "standard", pricing: { currency: "USD", registrationCost: "12.00", renewalCost: "12.00" } });
      assert.equal(checked[1]!.reason, "domain_unavailable");
      const found = await sdk.searchDomains("rocket", { ...opts, extensions: ["app"], limit: 1 });
      assert.deepEqual(found.map((d) => d.name), ["rocket.app"]);
    });
  });
});
