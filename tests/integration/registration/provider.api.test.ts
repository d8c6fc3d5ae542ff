import { strict as assert } from "node:assert";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { ACCOUNT, Harness, startSim } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

const registrant = {
  email: "hostmaster@example.com",
  phone: "+1.5555555555",
  postalInfo: { name: "Ada Lovelace", address: { street: "1 Main St", city: "Austin", state: "TX", postalCode: "78701", countryCode: "US" } },
};
const usNexus = { us_nexus_category: "C11", us_app_purpose: "P1" };

/** The provider against the Registrar API as the 7.3.0 SDK describes it (the simulator models it on its own). */
describe("RegistrationProvider against the API as it is today", () => {
  let h: Harness;
  let p: RegistrationProvider;
  let logs: string[];
  const start = async (opts: SimulatorOptions = {}, client = {}) => {
    h = await startSim(opts);
    logs = [];
    p = new RegistrationProvider({
      client: h.clientOptions(client),
      poll: { initialIntervalMs: 20, maxIntervalMs: 100, deadlineMs: 5_000 },
      log: (m) => logs.push(m),
    });
  };
  afterEach(async () => {
    await p.close();
    await h.stop();
  });
  const posts = () => h.sim.requests({ endpoint: "create-registration" }).length;
  const reasons = (failures: Array<{ reason: string }>) => failures.map((f) => f.reason).join("\n");

  describe("registrability comes from the API", () => {
    beforeEach(() => start());

    for (const domainName of ["example.io", "example.co.uk", "example.ai", "xn--bcher-kva.de"]) {
      it(`prices ${domainName}, which the old allow-list refused`, async () => {
        const news: Record<string, unknown> = { domainName };
        if (domainName.endsWith(".uk")) news.contactExtensions = { uk_registrant_type: "LTD" };
        const { failures, inputs } = await p.check(undefined, news);
        assert.deepEqual(failures, []);
        assert.ok((inputs.quote as { firstTermTotal: string }).firstTermTotal);
      });
    }

    for (const domainName of ["example.cc", "example.link"]) {
      it(`refuses ${domainName}, dashboard-only today, pointing to the dashboard with the account id`, async () => {
        const { failures } = await p.check(undefined, { domainName });
        assert.equal(failures.length, 1);
        assert.match(
          failures[0]!.reason,
          new RegExp(`dashboard but not through the API\\. Register it at https://dash\\.cloudflare\\.com/${ACCOUNT}/domains/registrations`),
        );
        assert.equal(posts(), 0);
      });
    }

    it("refuses an extension Cloudflare does not sell at all, naming it", async () => {
      const { failures } = await p.check(undefined, { domainName: "example.zz" });
      assert.match(reasons(failures), /does not sell '\.zz' at all/);
    });
  });

  describe("per-extension rules from the extension's registration schema", () => {
    beforeEach(() => start());

    it("refuses .us without contactExtensions, naming each key and its allowed values", async () => {
      const { failures } = await p.check(undefined, { domainName: "example.us" });
      assert.equal(failures.length, 1);
      assert.equal(failures[0]!.property, "contactExtensions");
      assert.match(failures[0]!.reason, /us_nexus_category: one of C11, C12, C21, C31, C32/);
      assert.match(failures[0]!.reason, /us_app_purpose: one of P1, P2, P3, P4, P5/);
    });

    it("refuses a .us nexus value the schema does not allow, in the SDK's field names", async () => {
      const { failures } = await p.check(undefined, { domainName: "example.us", contactExtensions: { ...usNexus, us_nexus_category: "C99" } });
      assert.deepEqual(
        failures.map((f) => f.property),
        ["contactExtensions.us_nexus_category"],
      );
      assert.match(failures[0]!.reason, /must be one of C11, C12, C21, C31, C32 for '\.us', got \(a secret, not shown\)/);
      assert.ok(!failures[0]!.reason.includes("C99"));
    });

    it("registers .us with contactExtensions sent verbatim; one POST, secret-worthy input echoed", async () => {
      const checked = await p.check(undefined, { domainName: "example.us", contactExtensions: usNexus });
      assert.deepEqual(checked.failures, []);
      const { outs } = await p.create(checked.inputs);
      assert.equal(outs.status, "active");
      assert.deepEqual(outs.contactExtensions, usNexus);
      assert.equal(posts(), 1);
    });

    it("needs both contactExtensions and acknowledgements for .ca", async () => {
      const bare = await p.check(undefined, { domainName: "example.ca" });
      assert.deepEqual(bare.failures.map((f) => f.property).sort(), ["acknowledgements", "contactExtensions"]);
      const full = await p.check(undefined, {
        domainName: "example.ca",
        contactExtensions: { ca_legal_type: "CCO" },
        acknowledgements: { ca_registrant_agreement: true },
      });
      assert.deepEqual(full.failures, []);
    });

    it("refuses a contact role the extension does not accept before any write", async () => {
      const { failures } = await p.check(undefined, { domainName: "example.com", contacts: { registrant, technical: registrant }, contactExtensions: usNexus });
      assert.ok(
        failures.some((f) => f.property === "contactExtensions" && /not accepted for '\.com'/.test(f.reason)),
        reasons(failures),
      );
      assert.equal(posts(), 0);
    });

    it("fetches an extension's rules once per process, however many domains use it", async () => {
      for (const d of ["a.us", "b.us", "c.us"]) await p.check(undefined, { domainName: d, contactExtensions: usNexus });
      assert.equal(h.sim.requests({ endpoint: "get-extension" }).length, 1);
    });
  });

  describe("minimum terms", () => {
    beforeEach(() => start());

    it("prices .ai with years omitted at its 2-year minimum, guards maxPrice on that, and is charged exactly the quote", async () => {
      const above = await p.check(undefined, { domainName: "example.ai", maxPrice: 100 });
      assert.equal(above.failures[0]?.property, "maxPrice", "80 + 75 = 155 is above 100; a 1-year quote (80) would have passed");
      const { inputs, failures } = await p.check(undefined, { domainName: "example.ai", maxPrice: 155 });
      assert.deepEqual(failures, []);
      assert.deepEqual(inputs.quote, { currency: "USD", registrationCost: "80.00", renewalCost: "75.00", years: 2, firstTermTotal: "155.00" });
      await p.create(inputs);
      const [charge] = h.sim.charges({ domain: "example.ai" });
      assert.equal(charge!.years, 2);
      assert.equal(charge!.amount, "155.00");
    });

    it("sends an explicit years: 1 when the extension publishes no rules, so the charge is what was quoted", async () => {
      h.sim.addFault({ endpoint: "get-extension", kind: "status", status: 404 });
      const { inputs } = await p.check(undefined, { domainName: "example.io" });
      assert.equal((inputs.quote as { years: number }).years, 1);
      await p.create(inputs);
      const [charge] = h.sim.charges({ domain: "example.io" });
      assert.equal(charge!.years, 1);
      assert.equal(charge!.amount, "42.00");
    });
  });

  describe("a domain mid-transfer (transfer_pending)", () => {
    it("is adopted as transfer_pending, never bought and never PATCHed; update waits; refresh follows it to active", async () => {
      await start({ registrations: [{ domain_name: "moving.com", status: "transfer_pending", auto_renew: false, expires_at: null }] });
      const checked = await p.check(undefined, { domainName: "moving.com", autoRenew: true });
      assert.deepEqual(checked.failures, []);
      assert.match(logs.join("\n"), /transferring into the account \(transfer_pending\)/);
      const { outs } = await p.create(checked.inputs);
      assert.equal(outs.status, "transfer_pending");
      assert.equal(outs.autoRenew, false);
      assert.equal(posts(), 0);
      assert.equal(h.sim.requests({ endpoint: "update-registration" }).length, 0);
      await assert.rejects(
        p.update("moving.com", outs as never, { domainName: "moving.com", autoRenew: true }),
        /still transferring into the account.*pulumi refresh/,
      );
      assert.equal(h.sim.requests({ endpoint: "update-registration" }).length, 0);

      h.sim.registry.patchOutOfBand(ACCOUNT, "moving.com", { status: "active", expires_at: "2027-11-23T00:00:00.000Z" });
      const read = await p.read("moving.com", outs as never);
      assert.equal((read.props as { status: string }).status, "active");
      const updated = await p.update("moving.com", read.props as never, { domainName: "moving.com", autoRenew: true });
      assert.equal(updated.outs.autoRenew, true);
      assert.equal(h.sim.requests({ endpoint: "update-registration" }).length, 1);
    });
  });

  describe("the Registrar Sandbox", () => {
    it("sends every request under /registrar-sandbox, says so in the price line, and buys nothing real", async () => {
      await start({}, { sandbox: true });
      const checked = await p.check(undefined, { domainName: "trial.com", contacts: { registrant } });
      assert.deepEqual(checked.failures, []);
      assert.match(logs.join("\n"), /trial\.com: available; registering it will cost USD 10\.44 for 1 year .* in the Registrar Sandbox \(no real charge\)/);
      await p.create(checked.inputs);
      assert.ok(
        h.sim.requests().every((r) => r.namespace === "registrar-sandbox"),
        JSON.stringify(h.sim.requests().map((r) => r.path)),
      );
      assert.deepEqual(h.sim.charges({ namespace: "registrar" }), []);
      assert.equal(h.sim.charges({ namespace: "registrar-sandbox" }).length, 1);
    });

    it("refuses what the sandbox does not sell, and requires contacts as it does", async () => {
      await start({}, { sandbox: true });
      const io = await p.check(undefined, { domainName: "trial.io", contacts: { registrant } });
      assert.match(reasons(io.failures), /dashboard but not through the API/);
      const bare = await p.check(undefined, { domainName: "trial.net" });
      assert.ok(
        bare.failures.some((f) => f.property === "contacts"),
        reasons(bare.failures),
      );
    });
  });
});
