import { strict as assert } from "node:assert";
import * as grpc from "@grpc/grpc-js";
import { serve } from "../../../provider/host/plugin/main";
import { Severity } from "../../../provider/host/plugin/messages";
import { SECRET_SIG, SIG_KEY } from "../../../provider/host/plugin/values";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";

/* eslint-disable @typescript-eslint/no-require-imports */
const proto = require("@pulumi/pulumi/proto/provider_pb");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
const statusProto = require("@pulumi/pulumi/proto/status_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

const REG_URN = "urn:pulumi:dev::proj::cloudflare-registrar:index:DomainRegistration::site";
const TRANSFER_URN = "urn:pulumi:dev::proj::cloudflare-registrar:index:DomainTransfer::moved";
const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });
const CONTACTS = {
  registrant: {
    email: "registrant-secret@example.org",
    phone: "+1.5555550100",
    postalInfo: { name: "Secret Registrant", address: { street: "1 Hidden Way", city: "Austin", state: "TX", postalCode: "78701", countryCode: "US" } },
  },
};

interface Logged {
  severity: Severity;
  message: string;
  urn: string;
}

describe("the provider plugin's gRPC service, against the simulator", function () {
  this.timeout(30_000);
  let h: Harness;
  let server: grpc.Server;
  let client: any;
  let logged: Logged[];

  const call = (method: string, req: unknown): Promise<any> =>
    new Promise((resolve, reject) => client[method](req, (err: grpc.ServiceError | null, res: unknown) => (err ? reject(err) : resolve(res))));
  const struct = (v: Record<string, unknown>) => Struct.fromJavaScript(v);

  async function configure(args: Record<string, unknown>) {
    await call("configure", new proto.ConfigureRequest().setArgs(struct(args)).setAcceptsecrets(true));
  }
  const configured = () => configure({ accountId: ACCOUNT, apiToken: secret(TOKEN), baseUrl: h.sim.baseUrl });

  const OWNED = { registrations: [{ domain_name: "owned-plugin.com", auto_renew: true, expires_at: "2031-05-01T00:00:00Z" }] };
  /** A simulator whose purchases take a while, in place of the default one. */
  async function restartSim(options: Parameters<typeof startSim>[0]) {
    await h.stop();
    h = await startSim({ ...OWNED, ...options });
  }
  const posts = () => h.sim.requests({ endpoint: "create-registration" }).length;
  /** Check (which prices) then create, as the engine does for a new domain; the create's promise. */
  async function checkThenCreate(news: Record<string, unknown>) {
    const checked = await call("check", new proto.CheckRequest().setUrn(REG_URN).setNews(struct(news)));
    assert.deepEqual(checked.getFailuresList(), []);
    return call("create", new proto.CreateRequest().setUrn(REG_URN).setProperties(checked.getInputs()));
  }
  /** The state an unfinished purchase asks the engine to record (ErrorResourceInitFailed in the status details). */
  function partialState(err: grpc.ServiceError): Record<string, unknown> {
    const [bin] = err.metadata.get("grpc-status-details-bin");
    assert.ok(bin, `no status details: ${err.details}`);
    const [any] = statusProto.Status.deserializeBinary(bin as Buffer).getDetailsList();
    return any.unpack(proto.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed").getProperties().toJavaScript();
  }
  const invoke = (fn: string, args: Record<string, unknown>) =>
    call("invoke", new proto.InvokeRequest().setTok(`cloudflare-registrar:index:${fn}`).setArgs(struct(args)));

  beforeEach(async () => {
    h = await startSim(OWNED);
    logged = [];
    const started = await serve([], async (severity, message, urn) => void logged.push({ severity, message, urn }), {});
    server = started.server;
    client = new ResourceProviderClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure());
  });
  afterEach(async () => {
    client.close();
    server.forceShutdown();
    await h.stop();
  });

  it("CheckConfig names a malformed setting with its value and fix, and a key the provider does not have (by name, unattached: its value may be a token); the token comes back secret", async () => {
    const res = await call(
      "checkConfig",
      new proto.CheckRequest()
        .setUrn("urn:pulumi:dev::proj::pulumi:providers:cloudflare-registrar::second")
        .setNews(struct({ apiToken: TOKEN, requestsPerFiveMinutes: "5", apiTokn: "misspelt-token-value" })),
    );
    const failures = res.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() }));
    assert.deepEqual(
      failures.map((f: Logged & { property: string }) => f.property),
      ["", "requestsPerFiveMinutes"],
    );
    assert.ok(!JSON.stringify(failures).includes("misspelt-token-value"));
    assert.match(failures[0].reason, /apiTokn is not a setting of the cloudflare-registrar provider\. The settings are: accountId, apiToken/);
    assert.match(
      failures[1].reason,
      /'5', not a whole number of requests of at least 20: `pulumi config set cloudflare-registrar:requestsPerFiveMinutes 1200`/,
    );
    assert.deepEqual(res.getInputs().toJavaScript().apiToken, secret(TOKEN));
    assert.ok(!JSON.stringify(failures).includes(TOKEN));
  });

  it("Read with the id alone (an import) returns the registration's inputs and outputs, and buys, changes and prices nothing", async () => {
    await configured();
    const res = await call("read", new proto.ReadRequest().setId("owned-plugin.com").setUrn(REG_URN));
    assert.equal(res.getId(), "owned-plugin.com");
    assert.deepEqual(res.getInputs().toJavaScript(), { domainName: "owned-plugin.com", autoRenew: true, accountId: ACCOUNT });
    const outs = res.getProperties().toJavaScript();
    assert.equal(outs.status, "active");
    assert.equal(outs.expiresAt, "2031-05-01T00:00:00Z");
    for (const e of ["create-registration", "update-registration", "domain-check"] as const) assert.equal(h.sim.requests({ endpoint: e }).length, 0, e);
  });

  it("Check prices a new domain on the resource's row (the message carries the call's URN) and returns the secret inputs as secrets", async () => {
    await configured();
    const res = await call("check", new proto.CheckRequest().setUrn(REG_URN).setNews(struct({ domainName: "New-Plugin.com", contacts: secret(CONTACTS) })));
    assert.deepEqual(res.getFailuresList(), []);
    const inputs = res.getInputs().toJavaScript();
    assert.equal(inputs.domainName, "new-plugin.com");
    assert.deepEqual(inputs.contacts, secret(CONTACTS));
    assert.equal(inputs.quote.firstTermTotal, "10.44");
    const price = logged.find((l) => /new-plugin\.com: available; registering it will cost USD 10\.44/.test(l.message));
    assert.ok(price, JSON.stringify(logged));
    assert.equal(price.urn, REG_URN);
    assert.equal(price.severity, Severity.Info);
    assert.ok(!JSON.stringify(logged).includes("registrant-secret"), "no contact detail in a message");
  });

  it("a check failure about a secret input names the field but never shows its value, nor attaches to its property", async () => {
    await configured();
    const bad = { registrant: { ...CONTACTS.registrant, phone: "not-a-phone-4471" } };
    const res = await call("check", new proto.CheckRequest().setUrn(REG_URN).setNews(struct({ domainName: "new-plugin.com", contacts: secret(bad) })));
    const failures = res.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() }));
    assert.ok(failures.length > 0);
    assert.ok(failures.every((f: { property: string }) => f.property === ""));
    assert.match(failures[0].reason, /contacts\.registrant\.phone/);
    assert.ok(!JSON.stringify(failures).includes("not-a-phone-4471"));
  });

  it("a resource moved here from the dynamic provider by an alias: check and diff drop its __provider field and plan no change", async () => {
    await configured();
    const olds = { __provider: "exports.handler = require(...)", domainName: "owned-plugin.com", autoRenew: true, accountId: ACCOUNT };
    const checked = await call(
      "check",
      new proto.CheckRequest()
        .setUrn(REG_URN)
        .setOlds(struct(olds))
        .setNews(struct({ domainName: "owned-plugin.com", autoRenew: true })),
    );
    assert.deepEqual(checked.getFailuresList(), []);
    assert.equal(checked.getInputs().toJavaScript().__provider, undefined);
    const diff = await call(
      "diff",
      new proto.DiffRequest()
        .setId("owned-plugin.com")
        .setUrn(REG_URN)
        .setOlds(struct({ ...olds, status: "active" }))
        .setNews(checked.getInputs()),
    );
    assert.equal(diff.getChanges(), proto.DiffResponse.DiffChanges.DIFF_NONE);
    assert.deepEqual(diff.getReplacesList(), []);
  });

  it("Diff of an autoRenew change is an in-place update of that one property", async () => {
    await configured();
    const olds = { domainName: "owned-plugin.com", autoRenew: true, accountId: ACCOUNT, status: "active" };
    const diff = await call(
      "diff",
      new proto.DiffRequest()
        .setId("owned-plugin.com")
        .setUrn(REG_URN)
        .setOlds(struct(olds))
        .setNews(struct({ ...olds, autoRenew: false })),
    );
    assert.equal(diff.getChanges(), proto.DiffResponse.DiffChanges.DIFF_SOME);
    assert.deepEqual(diff.getDiffsList(), ["autoRenew"]);
    assert.deepEqual(diff.getReplacesList(), []);
  });

  it("Delete is refused with the ways out, and the registration stays", async () => {
    await configured();
    await assert.rejects(
      call(
        "delete",
        new proto.DeleteRequest()
          .setId("owned-plugin.com")
          .setUrn(REG_URN)
          .setProperties(struct({ domainName: "owned-plugin.com" })),
      ),
      (err: grpc.ServiceError) => /Refusing to delete the registration of owned-plugin\.com.*retainOnDelete/s.test(err.details),
    );
    assert.equal(h.sim.registry.get(ACCOUNT, "owned-plugin.com")?.status, "active");
  });

  it("Invoke checkDomains answers through the configured account, each name as given", async () => {
    await configured();
    const res = await call(
      "invoke",
      new proto.InvokeRequest().setTok("cloudflare-registrar:index:checkDomains").setArgs(struct({ domains: ["Free-Plugin.com", "a.b.example.com"] })),
    );
    const { results } = res.getReturn().toJavaScript();
    assert.equal(results[0].name, "Free-Plugin.com");
    assert.equal(results[0].registrable, true);
    assert.equal(results[0].pricing.registrationCost, "10.44");
    assert.equal(results[1].reason, "name_is_subdomain");
    assert.equal(h.sim.requests({ endpoint: "domain-check" }).length, 1);
  });

  it("an explicit provider's settings are its own: a token for another account is refused by the API, not replaced by the default", async () => {
    await configure({ accountId: ACCOUNT, apiToken: secret("someone-elses-token"), baseUrl: h.sim.baseUrl });
    await assert.rejects(call("read", new proto.ReadRequest().setId("owned-plugin.com").setUrn(REG_URN)), (err: grpc.ServiceError) => {
      assert.ok(!err.details.includes("someone-elses-token"), err.details);
      return /401|403|token/i.test(err.details);
    });
  });

  it("GetSchema serves the package schema; GetPluginInfo the package's version", async () => {
    const schema = JSON.parse((await call("getSchema", new proto.GetSchemaRequest())).getSchema());
    assert.ok(schema.resources["cloudflare-registrar:index:DomainTransfer"]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version = require("../../../../package.json").version;
    assert.equal(schema.version, version);
    assert.equal((await call("getPluginInfo", new Empty())).getVersion(), version);
  });

  it("Cancel (the engine's first Ctrl-C) during a purchase's wait: the purchase finishes on its own clients, with one POST", async () => {
    await restartSim({ registrationMs: 1_500, waitWindowMs: 50 });
    await configured();
    const created = checkThenCreate({ domainName: "cancel-plugin.com" });
    for (let i = 0; posts() === 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(posts(), 1, "the purchase was sent before Cancel");
    await call("cancel", new Empty());
    const res = await created;
    assert.equal(res.getId(), "cancel-plugin.com");
    assert.equal(res.getProperties().toJavaScript().status, "active");
    assert.equal(posts(), 1);
    assert.equal(h.sim.registry.get(ACCOUNT, "cancel-plugin.com")?.status, "active");
  });

  it("after Cancel, a purchase not yet begun is refused before any request, saying nothing was bought", async () => {
    await configured();
    const checked = await call("check", new proto.CheckRequest().setUrn(REG_URN).setNews(struct({ domainName: "late-plugin.com" })));
    await call("cancel", new Empty());
    await assert.rejects(call("create", new proto.CreateRequest().setUrn(REG_URN).setProperties(checked.getInputs())), (err: grpc.ServiceError) =>
      /late-plugin\.com: not started, because this run was cancelled.*nothing was bought.*pulumi up/.test(err.details),
    );
    assert.equal(posts(), 0);
  });

  it("an unfinished purchase's recorded state keeps secret every input the program marked secret, not only the fixed ones", async () => {
    await configured();
    await assert.rejects(
      checkThenCreate({ domainName: "action-plugin.com", autoRenew: secret(true), contacts: secret(CONTACTS) }),
      (err: grpc.ServiceError) => {
        const state = partialState(err);
        assert.deepEqual(state.autoRenew, secret(true));
        assert.deepEqual(state.contacts, secret(CONTACTS));
        assert.equal(state.domainName, "action-plugin.com");
        assert.equal(state.status, "registration_pending");
        return true;
      },
    );
    assert.equal(posts(), 1);
  });

  it("checkTransfers checks each item: an auth code that is not a string is named by its index and never shown; a null item is named", async () => {
    await configured();
    const secretCode = 48213977;
    await assert.rejects(invoke("checkTransfers", { domains: [{ domainName: "in-plugin.com", authCode: secretCode }] }), (err: grpc.ServiceError) => {
      assert.match(err.details, /^checkTransfers: domains\[0\]\.authCode \(in-plugin\.com\) must be a string \(got a number\)/);
      assert.ok(!err.details.includes(String(secretCode)), err.details);
      assert.ok(!/unexpected error/.test(err.details), err.details);
      return true;
    });
    await assert.rejects(invoke("checkTransfers", { domains: [{ domainName: "in-plugin.com", authCode: "ok-code" }, null] }), (err: grpc.ServiceError) =>
      /^checkTransfers: domains\[1\] must be an object \{ domainName/.test(err.details),
    );
    await assert.rejects(
      invoke("checkTransfers", { domains: [{ authCode: "ok-code" }] }),
      (err: grpc.ServiceError) =>
        /^checkTransfers: domains\[0\]\.domainName must be a string, got a undefined/.test(err.details) && !err.details.includes("ok-code"),
    );
    assert.equal(h.sim.requests().length, 0, "no request for a malformed call");
  });

  it("checkDomains and searchDomains name the item that is not a string, by its index", async () => {
    await configured();
    await assert.rejects(invoke("checkDomains", { domains: ["ok.com", 7] }), (err: grpc.ServiceError) =>
      /^checkDomains: domains\[1\] must be a string, got a number \(7\)/.test(err.details),
    );
    await assert.rejects(invoke("searchDomains", { query: "rocket", extensions: ["com", null] }), (err: grpc.ServiceError) =>
      /^searchDomains: extensions\[1\] must be a string, got a null/.test(err.details),
    );
    await assert.rejects(invoke("checkDomains", { domains: "ok.com" }), (err: grpc.ServiceError) =>
      /^checkDomains: domains must be a list of strings, got a string/.test(err.details),
    );
    assert.equal(h.sim.requests().length, 0);
  });

  it("a DomainTransfer moved here from the dynamic provider by an alias: check and diff drop its __provider field and plan no change", async () => {
    await configured();
    const code = "moved-auth-code-4471";
    const olds = { __provider: "exports.handler = require(...)", domainName: "owned-plugin.com", authCode: secret(code), autoRenew: true, accountId: ACCOUNT };
    const checked = await call(
      "check",
      new proto.CheckRequest()
        .setUrn(TRANSFER_URN)
        .setOlds(struct(olds))
        .setNews(struct({ domainName: "owned-plugin.com", authCode: secret(code), autoRenew: true })),
    );
    assert.deepEqual(checked.getFailuresList(), []);
    const inputs = checked.getInputs().toJavaScript();
    assert.equal(inputs.__provider, undefined);
    assert.deepEqual(inputs.authCode, secret(code));
    const diff = await call(
      "diff",
      new proto.DiffRequest()
        .setId("owned-plugin.com")
        .setUrn(TRANSFER_URN)
        .setOlds(struct({ ...olds, status: "active" }))
        .setNews(checked.getInputs()),
    );
    assert.equal(diff.getChanges(), proto.DiffResponse.DiffChanges.DIFF_NONE);
    assert.deepEqual(diff.getReplacesList(), []);
    assert.equal(h.sim.requests({ endpoint: "transfer-in" }).length, 0);
    assert.ok(!JSON.stringify(logged).includes(code));
  });
});
