import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";
import { unconfigureShims } from "../../support/shims";

const CODE = "sdk-Auth+Code/1";

/** What the mocked engine answers for a resource, by name; default: its inputs, transferring. */
const states = new Map<string, Record<string, unknown>>();
const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

describe("DomainTransfer and checkTransfers (SDK)", () => {
  // A shim another suite left configured would be serialized with its live provider (tests/support/shims.ts).
  before(unconfigureShims);
  let sdk: typeof import("../../../sdk");
  const registered: Array<{ type: string; name: string; inputs: Record<string, unknown> }> = [];
  before(() => {
    // Mocks are process-wide: each suite installs its own before it runs.
    pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          const state = states.get(args.name) ?? { ...args.inputs, status: "transfer_pending", transferState: "blocked" };
          return { id: `${args.inputs.domainName}`, state };
        },
        call: () => ({}),
      },
      "sdk-transfer-test",
      "dev",
      false,
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdk = require("../../../sdk");
  });

  it("registers the DomainTransfer type token with the user's inputs, the auth code as a secret", async () => {
    const t = new sdk.DomainTransfer("moving", { domainName: "example.com", authCode: CODE, autoRenew: true, maxPrice: 12 });
    const urn = await new Promise<string>((resolve) => t.urn.apply(resolve));
    assert.equal(urn, "urn:pulumi:dev::sdk-transfer-test::pulumi-nodejs:dynamic/cloudflare-registrar:DomainTransfer::moving");
    const r = registered.find((x) => x.name === "moving")!;
    assert.equal(r.type, "pulumi-nodejs:dynamic/cloudflare-registrar:DomainTransfer");
    // The engine receives the secret envelope (its signature key), never a bare string.
    assert.deepEqual(r.inputs.authCode, { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: CODE });
    assert.equal(r.inputs.maxPrice, 12);
    assert.equal(typeof r.inputs.__provider, "string");
    assert.ok(!(r.inputs.__provider as string).includes(CODE));
    assert.equal(await new Promise((resolve) => t.status.apply(resolve)), "transfer_pending");
  });

  it("derives daysUntilExpiry and renewalRisk from the recorded state, as DomainRegistration does: a transferred domain can lapse too", async () => {
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000 + 3_600_000).toISOString();
    const cases: Array<[string, Record<string, unknown>, number | null, string]> = [
      ["t-lapsing", { status: "active", autoRenew: false, expiresAt: inDays(10) }, 10, "expiring"],
      ["t-renewing", { status: "active", autoRenew: true, expiresAt: inDays(10) }, 10, "none"],
      ["t-expired", { status: "expired", autoRenew: false, expiresAt: inDays(-3) }, -3, "lapsed"],
      ["t-moving", { status: "transfer_pending", autoRenew: false, expiresAt: null }, null, "none"],
    ];
    for (const [name, state, days, risk] of cases) {
      states.set(name, { domainName: `${name}.com`, ...state });
      const t = new sdk.DomainTransfer(name, { domainName: `${name}.com`, authCode: CODE });
      assert.equal(await value(t.daysUntilExpiry), days, name);
      assert.equal(await value(t.renewalRisk), risk, name);
    }
  });

  describe("the outputs the provider records", () => {
    let h: Harness;
    before(async () => {
      h = await startSim({ transferMs: 60_000, domains: { "taken-outputs.com": { authCode: CODE } } });
    });
    after(() => h.stop());
    after(unconfigureShims);

    it("are all declared by DomainTransfer and readable from the program, requestedPrivacyMode included", async () => {
      // The provider module the SDK hands to Pulumi, run as the engine's dynamic-provider host runs it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const dynamic = require("../../../provider/host/transfer") as typeof import("../../../provider/host/transfer");
      const values: Record<string, string> = {
        "cloudflare-registrar:apiToken": TOKEN,
        "cloudflare-registrar:accountId": ACCOUNT,
        "cloudflare-registrar:baseUrl": h.sim.baseUrl,
        "cloudflare-registrar:transferWaitSeconds": "0",
      };
      await dynamic.configure({ config: { get: (key) => values[key], require: (key) => values[key] ?? assert.fail(`config ${key} is not set`) } });
      const args = { domainName: "taken-outputs.com", authCode: CODE, autoRenew: false, privacyMode: "off" as const, maxPrice: 50 };
      const checked = await dynamic.check({}, args);
      assert.deepEqual(checked.failures, []);
      const outs: Record<string, unknown> = (await dynamic.create(checked.inputs!)).outs!;
      assert.equal(outs.status, "transfer_pending");
      assert.equal(outs.requestedPrivacyMode, "off");

      states.set("recorded", outs);
      const t = new sdk.DomainTransfer("recorded", args);
      const declared = t as unknown as Record<string, pulumi.Output<unknown>>;
      // All declared before any is awaited: an undeclared output leaves the others unresolved.
      assert.deepEqual(
        Object.keys(outs).filter((key) => !pulumi.Output.isInstance(declared[key])),
        [],
        "recorded by the provider, not declared by the resource",
      );
      for (const [key, expected] of Object.entries(outs)) assert.deepEqual(await value(declared[key]!), expected, key);
      assert.equal(await value(t.requestedPrivacyMode), "off");
    });
  });

  describe("checkTransfers", () => {
    let h: Harness;
    before(async () => {
      h = await startSim({ domains: { "taken-c3.com": { authCode: "right" }, "taken-ok.com": { authCode: "right" } } });
    });
    after(() => h.stop());

    it("checks 14 domains in 2 requests, with prices and each reason translated; codes are sent base64-encoded", async () => {
      const opts = { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: h.sim.baseUrl };
      const domains = Array.from({ length: 12 }, (_, i) => ({ domainName: `taken-c${i}.com`, authCode: i === 3 ? "wrong" : undefined }));
      domains.push({ domainName: "locked-c.com", authCode: undefined });
      const out = await sdk.checkTransfers([...domains, { domainName: "taken-ok.com", authCode: "right" }], opts);
      assert.equal(h.sim.requests({ endpoint: "transfer-check" }).length, 2);
      assert.deepEqual(out[0], {
        name: "taken-c0.com",
        normalizedName: "taken-c0.com",
        transferable: true,
        pricing: { currency: "USD", transferCost: "10.44", renewalCost: "10.44" },
        reasons: [],
      });
      assert.equal(out[3]!.transferable, false);
      assert.equal(out[3]!.reasons[0]!.code, "invalid_auth_code");
      assert.match(out[3]!.reasons[0]!.advice, /rejected the auth code \(authCode\) given for 'taken-c3\.com'/);
      assert.match(out[12]!.reasons[0]!.advice, /\[domain_locked\].*Unlock it there/);
      assert.ok(out[13]!.transferable, "the right code, base64-encoded, is accepted");
      assert.ok(!JSON.stringify(out).includes("right"), "codes are never returned");
    });

    it("invariant: checkTransfers answers every candidate, in its order, as given; the same name with two codes is asked twice, a malformed one never", async () => {
      const opts = { apiToken: TOKEN, accountId: ACCOUNT, baseUrl: h.sim.baseUrl };
      h.sim.clearRequests();
      const out = await sdk.checkTransfers(
        [
          { domainName: "Taken-OK.com", authCode: "wrong" },
          { domainName: "www.taken-ok.com" },
          { domainName: "taken-ok.com", authCode: "right" },
          { domainName: "taken ok.com" },
          { domainName: "taken-ok.com.", authCode: "wrong" },
        ],
        opts,
      );
      assert.deepEqual(
        out.map((t) => [t.name, t.normalizedName, t.transferable, t.reasons.map((r) => r.code)]),
        [
          ["Taken-OK.com", "taken-ok.com", false, ["invalid_auth_code"]],
          ["www.taken-ok.com", "www.taken-ok.com", false, ["name_is_subdomain"]],
          ["taken-ok.com", "taken-ok.com", true, []],
          ["taken ok.com", undefined, false, ["name_malformed"]],
          ["taken-ok.com.", "taken-ok.com", false, ["invalid_auth_code"]],
        ],
      );
      assert.match(out[1]!.reasons[0]!.advice, /subdomain of 'taken-ok\.com'/);
      assert.equal(h.sim.requests({ endpoint: "transfer-check" }).length, 2, "one request per code for the same name; the repeated question once");
    });
  });
});
