import { strict as assert } from "node:assert";
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { RegistrarClient } from "../../../provider/api/client";
import { NotFoundError } from "../../../provider/api/errors";
import { CATALOGUE } from "../../../simulator";
import { ACCOUNT, callApi, FAST_RETRY, Harness, RawAnswer, startSim, TOKEN, VirtualClock, WIRE_CONTACT } from "../../support/sim";

/** The simulator as users run it: the package's bin, configured by a file, steered over HTTP. */
describe("the simulator command and its control API", () => {
  let child: ChildProcess;
  let base: string;
  let client: RegistrarClient;
  const control = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${base.replace(/\/client\/v4$/, "")}/__simulator${p}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as { success: boolean; result: any };
  };

  before(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cfr-sim-"));
    writeFileSync(
      path.join(dir, "sim.json"),
      JSON.stringify({
        registrationMs: 100,
        registrations: [{ domain_name: "preowned.com", auto_renew: true }],
        domains: {
          "wait.com": { scenario: { kind: "action_required", action: "accept_terms" } },
          "pricey.com": { price: { registration: "49.99", renewal: "19.99" } },
        },
      }),
    );
    const portFile = path.join(dir, "base-url");
    child = spawn(process.execPath, [path.resolve(__dirname, "../../../simulator/cli.js"), "--config", path.join(dir, "sim.json"), "--port-file", portFile], {
      stdio: "pipe",
    });
    for (let i = 0; i < 100 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
    base = readFileSync(portFile, "utf8");
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    client = new RegistrarClient({ apiToken: TOKEN, accountId: ACCOUNT, baseUrl: base, retry: FAST_RETRY, env: {} });
  });
  after(async () => {
    await client.close();
    child.kill("SIGTERM");
  });

  it("serves the configured registrations, scenarios and prices", async () => {
    assert.equal((await client.getRegistration("preowned.com")).auto_renew, true);
    const [pricey] = await client.check(["pricey.com"]);
    assert.deepEqual(pricey!.pricing, { currency: "USD", registration_cost: "49.99", renewal_cost: "19.99" });
    const { workflow } = await client.createRegistration({ domain_name: "wait.com" });
    assert.equal(workflow.state, "action_required");
    assert.equal(workflow.context?.action, "accept_terms");
  });

  it("resolves action_required, seeds and changes registrations, and logs requests over HTTP", async () => {
    await control("POST", `/accounts/${ACCOUNT}/registrations/wait.com/resolve`);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await client.registrationStatus("wait.com")).state, "succeeded");

    const charges = (await control("GET", "/charges")).result as Array<{ domain: string; amount: string; namespace: string }>;
    assert.deepEqual(
      charges.map((c) => [c.domain, c.amount, c.namespace]),
      [["wait.com", "10.44", "registrar"]],
    );

    await control("POST", `/registrar-sandbox/accounts/${ACCOUNT}/registrations`, { domain_name: "sandboxed.com" });
    const inSandbox = await fetch(`${base}/accounts/${ACCOUNT}/registrar-sandbox/registrations/sandboxed.com`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(inSandbox.status, 200);
    await assert.rejects(client.getRegistration("sandboxed.com"), NotFoundError);

    await control("POST", `/accounts/${ACCOUNT}/registrations`, { domain_name: "seeded.dev", status: "expired" });
    assert.equal((await client.getRegistration("seeded.dev")).status, "expired");
    await control("PATCH", `/accounts/${ACCOUNT}/registrations/seeded.dev`, { auto_renew: true });
    assert.equal((await client.getRegistration("seeded.dev")).auto_renew, true);

    await control("DELETE", "/requests");
    await client.findRegistration("absent.com");
    const log = (await control("GET", "/requests")).result as Array<{ method: string; endpoint: string; status: number; durationMs: number }>;
    assert.equal(log.length, 1);
    assert.deepEqual([log[0]!.method, log[0]!.endpoint, log[0]!.status], ["GET", "get-registration", 404]);
  });

  it("injects faults added over HTTP, and changes scenarios at run time", async () => {
    await control("POST", "/faults", { endpoint: "get-registration", kind: "status", status: 503, times: 1 });
    await assert.rejects(client.getRegistration("nothing.com"), NotFoundError); // retried past the 503
    const statuses = ((await control("GET", "/requests")).result as Array<{ status: number; endpoint: string }>)
      .filter((r) => r.endpoint === "get-registration")
      .map((r) => r.status);
    assert.deepEqual(statuses.slice(-2), [503, 404]);
    await control("PUT", "/domains/later.com", { scenario: { kind: "unavailable" } });
    assert.equal((await client.check(["later.com"]))[0]!.reason, "domain_unavailable");
  });
});

/** The contract the simulator models (SDK 7.3.0), through real HTTP, independently of the client. */
describe("the simulated Registrar API as it is today", () => {
  let h: Harness;
  const call = (method: string, path: string, opts?: Parameters<typeof callApi>[3]) => callApi(h.sim, method, path, opts);
  const create = (body: Record<string, unknown>, ns = "registrar") => call("POST", `${ns}/registrations`, { body });
  const message = (a: RawAnswer): string => a.body.errors[0].message;
  const names = (a: RawAnswer): string[] => a.body.result.domains.map((d: { name: string }) => d.name);
  beforeEach(async () => {
    h = await startSim({ registrationMs: 50 });
  });
  afterEach(() => h.stop());

  describe("extension discovery", () => {
    it("gets an extension with an ETag, and answers 304 with no body to a matching If-None-Match", async () => {
      const first = await call("GET", "registrar/extensions/co.uk");
      assert.equal(first.status, 200);
      assert.deepEqual(first.body.result.metadata, { name: "co.uk", tld: "uk" });
      const etag = first.headers.etag!;
      assert.match(etag, /^"[^"]+"$/);
      const again = await call("GET", "registrar/extensions/co.uk", { headers: { "if-none-match": etag } });
      assert.equal(again.status, 304);
      assert.equal(again.text, "");
      assert.equal(again.headers.etag, etag);
      const other = await call("GET", "registrar/extensions/com", { headers: { "if-none-match": etag } });
      assert.equal(other.status, 200, "another extension's ETag does not match");
    });

    it("answers 404 naming the extension for dashboard-only and unknown extensions", async () => {
      const cc = await call("GET", "registrar/extensions/cc");
      assert.equal(cc.status, 404);
      assert.equal(cc.body.errors[0].code, 10404);
      assert.match(message(cc), /Extension 'cc' is sold in the dashboard only/);
      const zz = await call("GET", "registrar/extensions/zz");
      assert.equal(zz.status, 404);
      assert.match(message(zz), /Extension 'zz' is not supported by Cloudflare Registrar/);
    });

    it("lists extensions in cursor pages, filters by exact name, and honours If-None-Match", async () => {
      const names: string[] = [];
      let cursor = "";
      let pages = 0;
      do {
        const p = await call("GET", `registrar/extensions?per_page=7&sort_by=name&direction=desc${cursor ? `&cursor=${cursor}` : ""}`);
        assert.equal(p.status, 200);
        names.push(...p.body.result.map((e: { metadata: { name: string } }) => e.metadata.name));
        cursor = p.body.result_info.cursor;
        pages++;
      } while (cursor);
      assert.equal(names.length, CATALOGUE.length);
      assert.equal(pages, Math.ceil(CATALOGUE.length / 7));
      assert.deepEqual(names, [...names].sort().reverse());
      assert.ok(!names.includes("cc") && names.includes("io") && names.includes("co.uk"));

      const ai = await call("GET", "registrar/extensions?name=ai");
      assert.deepEqual(
        ai.body.result.map((e: { metadata: { name: string } }) => e.metadata.name),
        ["ai"],
      );
      const unchanged = await call("GET", "registrar/extensions?name=ai", { headers: { "if-none-match": ai.headers.etag! } });
      assert.equal(unchanged.status, 304);
    });

    it("publishes the minimum term as years.minimum in a draft 2020-12 schema (.ai: 2 years)", async () => {
      const ai = (await call("GET", "registrar/extensions/ai")).body.result.registration_schema;
      assert.equal(ai.$schema, "https://json-schema.org/draft/2020-12/schema");
      assert.equal(ai.type, "object");
      assert.equal(ai.additionalProperties, false);
      assert.deepEqual(ai.properties.years, { ...ai.properties.years, type: "integer", minimum: 2, maximum: 10, default: 2 });
      assert.equal(ai.properties.contact_extensions, undefined, ".ai needs no contact extensions");
      assert.deepEqual(Object.keys(ai.properties.contacts.properties), ["registrant", "administrator", "billing", "technical"]);
      assert.deepEqual(ai.$defs.contact.required, ["email", "phone", "postal_info"]);
      const com = (await call("GET", "registrar/extensions/com")).body.result.registration_schema;
      assert.equal(com.properties.years.minimum, 1);
    });

    it("publishes the .us, .co.uk and .ca contact extensions and the .ca acknowledgement as required", async () => {
      const schema = async (ext: string) => (await call("GET", `registrar/extensions/${ext}`)).body.result.registration_schema;
      const us = await schema("us");
      assert.ok(us.required.includes("contact_extensions"));
      assert.equal(us.properties.contact_extensions.additionalProperties, false);
      assert.deepEqual(us.properties.contact_extensions.required, ["us_nexus_category", "us_app_purpose"]);
      assert.deepEqual(us.properties.contact_extensions.properties.us_nexus_category.enum, ["C11", "C12", "C21", "C31", "C32"]);
      assert.deepEqual(us.properties.contact_extensions.properties.us_app_purpose.enum, ["P1", "P2", "P3", "P4", "P5"]);
      const uk = await schema("co.uk");
      assert.deepEqual(uk.properties.contact_extensions.required, ["uk_registrant_type"]);
      for (const t of ["IND", "FIND", "LTD", "PLC", "LLP", "STRA", "RCHAR", "FCORP", "FOTHER"]) {
        assert.ok(uk.properties.contact_extensions.properties.uk_registrant_type.enum.includes(t), t);
      }
      const ca = await schema("ca");
      assert.ok(ca.required.includes("contact_extensions") && ca.required.includes("acknowledgements"));
      assert.equal(ca.properties.contact_extensions.properties.ca_legal_type.enum.length, 18);
      assert.deepEqual(ca.properties.acknowledgements.required, ["ca_registrant_agreement"]);
      assert.deepEqual(
        { ...ca.properties.acknowledgements.properties.ca_registrant_agreement, description: undefined },
        { type: "boolean", const: true, description: undefined },
      );
      const transfer = (await call("GET", "registrar/extensions/us")).body.result.transfer_schema;
      assert.ok(transfer.required.includes("auth_code") && transfer.required.includes("contact_extensions"));
      assert.equal(transfer.properties.years, undefined);
    });
  });

  describe("registration rules per extension", () => {
    it("refuses a .us registration without, or with a wrong, contact extension, naming the field and the allowed values", async () => {
      const none = await create({ domain_name: "brand.us" });
      assert.equal(none.status, 400);
      assert.match(
        message(none),
        /^contact_extensions: is required for \.us: give us_nexus_category \(one of C11, C12, C21, C31, C32\) and us_app_purpose \(one of P1, P2, P3, P4, P5\)$/,
      );
      const wrong = await create({ domain_name: "brand.us", contact_extensions: { us_nexus_category: "C99", us_app_purpose: "P1" } });
      assert.equal(wrong.status, 400);
      assert.equal(message(wrong), "contact_extensions.us_nexus_category: must be one of C11, C12, C21, C31, C32; got 'C99'");
      const missing = await create({ domain_name: "brand.us", contact_extensions: { us_nexus_category: "C11" } });
      assert.equal(message(missing), "contact_extensions.us_app_purpose: is required for .us: one of P1, P2, P3, P4, P5");
      assert.equal(h.sim.registry.list(ACCOUNT).length, 0, "nothing recorded by a refused POST");
      const ok = await create({ domain_name: "brand.us", contact_extensions: { us_nexus_category: "C11", us_app_purpose: "P3" } });
      assert.equal(ok.status, 201);
    });

    it("refuses a .ca registration without the registrant agreement or with an unknown legal type", async () => {
      const ext = { ca_legal_type: "CCT" };
      const noAck = await create({ domain_name: "brand.ca", contact_extensions: ext });
      assert.equal(noAck.status, 400);
      assert.equal(message(noAck), "acknowledgements: is required for .ca: give ca_registrant_agreement: true");
      const falseAck = await create({ domain_name: "brand.ca", contact_extensions: ext, acknowledgements: { ca_registrant_agreement: false } });
      assert.match(message(falseAck), /^acknowledgements\.ca_registrant_agreement: must be true for \.ca .*; got false$/);
      const badType = await create({
        domain_name: "brand.ca",
        contact_extensions: { ca_legal_type: "XYZ" },
        acknowledgements: { ca_registrant_agreement: true },
      });
      assert.match(message(badType), /^contact_extensions\.ca_legal_type: must be one of CCT, CCO, RES, .*, MAJ; got 'XYZ'$/);
      const ok = await create({ domain_name: "brand.ca", contact_extensions: ext, acknowledgements: { ca_registrant_agreement: true } });
      assert.equal(ok.status, 201);
    });

    it("refuses contact extensions an extension does not take, and subdomains", async () => {
      const com = await create({ domain_name: "brand.com", contact_extensions: { us_nexus_category: "C11" } });
      assert.equal(message(com), "contact_extensions: .com takes no contact extensions; omit the field");
      const sub = await create({ domain_name: "www.brand.co.uk" });
      assert.equal(message(sub), "domain_name: www.brand.co.uk is a subdomain of brand.co.uk; register brand.co.uk");
    });

    it("charges the minimum term when years is omitted, and refuses a term below it", async () => {
      const short = await create({ domain_name: "brand.ai", years: 1 });
      assert.equal(short.status, 400);
      assert.match(message(short), /^years: must be an integer from 2 to 10: \.ai has a minimum term of 2 years; got 1$/);
      assert.deepEqual(h.sim.charges(), []);

      const ai = await create({ domain_name: "brand.ai" });
      assert.equal(ai.status, 201);
      const reg = ai.body.result.context.registration;
      assert.equal(new Date(reg.expires_at).getUTCFullYear() - new Date(reg.created_at).getUTCFullYear(), 2);
      assert.equal((await create({ domain_name: "three.com", years: 3 })).status, 201);
      assert.deepEqual(
        h.sim.charges().map(({ at: _at, ...c }) => c),
        [
          { accountId: ACCOUNT, domain: "brand.ai", kind: "registration", years: 2, amount: "155.00", currency: "USD", namespace: "registrar" },
          { accountId: ACCOUNT, domain: "three.com", kind: "registration", years: 3, amount: "31.32", currency: "USD", namespace: "registrar" },
        ],
      );
      const viaControl = await fetch(`${h.sim.origin}/__simulator/charges`).then(
        (r) => r.json() as Promise<{ result: Array<{ domain: string; amount: string }> }>,
      );
      assert.deepEqual(
        viaControl.result.map((c) => [c.domain, c.amount]),
        [
          ["brand.ai", "155.00"],
          ["three.com", "31.32"],
        ],
      );
    });

    it("acknowledges Prefer: respond-async with Preference-Applied and a 202 at once", async () => {
      const made = await call("POST", "registrar/registrations", { body: { domain_name: "later.com" }, headers: { prefer: "respond-async" } });
      assert.equal(made.status, 202);
      assert.equal(made.headers["preference-applied"], "respond-async");
      assert.equal(made.body.result.completed, false);
    });

    it("holds 500 domains per account by default, and refuses a registration past the limit", async () => {
      for (let i = 0; i < 500; i++) h.sim.registry.seed(ACCOUNT, { domain_name: `held${i}.com` });
      const past = await create({ domain_name: "one-more.com" });
      assert.equal(past.status, 400);
      assert.equal(message(past), "The account already has the maximum of 500 domains");
    });

    it("charges nothing for a failed registration", async () => {
      await create({ domain_name: "failed-x.com" }, "registrar");
      await new Promise((r) => setTimeout(r, 80));
      assert.equal((await call("GET", "registrar/registrations/failed-x.com/registration-status")).body.result.state, "failed");
      assert.deepEqual(h.sim.charges(), []);
    });

    it("refuses a PATCH of a transfer_pending registration (409, mid-transfer), and shows expires_at null", async () => {
      h.sim.registry.seed(ACCOUNT, { domain_name: "moving.com", status: "transfer_pending" });
      const reg = await call("GET", "registrar/registrations/moving.com");
      assert.deepEqual([reg.body.result.status, reg.body.result.expires_at], ["transfer_pending", null]);
      const patch = await call("PATCH", "registrar/registrations/moving.com", { body: { auto_renew: true } });
      assert.equal(patch.status, 409);
      assert.match(message(patch), /^moving\.com is mid-transfer \(transfer_pending\)/);
      assert.equal(h.sim.registry.get(ACCOUNT, "moving.com")!.auto_renew, false);
      assert.equal((await create({ domain_name: "moving.com" })).status, 409);
    });
  });

  describe("search and lists", () => {
    it("reads extensions as repeated keys; a comma-joined value is ignored, so results span every extension", async () => {
      const repeated = names(await call("GET", "registrar/domain-search?q=acme&extensions=com&extensions=dev"));
      assert.deepEqual(repeated, ["acme.com", "acme.dev", "getacme.com", "getacme.dev"]);
      const joined = names(await call("GET", "registrar/domain-search?q=acme&extensions=com,dev&limit=30"));
      assert.ok(joined.includes("acme.net") && joined.includes("acme.io"), joined.join(" "));
      const unsupported = names(await call("GET", "registrar/domain-search?q=acme&extensions=dev&extensions=cc"));
      assert.deepEqual(unsupported, ["acme.dev", "getacme.dev"]);
    });

    it("refuses a search for just an extension", async () => {
      for (const q of ["com", ".app", "co.uk"]) {
        const a = await call("GET", `registrar/domain-search?q=${encodeURIComponent(q)}`);
        assert.equal(a.status, 400, q);
        assert.match(message(a), /just a domain extension/);
      }
    });

    it("lists 20 registrations a page by default and refuses per_page above 100, naming the maximum", async () => {
      for (let i = 0; i < 25; i++) h.sim.registry.seed(ACCOUNT, { domain_name: `d${i}.com` });
      const first = await call("GET", "registrar/registrations");
      assert.equal(first.body.result.length, 20);
      assert.equal(first.body.result_info.per_page, 20);
      assert.notEqual(first.body.result_info.cursor, "");
      assert.equal((await call("GET", "registrar/registrations?per_page=100")).status, 200);
      const tooMany = await call("GET", "registrar/registrations?per_page=101");
      assert.equal(tooMany.status, 400);
      assert.match(message(tooMany), /per_page must be an integer from 1 to 100 \(the maximum\); got '101'/);
    });
  });

  describe("the Registrar Sandbox", () => {
    it("sells only com and net: check and the extensions list say so", async () => {
      const check = await call("POST", "registrar-sandbox/domain-check", { body: { domains: ["a.com", "a.net", "a.io", "a.cc", "a.zz"] } });
      const byName = Object.fromEntries(
        check.body.result.domains.map((d: { name: string; registrable: boolean; reason?: string }) => [d.name, d.reason ?? d.registrable]),
      );
      assert.deepEqual(byName, {
        "a.com": true,
        "a.net": true,
        "a.io": "extension_not_supported_via_api",
        "a.cc": "extension_not_supported_via_api",
        "a.zz": "extension_not_supported_via_api",
      });
      const list = await call("GET", "registrar-sandbox/extensions");
      assert.deepEqual(
        list.body.result.map((e: { metadata: { name: string } }) => e.metadata.name),
        ["com", "net"],
      );
      assert.equal((await call("GET", "registrar-sandbox/extensions/io")).status, 404);
      const search = names(await call("GET", "registrar-sandbox/domain-search?q=acme"));
      assert.deepEqual(search, ["acme.com", "acme.net", "getacme.com", "getacme.net"]);
    });

    it("has no express mode: contacts.registrant is required, in the schema and on create", async () => {
      const schema = (await call("GET", "registrar-sandbox/extensions/com")).body.result.registration_schema;
      assert.ok(schema.required.includes("contacts"));
      assert.deepEqual(schema.properties.contacts.required, ["registrant"]);
      const bare = await create({ domain_name: "trial.com" }, "registrar-sandbox");
      assert.equal(bare.status, 400);
      assert.match(message(bare), /^contacts\.registrant: is required in the Registrar Sandbox/);
      const io = await create({ domain_name: "trial.io", contacts: { registrant: WIRE_CONTACT } }, "registrar-sandbox");
      assert.match(message(io), /extension_not_supported_via_api.*sells only \.com and \.net/);
    });

    it("keeps its own books, links its workflows under registrar-sandbox, and records a sandbox charge", async () => {
      const made = await create({ domain_name: "trial.com", contacts: { registrant: WIRE_CONTACT } }, "registrar-sandbox");
      assert.equal(made.status, 201);
      assert.equal(made.body.result.links.self, `/accounts/${ACCOUNT}/registrar-sandbox/registrations/trial.com/registration-status`);
      assert.equal((await call("GET", "registrar-sandbox/registrations/trial.com")).status, 200);
      assert.equal((await call("GET", "registrar/registrations/trial.com")).status, 404, "production does not see sandbox domains");
      assert.equal((await call("POST", "registrar/domain-check", { body: { domains: ["trial.com"] } })).body.result.domains[0].registrable, true);
      assert.deepEqual(
        h.sim.charges().map((c) => [c.domain, c.amount, c.namespace]),
        [["trial.com", "10.44", "registrar-sandbox"]],
      );
      assert.deepEqual(
        h.sim.requests({ endpoint: "create-registration" }).map((r) => r.namespace),
        ["registrar-sandbox"],
      );
    });
  });

  describe("transfers in", () => {
    it("checks up to 10 domains, answering a map keyed by domain with transfer_cost or reason codes", async () => {
      h.sim.setDomain("taken-coded.com", { authCode: "right-code" });
      const b64 = (s: string) => Buffer.from(s).toString("base64");
      const check = await call("POST", "registrar/domain-transfer-check", {
        body: {
          domains: [
            { domain_name: "taken-a.com", auth_code: b64("x") },
            { domain_name: "free.com", auth_code: b64("x") },
            { domain_name: "locked-a.com", auth_code: b64("x") },
            { domain_name: "taken-b.com", auth_code: "not base64!" },
            { domain_name: "taken-coded.com", auth_code: b64("wrong-code") },
            { domain_name: "taken-a.co.uk" },
            { domain_name: "taken-a.cc" },
          ],
        },
      });
      assert.equal(check.status, 200);
      const d = check.body.result.domains;
      assert.deepEqual(Object.keys(d), ["taken-a.com", "free.com", "locked-a.com", "taken-b.com", "taken-coded.com", "taken-a.co.uk", "taken-a.cc"]);
      assert.deepEqual([d["taken-a.com"].transferable, d["taken-a.com"].pricing], [true, { currency: "USD", transfer_cost: "10.44", renewal_cost: "10.44" }]);
      const reasons = (n: string) => d[n].reasons.map((r: { code: string }) => r.code);
      assert.deepEqual(reasons("free.com"), ["domain_not_exists"]);
      assert.deepEqual(reasons("locked-a.com"), ["domain_locked"]);
      assert.deepEqual(reasons("taken-b.com"), ["invalid_auth_code_format"]);
      assert.deepEqual(reasons("taken-coded.com"), ["invalid_auth_code"]);
      assert.deepEqual([d["taken-a.co.uk"].transferable, d["taken-a.co.uk"].pricing.transfer_cost], [true, "0.00"], ".uk needs no auth code and costs nothing");
      assert.deepEqual(reasons("taken-a.cc"), ["extension_not_supported_via_api"]);
      const eleven = Array.from({ length: 11 }, (_, i) => ({ domain_name: `n${i}.com` }));
      const tooMany = await call("POST", "registrar/domain-transfer-check", { body: { domains: eleven } });
      assert.equal(tooMany.status, 400);
      assert.match(message(tooMany), /At most 10 domains per request; got 11/);
    });

    it("starts a transfer with 202, holds the domain as transfer_pending (blocked most of the time), then charges it on success", async () => {
      await h.stop();
      const clock = new VirtualClock();
      h = await startSim({ clock, transferMs: 10_000 });
      const noCode = await call("POST", "registrar/registrations/taken-move.com/transfer-in", { body: {} });
      assert.equal(noCode.status, 400);
      assert.match(message(noCode), /^auth_code: is required for \.com/);
      const started = await call("POST", "registrar/registrations/taken-move.com/transfer-in", { body: { auth_code: Buffer.from("code").toString("base64") } });
      assert.equal(started.status, 202);
      assert.equal(started.body.result.links.self, `/accounts/${ACCOUNT}/registrar/registrations/taken-move.com/transfer-in-status`);
      const pending = (await call("GET", "registrar/registrations/taken-move.com")).body.result;
      assert.deepEqual([pending.status, pending.expires_at], ["transfer_pending", null]);
      assert.equal((await call("PATCH", "registrar/registrations/taken-move.com", { body: { auto_renew: true } })).status, 409);
      clock.t += 5_000;
      assert.equal((await call("GET", "registrar/registrations/taken-move.com/transfer-in-status")).body.result.state, "blocked");
      assert.deepEqual(h.sim.charges(), []);
      clock.t += 5_000;
      const done = (await call("GET", "registrar/registrations/taken-move.com/transfer-in-status")).body.result;
      assert.deepEqual([done.state, done.completed, done.context.registration.status], ["succeeded", true, "active"]);
      assert.deepEqual(
        h.sim.charges().map((c) => [c.domain, c.kind, c.amount]),
        [["taken-move.com", "transfer", "10.44"]],
      );
      assert.equal(
        (await call("POST", "registrar-sandbox/domain-transfer-check", { body: { domains: [{ domain_name: "a.com" }] } })).status,
        404,
        "the sandbox has no transfers",
      );
    });
  });

  describe("headers, faults and limits", () => {
    it("sends a cf-ray id with every answer, success or error, and logs it", async () => {
      const answers = [
        await call("GET", "registrar/extensions/com"),
        await call("GET", "registrar/registrations/none.com"),
        await call("GET", "registrar/extensions/com", { token: "wrong" }),
      ];
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 404, 401],
      );
      for (const a of answers) assert.match(String(a.headers["cf-ray"]), /^[0-9a-f]{16}-SIM$/);
      assert.deepEqual(
        h.sim.requests().map((r) => r.ray),
        answers.map((a) => a.headers["cf-ray"]),
      );
    });

    it("resets the connection before processing (reset) or after (reset_after)", async () => {
      h.sim.addFault({ endpoint: "create-registration", kind: "reset", times: 1 });
      await assert.rejects(create({ domain_name: "before.com" }), (err: NodeJS.ErrnoException) => err.code === "ECONNRESET");
      assert.equal(h.sim.registry.get(ACCOUNT, "before.com"), undefined);
      h.sim.addFault({ endpoint: "create-registration", kind: "reset_after", times: 1 });
      await assert.rejects(create({ domain_name: "after.com" }), (err: NodeJS.ErrnoException) => err.code === "ECONNRESET");
      assert.equal(h.sim.registry.get(ACCOUNT, "after.com")?.domain_name, "after.com");
      assert.deepEqual(
        h.sim.requests().map((r) => [r.fault, r.status]),
        [
          ["reset", 0],
          ["reset_after", 0],
        ],
      );
    });

    it("hangs without answering until the client gives up", async () => {
      h.sim.addFault({ endpoint: "get-extension", kind: "hang", times: 1 });
      await assert.rejects(call("GET", "registrar/extensions/com", { timeoutMs: 200 }), (err: NodeJS.ErrnoException) => err.code === "CLIENT_TIMEOUT");
      assert.equal((await call("GET", "registrar/extensions/com")).status, 200);
      assert.deepEqual(
        h.sim.requests().map((r) => [r.fault, r.status]),
        [
          ["hang", 0],
          [undefined, 200],
        ],
      );
    });

    it("rate-limits per token with 429 and Retry-After, on the simulator's clock", async () => {
      await h.stop();
      const clock = new VirtualClock();
      h = await startSim({ clock, rateLimit: { requests: 2, windowMs: 300_000 }, tokens: { [TOKEN]: "*", other: "*" } });
      assert.equal((await call("GET", "registrar/extensions/com")).status, 200);
      clock.t += 60_000;
      assert.equal((await call("GET", "registrar/extensions/com")).status, 200);
      const limited = await call("GET", "registrar/extensions/com");
      assert.equal(limited.status, 429);
      assert.equal(limited.headers["retry-after"], "240");
      assert.equal(limited.body.errors[0].code, 971);
      assert.equal((await call("GET", "registrar/extensions/com", { token: "other" })).status, 200, "another token has its own budget");
      clock.t += 240_000;
      assert.equal((await call("GET", "registrar/extensions/com")).status, 200);
      assert.deepEqual(
        h.sim.requests().map((r) => r.rateLimited ?? false),
        [false, false, true, false, false],
      );
    });

    it("runs workflows, the wait window, delays, Retry-After dates and log times on one injected clock", async () => {
      await h.stop();
      const clock = new VirtualClock();
      h = await startSim({ clock, registrationMs: 5_000, waitWindowMs: 1_000 });
      const t0 = clock.t;
      const made = await create({ domain_name: "virtual.com" });
      assert.equal(made.status, 202, "a 5 s workflow outlasts the 1 s window");
      assert.equal(clock.t - t0, 1_000, "the window was slept on the injected clock");
      h.sim.addFault({ endpoint: "get-registration", kind: "delay", delayMs: 10_000, times: 1 });
      const started = Date.now();
      assert.equal((await call("GET", "registrar/registrations/virtual.com")).body.result.status, "active");
      assert.ok(Date.now() - started < 2_000, "a virtual delay takes no real time");
      const [post, get] = h.sim.requests();
      assert.deepEqual([post!.startedAt, post!.durationMs, get!.durationMs], [new Date(t0).toISOString(), 1_000, 10_000]);
      assert.equal(new Date(String(made.headers.date)).getTime(), Math.floor((t0 + 1_000) / 1000) * 1000);
      h.sim.addFault({ endpoint: "get-extension", kind: "status", status: 429, retryAfterSeconds: 30, retryAfterAsDate: true, times: 1 });
      const limited = await call("GET", "registrar/extensions/com");
      assert.equal(limited.status, 429);
      assert.equal(limited.headers["retry-after"], new Date(clock.t + 30_000).toUTCString());
    });
  });
});
