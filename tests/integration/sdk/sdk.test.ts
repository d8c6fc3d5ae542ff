import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { Harness, startSim, TOKEN, ACCOUNT } from "../../support/sim";
import { unconfigureShims } from "../../support/shims";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

const registered: Registered[] = [];
/** What the mocked engine answers for a resource, by name; default: its inputs, active. */
const states = new Map<string, Record<string, unknown>>();
let sdk: typeof import("../../../sdk");

const contacts = {
  registrant: {
    email: "hostmaster@example.com",
    phone: "+1.5555555555",
    postalInfo: { name: "Ada", address: { street: "1 Main", city: "Austin", state: "TX", postalCode: "78701", countryCode: "US" } },
  },
};

const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

/** The dynamic-provider host's config object, over a plain map. */
const hostConfig = (values: Record<string, string>): pulumi.dynamic.Config => ({
  get: (key) => values[key],
  require: (key) => values[key] ?? assert.fail(`config ${key} is not set`),
});

describe("SDK under pulumi.runtime.setMocks", () => {
  // A shim another suite left configured would be serialized with its live provider (tests/support/shims.ts).
  before(unconfigureShims);
  before(() => {
    // Mocks are process-wide: each suite installs its own before it runs.
    pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          const state = states.get(args.name) ?? { ...args.inputs, status: "active", autoRenew: args.inputs.autoRenew ?? false };
          return { id: `${args.inputs.domainName}`, state };
        },
        call: () => ({}),
      },
      "sdk-test",
      "dev",
      false,
    );
    // Loaded after setMocks, as a program would be.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require("../../../sdk");
  });

  it("derives daysUntilExpiry and renewalRisk from the recorded state, in the program", async () => {
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000 + 3_600_000).toISOString();
    const cases: Array<[string, Record<string, unknown>, number | null, string]> = [
      ["lapsing", { status: "active", autoRenew: false, expiresAt: inDays(10) }, 10, "expiring"],
      ["renewing", { status: "active", autoRenew: true, expiresAt: inDays(10) }, 10, "none"],
      ["distant", { status: "active", autoRenew: false, expiresAt: inDays(90) }, 90, "none"],
      ["redeeming", { status: "redemption_period", autoRenew: false, expiresAt: inDays(-40) }, -40, "lapsed"],
      ["pending", { status: "registration_pending", autoRenew: false, expiresAt: null }, null, "none"],
    ];
    for (const [name, state, days, risk] of cases) {
      states.set(name, { domainName: `${name}.com`, ...state });
      const r = new sdk.DomainRegistration(name, { domainName: `${name}.com` });
      assert.equal(await value(r.daysUntilExpiry), days, name);
      assert.equal(await value(r.renewalRisk), risk, name);
    }
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

  it("tells each new resource the names declared alongside it, in windows of 20, for the preview's batched domain-check", async () => {
    const portfolio = Array.from({ length: 45 }, (_, i) => `p${i}-portfolio.com`);
    const resources = portfolio.map((d, i) => new sdk.DomainRegistration(`portfolio-${i}`, { domainName: d }));
    const fromOutput = new sdk.DomainRegistration("portfolio-output", { domainName: pulumi.output("late.com") });
    const lookedUp = sdk.DomainRegistration.get("portfolio-get", "held.com");
    await Promise.all([...resources, fromOutput, lookedUp].map((r) => value(r.urn)));
    const hint = (name: string) => registered.find((x) => x.name === name)!.inputs.__declaredAlongside as string[] | undefined;
    // Each resource's window is itself plus its hint: at most 20 names, shared by its members. Earlier tests
    // declared names too, so only the portfolio's part of each window is compared: together they cover it once.
    const windows = portfolio.map((d, i) => [d, ...(hint(`portfolio-${i}`) ?? [])].sort());
    assert.ok(windows.every((w) => w.length <= 20));
    const distinct = [...new Set(windows.map((w) => w.filter((n) => portfolio.includes(n)).join(" ")))].map((w) => w.split(" "));
    assert.deepEqual(distinct.flat().sort(), [...portfolio].sort());
    assert.ok(distinct.length <= 4, `${distinct.length} windows for 45 names`);
    for (const [i, d] of portfolio.entries()) assert.ok(!hint(`portfolio-${i}`)!.includes(d), "a resource is not its own neighbour");
    // A name not known in the program, and a lookup by id (never priced), carry no hint.
    assert.equal(hint("portfolio-output"), undefined);
    assert.equal(hint("portfolio-get"), undefined);
  });

  it("declares without formatting a stack per output promise, and leaves the program's stack traces as they were", async () => {
    const before = Error.stackTraceLimit;
    new sdk.DomainRegistration("traced", { domainName: "traced.com" });
    assert.equal(Error.stackTraceLimit, before);
    // An error from inside Pulumi's constructor still points at the program line that declared the resource.
    const err = (() => {
      try {
        new sdk.DomainRegistration(undefined as unknown as string, { domainName: "nameless.com" });
      } catch (e) {
        return e as Error;
      }
      return assert.fail("a resource without a name was accepted");
    })();
    assert.match(err.message, /name/i);
    assert.match(err.stack ?? "", /sdk\.test\.js/);
    assert.equal(Error.stackTraceLimit, before);
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

  describe("the outputs the provider returns", () => {
    let h: Harness;
    before(async () => {
      h = await startSim({ domains: { "pending.ca": { scenario: { kind: "action_required", action: "verify_registrant_email" } } } });
    });
    after(() => h.stop());
    after(unconfigureShims);

    it("are all readable from the program, with their values (a pending .ca purchase with every input)", async () => {
      // The provider module the SDK hands to Pulumi, run as the engine's dynamic-provider host runs it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const dynamic = require("../../../provider/host/registration") as typeof import("../../../provider/host/registration");
      await dynamic.configure({
        config: hostConfig({
          "cloudflare-registrar:apiToken": TOKEN,
          "cloudflare-registrar:accountId": ACCOUNT,
          "cloudflare-registrar:baseUrl": h.sim.baseUrl,
        }),
      });
      const args = {
        domainName: "pending.ca",
        autoRenew: false,
        years: 2,
        privacyMode: "off" as const,
        contacts,
        contactExtensions: { ca_legal_type: "CCO" },
        acknowledgements: { ca_registrant_agreement: true },
        maxPrice: 100,
      };
      const checked = await dynamic.check({}, args);
      assert.deepEqual(checked.failures, []);
      // action_required: the engine records the error's properties as the resource's state.
      const outs: Record<string, unknown> = await dynamic.create(checked.inputs!).then(
        () => assert.fail("the scenario should stop at action_required"),
        (e: { properties?: Record<string, unknown> }) => e.properties ?? assert.fail(`no partial state: ${e}`),
      );
      assert.deepEqual(Object.keys(outs).sort(), [
        "accountId",
        "acknowledgements",
        "autoRenew",
        "contactExtensions",
        "contacts",
        "createdAt",
        "domainName",
        "expiresAt",
        "locked",
        "maxPrice",
        "privacyMode",
        "quote",
        "requestedPrivacyMode",
        "status",
        "workflowState",
        "years",
      ]);

      states.set("pending", outs);
      const site = new sdk.DomainRegistration("pending", args);
      const declared = site as unknown as Record<string, pulumi.Output<unknown>>;
      // All declared before any is awaited: an undeclared output leaves the others unresolved.
      assert.deepEqual(
        Object.keys(outs).filter((key) => !pulumi.Output.isInstance(declared[key])),
        [],
        "returned by the provider, not declared by the resource",
      );
      for (const [key, expected] of Object.entries(outs)) assert.deepEqual(await value(declared[key]!), expected, key);
      assert.equal(await value(site.workflowState), "action_required");
      assert.equal(await value(site.requestedPrivacyMode), "off");
      assert.equal(await value(site.createdAt), null);
    });
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
      assert.deepEqual(checked[0], {
        name: "free.dev",
        normalizedName: "free.dev",
        registrable: true,
        tier: "standard",
        pricing: { currency: "USD", registrationCost: "12.00", renewalCost: "12.00" },
      });
      assert.equal(checked[1]!.reason, "domain_unavailable");
      const found = await sdk.searchDomains("rocket", { ...opts, extensions: ["app"], limit: 1 });
      assert.deepEqual(
        found.map((d) => d.name),
        ["rocket.app"],
      );
      assert.equal(found[0]!.normalizedName, undefined, "documented for checkDomains only");
    });

    it("checks only the settings it uses: a malformed env value an option overrides, or only the resource reads, does not fail it", async () => {
      const bad: Record<string, string> = {
        CLOUDFLARE_ACCOUNT_ID: "not-an-account",
        CLOUDFLARE_BASE_URL: "ftp://nowhere",
        CLOUDFLARE_REGISTRAR_WORKFLOW_TIMEOUT_SECONDS: "soon",
        CLOUDFLARE_REGISTRAR_FAIL_ON_EXPIRY_WARNING: "maybe",
      };
      const saved = Object.fromEntries(Object.keys(bad).map((k) => [k, process.env[k]]));
      Object.assign(process.env, bad);
      try {
        const checked = await sdk.checkDomains(["free.dev"], { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: h.sim.baseUrl });
        assert.equal(checked[0]!.registrable, true);
        // What it does use is still checked, and fails the call as a rejection naming its source.
        await assert.rejects(
          sdk.checkDomains(["free.dev"], { apiToken: TOKEN, baseUrl: h.sim.baseUrl }),
          /Env CLOUDFLARE_ACCOUNT_ID is 'not-an-account', not a Cloudflare account id/,
        );
      } finally {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
    });

    it("invariant: checkDomains answers every name given, in its order, as given, asking only about names a registry could sell", async () => {
      const opts = { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: h.sim.baseUrl };
      const given = ["Free.dev", "www.free.dev", "not a domain", "taken-b.dev", "co.uk", "bücher.dev", "free.dev."];
      h.sim.clearRequests();
      const checked = await sdk.checkDomains(given, opts);
      assert.deepEqual(
        checked.map((d) => [d.name, d.normalizedName, d.registrable, d.reason]),
        [
          ["Free.dev", "free.dev", true, undefined],
          ["www.free.dev", "www.free.dev", false, "name_is_subdomain"],
          ["not a domain", undefined, false, "name_malformed"],
          ["taken-b.dev", "taken-b.dev", false, "domain_unavailable"],
          ["co.uk", "co.uk", false, "name_is_extension"],
          ["bücher.dev", "xn--bcher-kva.dev", true, undefined],
          ["free.dev.", "free.dev", true, undefined],
        ],
      );
      assert.match(checked[1]!.advice!, /^'www\.free\.dev' is a subdomain of 'free\.dev'/);
      assert.match(checked[2]!.advice!, /^'not a domain' contains a space/);
      assert.equal(checked[0]!.advice, undefined, "advice only with this package's reasons");
      assert.deepEqual(checked[6]!.pricing, checked[0]!.pricing, "a repeated name gets the same answer");
      const asked = h.sim.requests({ endpoint: "domain-check" });
      assert.deepEqual(
        asked.map((r) => r.domains),
        [["free.dev", "taken-b.dev", "xn--bcher-kva.dev"]],
        "one request, each sellable name once, normalised",
      );
    });

    it("checkDomains names a domain the API left out of its answer, instead of dropping it", async () => {
      // Registrable by the Public Suffix List (pvt.k12.ma.us is an ICANN suffix), but a subdomain to the
      // simulator, whose catalogue knows only `us`: asked about, and left out of the answer.
      const opts = { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: h.sim.baseUrl };
      const checked = await sdk.checkDomains(["school.pvt.k12.ma.us", "free.dev"], opts);
      assert.deepEqual(
        checked.map((d) => [d.name, d.registrable, d.reason]),
        [
          ["school.pvt.k12.ma.us", false, "not_answered"],
          ["free.dev", true, undefined],
        ],
      );
      assert.match(checked[0]!.advice!, /domain-check gave no answer for 'school\.pvt\.k12\.ma\.us'/);
    });

    it("take pulumi.Inputs in their Output forms, and answer as the promise forms do", async () => {
      const opts = { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: h.sim.baseUrl };
      const checked = sdk.checkDomainsOutput(pulumi.output(["free.dev", pulumi.output("taken-b.dev")]), {
        ...opts,
        apiToken: pulumi.secret(TOKEN),
        accountId: pulumi.output(ACCOUNT),
      });
      assert.deepEqual(await value(checked), await sdk.checkDomains(["free.dev", "taken-b.dev"], opts));
      assert.equal(await pulumi.isSecret(checked), true, "a secret input makes the answer secret");

      const found = sdk.searchDomainsOutput(pulumi.output("rocket"), { ...opts, extensions: pulumi.output([pulumi.output("app")]), limit: pulumi.output(1) });
      assert.deepEqual(
        (await value(found)).map((d) => d.name),
        ["rocket.app"],
      );
      assert.equal(await pulumi.isSecret(found), false);
    });
  });
});

describe("importing the SDK", () => {
  let h: Harness;
  before(async () => {
    h = await startSim();
  });
  after(() => h.stop());

  it("loads neither the client nor undici nor zod until a function is called, which then works", async () => {
    const dist = path.resolve(__dirname, "../../..");
    const script = `
      const path = require("node:path");
      const dist = process.env.SDK_DIST;
      const heavy = () => Object.keys(require.cache)
        .filter((k) => /[\\/]node_modules[\\/](undici|zod)[\\/]/.test(k) || k === path.join(dist, "provider", "api", "client.js"))
        .map((k) => (k.includes("node_modules") ? k.split(/[\\/]node_modules[\\/]/).pop().split(/[\\/]/)[0] : "client"));
      const sdk = require(path.join(dist, "sdk"));
      const onImport = heavy();
      sdk.checkDomains(["free.dev"], { apiToken: process.env.SIM_TOKEN, accountId: process.env.SIM_ACCOUNT, baseUrl: process.env.SIM_BASE_URL })
        .then((answer) => console.log(JSON.stringify({ onImport, afterCall: [...new Set(heavy())].sort(), answer })))
        .catch((e) => { console.error(e); process.exit(1); });
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ["--require", path.join(dist, "tests", "support", "netGuard.js"), "-e", script], {
      env: { ...process.env, SDK_DIST: dist, SIM_TOKEN: TOKEN, SIM_ACCOUNT: ACCOUNT, SIM_BASE_URL: h.sim.baseUrl },
    });
    const { onImport, afterCall, answer } = JSON.parse(stdout);
    assert.deepEqual(onImport, []);
    // The same probe sees them once a call needs them, so the empty list above is not a blind spot.
    assert.deepEqual(afterCall, ["client", "undici", "zod"]);
    assert.deepEqual(
      answer.map((d: { name: string; registrable: boolean }) => [d.name, d.registrable]),
      [["free.dev", true]],
    );
  });
});
