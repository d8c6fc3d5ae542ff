import { strict as assert } from "node:assert";
import Cloudflare from "cloudflare";
import { blockedConnections } from "../../support/netGuard";
import { SdkTypes } from "../../support/sdkTypes";
import { ACCOUNT, Harness, startSim, TOKEN, WIRE_CONTACT } from "../../support/sim";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/**
 * The simulator as the official client sees it: `cloudflare` 7.3.0 drives every registrar method it has
 * (client.registrar.* and client.registrarSandbox.*; the legacy `registrar.domains` endpoints, at end of life
 * and unused here, are not simulated) against the loopback simulator. Each response must be a value of the
 * type the SDK declares (read from its .d.ts), each error must map to the SDK's error class, and the
 * behaviour its doc comments promise must hold. The SDK's own retries are off: a retried request would hide
 * the first answer.
 */
describe("the official client (cloudflare 7.3.0) against the simulator", function () {
  this.timeout(60_000);
  let h: Harness;
  let cf: Cloudflare;
  let types: SdkTypes;
  let conforming = 0;
  const account_id = ACCOUNT;
  // Only this suite's connections: tests/integration/client/client.test.ts aims a client at api.cloudflare.com on purpose, to see it refused.
  let blockedBefore = 0;

  /** A response the SDK parsed, checked against its declared type; counted once it conforms. */
  function conforms<T>(file: Parameters<SdkTypes["problems"]>[0], type: string, value: T): T {
    assert.deepEqual(types.problems(file, type, value), [], `${type}: ${JSON.stringify(value)}`);
    conforming++;
    return value;
  }

  /** An error the SDK raised for the simulator's answer: the SDK's class for the status. */
  async function rejectsAs(call: Promise<unknown>, errorClass: new (...args: never[]) => Error, status: number): Promise<void> {
    const err = await call.then(
      () => assert.fail(`expected ${errorClass.name}`),
      (e: unknown) => e,
    );
    assert.ok(err instanceof errorClass, `${String(err)} is not a ${errorClass.name}`);
    assert.equal((err as { status?: number }).status, status);
    conforming++;
  }

  before(async () => {
    blockedBefore = blockedConnections.length;
    types = new SdkTypes();
    h = await startSim({ registrationMs: 20, pageSize: 5, registrations: [{ domain_name: "held.com", auto_renew: false }] });
    cf = new Cloudflare({ apiToken: TOKEN, baseURL: h.sim.baseUrl, maxRetries: 0 });
  });
  after(() => h.stop());

  describe("client.registrar", () => {
    it("check: pricing only where registrable, a reason only where not", async () => {
      const res = conforms(
        "registrar",
        "RegistrarCheckResponse",
        await cf.registrar.check({ account_id, domains: ["launch.dev", "taken-x.com", "premium-x.com"] }),
      );
      assert.equal(res.domains.length, 3);
      for (const d of res.domains) {
        assert.equal(d.pricing !== undefined, d.registrable, `${d.name}: pricing iff registrable`);
        assert.equal(d.reason !== undefined, !d.registrable, `${d.name}: reason iff not registrable`);
      }
      assert.deepEqual(
        res.domains.map((d) => [d.name, d.registrable]),
        [
          ["launch.dev", true],
          ["taken-x.com", false],
          ["premium-x.com", false],
        ],
      );
    });

    it("search: suggestions of the declared shape, pricing only where registrable", async () => {
      const res = conforms("registrar", "RegistrarSearchResponse", await cf.registrar.search({ account_id, q: "brand" }));
      assert.ok(res.domains.length > 0);
      for (const d of res.domains) assert.equal(d.pricing !== undefined, d.registrable, `${d.name}: pricing iff registrable`);
    });

    it("transferCheck: a map keyed by domain; pricing comes with transferable: true, and only then", async () => {
      const res = conforms(
        "registrar",
        "RegistrarTransferCheckResponse",
        await cf.registrar.transferCheck({
          account_id,
          domains: [
            { domain_name: "taken-a.com", auth_code: b64("code") },
            { domain_name: "free-a.com" },
            { domain_name: "locked-a.com" },
            { domain_name: "taken-b.com", auth_code: "not base64!" },
          ],
        }),
      );
      assert.deepEqual(Object.keys(res.domains).sort(), ["free-a.com", "locked-a.com", "taken-a.com", "taken-b.com"]);
      for (const [name, r] of Object.entries(res.domains)) {
        assert.equal(r.pricing !== undefined, r.transferable, `${name}: pricing iff transferable`);
        if (!r.transferable) assert.ok(r.reasons?.length, `${name}: a refusal says why`);
      }
      assert.equal(res.domains["taken-a.com"]!.transferable, true);
      assert.deepEqual(res.domains["taken-b.com"]!.reasons, [{ code: "invalid_auth_code_format" }]);
    });

    it("registrations.create: 201 with a finished workflow inside the wait window; 202 at once with Prefer: respond-async", async () => {
      const sync = await cf.registrar.registrations.create({ account_id, domain_name: "fresh-sdk.com" }).withResponse();
      assert.equal(sync.response.status, 201);
      assert.equal(conforms("registrar", "WorkflowStatus", sync.data).state, "succeeded");
      const async = await cf.registrar.registrations.create({ account_id, domain_name: "later-sdk.com", Prefer: "respond-async" }).withResponse();
      assert.equal(async.response.status, 202);
      assert.equal(async.response.headers.get("preference-applied"), "respond-async");
      assert.equal(conforms("registrar", "WorkflowStatus", async.data).completed, false);
    });

    it("registrations.create of a domain the account holds: ConflictError, one POST (the SDK's retries are off here)", async () => {
      const before = h.sim.requests({ endpoint: "create-registration" }).length;
      await rejectsAs(cf.registrar.registrations.create({ account_id, domain_name: "held.com" }), Cloudflare.ConflictError, 409);
      assert.equal(h.sim.requests({ endpoint: "create-registration" }).length - before, 1);
    });

    it("with its default retries the SDK re-sends a conflicting create: three POSTs, where our client sends one", async () => {
      const retrying = new Cloudflare({ apiToken: TOKEN, baseURL: h.sim.baseUrl });
      const before = h.sim.requests({ endpoint: "create-registration" }).length;
      await rejectsAs(retrying.registrar.registrations.create({ account_id, domain_name: "held.com" }), Cloudflare.ConflictError, 409);
      assert.equal(h.sim.requests({ endpoint: "create-registration" }).length - before, 3);
    });

    it("registrations.list: every page parses, the cursor walk ends, each item a Registration", async () => {
      const names: string[] = [];
      let page = await cf.registrar.registrations.list({ account_id, per_page: 2 });
      for (;;) {
        for (const reg of page.result) names.push(conforms("registrar", "Registration", reg).domain_name);
        if (!page.hasNextPage()) break;
        page = await page.getNextPage();
      }
      assert.deepEqual(names.sort(), ["fresh-sdk.com", "held.com", "later-sdk.com"]);
      assert.ok(h.sim.requests({ endpoint: "list-registrations" }).length >= 2, "more than one page was walked");
    });

    it("registrations.get: a Registration; an unknown domain is NotFoundError", async () => {
      assert.equal(conforms("registrar", "Registration", await cf.registrar.registrations.get("held.com", { account_id })).status, "active");
      await rejectsAs(cf.registrar.registrations.get("nobody-here.com", { account_id }), Cloudflare.NotFoundError, 404);
    });

    it("registrations.edit as the SDK's own example sends it (no auto_renew): 200, a finished workflow, nothing changed", async () => {
      const res = await cf.registrar.registrations.edit("held.com", { account_id }).withResponse();
      assert.equal(res.response.status, 200);
      assert.equal(conforms("registrar", "WorkflowStatus", res.data).state, "succeeded");
      assert.equal((await cf.registrar.registrations.get("held.com", { account_id })).auto_renew, false);
    });

    it("registrations.edit with auto_renew: 200 and applied; with Prefer: respond-async, 202 at once with Preference-Applied", async () => {
      const sync = await cf.registrar.registrations.edit("held.com", { account_id, auto_renew: true }).withResponse();
      assert.equal(sync.response.status, 200);
      assert.equal(conforms("registrar", "WorkflowStatus", sync.data).completed, true);
      assert.equal((await cf.registrar.registrations.get("held.com", { account_id })).auto_renew, true);
      const async = await cf.registrar.registrations.edit("held.com", { account_id, auto_renew: false, Prefer: "respond-async" }).withResponse();
      assert.equal(async.response.headers.get("preference-applied"), "respond-async");
      assert.equal(async.response.status, 202, "Preference-Applied: respond-async comes with a 202");
      conforms("registrar", "WorkflowStatus", async.data);
    });

    it("registrationStatus.get and updateStatus.get: WorkflowStatus, links.self a path relative to the API base", async () => {
      const reg = conforms("registrar", "WorkflowStatus", await cf.registrar.registrationStatus.get("fresh-sdk.com", { account_id }));
      assert.equal(reg.links.self, `/accounts/${ACCOUNT}/registrar/registrations/fresh-sdk.com/registration-status`);
      const upd = conforms("registrar", "WorkflowStatus", await cf.registrar.updateStatus.get("held.com", { account_id }));
      assert.equal(upd.links.self, `/accounts/${ACCOUNT}/registrar/registrations/held.com/update-status`);
    });

    it("extensions.list and extensions.get: the declared shapes, the cursor walk ends", async () => {
      let page = await cf.registrar.extensions.list({ account_id, per_page: 5 });
      const seen: string[] = [];
      for (;;) {
        for (const ext of page.result) seen.push(conforms("extensions", "ExtensionListResponse", ext).metadata.name);
        if (!page.hasNextPage()) break;
        page = await page.getNextPage();
      }
      assert.deepEqual(seen.sort(), h.sim.registry.catalogue.entries.map((e) => e.name).sort(), "every extension sold, once");
      const dev = conforms("extensions", "ExtensionGetResponse", await cf.registrar.extensions.get("dev", { account_id }));
      assert.equal(dev.metadata.name, "dev");
    });

    it("transferIn.create: 202 and a workflow; transferInStatus.get follows it", async () => {
      const started = await cf.registrar.transferIn.create("taken-a.com", { account_id, auth_code: b64("code") }).withResponse();
      assert.equal(started.response.status, 202);
      conforms("registrar", "WorkflowStatus", started.data);
      const status = conforms("registrar", "WorkflowStatus", await cf.registrar.transferInStatus.get("taken-a.com", { account_id }));
      assert.equal(status.completed, false);
    });

    it("errors map to the SDK's classes: a wrong token, a body the API refuses", async () => {
      const stranger = new Cloudflare({ apiToken: "not-the-token", baseURL: h.sim.baseUrl, maxRetries: 0 });
      await rejectsAs(stranger.registrar.registrations.get("held.com", { account_id }), Cloudflare.AuthenticationError, 401);
      await rejectsAs(cf.registrar.registrations.edit("held.com", { account_id, auto_renew: "yes" as never }), Cloudflare.BadRequestError, 400);
      await rejectsAs(cf.registrar.check({ account_id, domains: [] }), Cloudflare.BadRequestError, 400);
    });
  });

  describe("client.registrarSandbox", () => {
    it("check and search: the sandbox's declared shapes; it sells only com and net", async () => {
      const res = conforms("sandbox", "RegistrarSandboxCheckResponse", await cf.registrarSandbox.check({ account_id, domains: ["trial.com", "trial.io"] }));
      for (const d of res.domains) assert.equal(d.pricing !== undefined, d.registrable, `${d.name}: pricing iff registrable`);
      assert.deepEqual(
        res.domains.map((d) => [d.name, d.registrable, d.reason]),
        [
          ["trial.com", true, undefined],
          ["trial.io", false, "extension_not_supported_via_api"],
        ],
      );
      conforms("sandbox", "RegistrarSandboxSearchResponse", await cf.registrarSandbox.search({ account_id, q: "trial" }));
    });

    it("registrations: create, list, get, edit (with and without auto_renew, and async), status and update status", async () => {
      const made = await cf.registrarSandbox.registrations
        .create({ account_id, domain_name: "trial.com", contacts: { registrant: WIRE_CONTACT } })
        .withResponse();
      assert.equal(made.response.status, 201);
      conforms("sandboxRegistrations", "RegistrationCreateResponse", made.data);
      const list = await cf.registrarSandbox.registrations.list({ account_id });
      assert.deepEqual(
        list.result.map((r) => conforms("sandboxRegistrations", "RegistrationListResponse", r).domain_name),
        ["trial.com"],
      );
      conforms("sandboxRegistrations", "RegistrationGetResponse", await cf.registrarSandbox.registrations.get("trial.com", { account_id }));
      const bare = await cf.registrarSandbox.registrations.edit("trial.com", { account_id }).withResponse();
      assert.equal(bare.response.status, 200);
      conforms("sandboxRegistrations", "RegistrationEditResponse", bare.data);
      const async = await cf.registrarSandbox.registrations.edit("trial.com", { account_id, auto_renew: true, Prefer: "respond-async" }).withResponse();
      assert.equal(async.response.status, 202);
      conforms("sandboxRegistrations", "RegistrationEditResponse", async.data);
      conforms("sandboxRegistrationStatus", "RegistrationStatusGetResponse", await cf.registrarSandbox.registrationStatus.get("trial.com", { account_id }));
      conforms("sandboxUpdateStatus", "UpdateStatusGetResponse", await cf.registrarSandbox.updateStatus.get("trial.com", { account_id }));
      assert.equal(
        h.sim.registry.list(ACCOUNT).some((r) => r.domain_name === "trial.com"),
        false,
        "the sandbox keeps its own books",
      );
    });

    it("extensions.list and extensions.get", async () => {
      const page = await cf.registrarSandbox.extensions.list({ account_id });
      for (const ext of page.result) conforms("sandboxExtensions", "ExtensionListResponse", ext);
      conforms("sandboxExtensions", "ExtensionGetResponse", await cf.registrarSandbox.extensions.get("com", { account_id }));
    });
  });

  describe("in all", () => {
    it("every call stayed on loopback, and every method's calls conformed", () => {
      assert.deepEqual(blockedConnections.slice(blockedBefore), []);
      // Each test above fails on its first non-conforming call, so reaching here with its calls counted is the
      // count; the floor only catches a test that stopped checking.
      assert.ok(conforming >= 50, `${conforming} conforming calls`);
      console.log(`      ${conforming} calls of the official client conform`);
    });
  });
});
