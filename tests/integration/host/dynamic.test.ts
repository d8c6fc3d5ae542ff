import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as dynamic from "../../../provider/host/registration";
import { AuthenticationError } from "../../../provider/api/errors";
import { deleteRefusal } from "../../../provider/registration/provider";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";
import { unconfigureShims } from "../../support/shims";

/**
 * The module the engine loads as the provider (provider/host/registration.ts), called the way the
 * dynamic-provider host calls it: configure first, then each method with plain objects.
 */
describe("the dynamic-provider shim forwards every method to the lifecycle", () => {
  let h: Harness;
  const configure = (token = TOKEN) => {
    const get = (key: string) =>
      ({ "cloudflare-registrar:apiToken": token, "cloudflare-registrar:accountId": ACCOUNT, "cloudflare-registrar:baseUrl": h.clientOptions().baseUrl })[key];
    return dynamic.configure({ config: { get, require: (key: string) => get(key) ?? assert.fail(`config ${key} is not set`) } });
  };
  beforeEach(async () => {
    h = await startSim();
    await configure();
  });
  afterEach(() => h.stop());
  after(unconfigureShims);

  it("check: a new resource (olds empty, as the engine sends them) is priced; an existing one asks nothing", async () => {
    const fresh = await dynamic.check({}, { domainName: "Shim.com" });
    assert.deepEqual(fresh.failures, []);
    assert.equal(fresh.inputs?.domainName, "shim.com");
    assert.equal((fresh.inputs?.quote as { firstTermTotal?: string } | undefined)?.firstTermTotal, "10.44");
    assert.equal(h.sim.requests({ endpoint: "domain-check" }).length, 1);
    const olds = { domainName: "shim.com", accountId: ACCOUNT };
    const existing = await dynamic.check(olds, { domainName: "shim.com", years: 3 });
    assert.deepEqual(existing.failures, [], "years was not set before, so setting it changes nothing");
    assert.equal(h.sim.requests().length, 3, "no API call for an existing resource (the first check: registration, extension, domain-check)");
    assert.equal((await dynamic.check({ ...olds, years: 1 }, { domainName: "shim.com", years: 2 })).failures?.[0]?.property, "years");
  });

  it("diff: answers the lifecycle's diff", async () => {
    assert.deepEqual(await dynamic.diff("shim.com", { autoRenew: false }, { autoRenew: true }), { changes: true, replaces: [], deleteBeforeReplace: false });
    assert.deepEqual(await dynamic.diff("shim.com", { autoRenew: true }, { autoRenew: true }), { changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("create, read and update reach the API through the configured settings", async () => {
    const { inputs } = await dynamic.check({}, { domainName: "shim.com" });
    const created = await dynamic.create(inputs!);
    assert.equal(created.id, "shim.com");
    assert.equal(created.outs?.status, "active");
    assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 1);
    const read = await dynamic.read("shim.com", created.outs as never);
    assert.equal(read.id, "shim.com");
    assert.equal((read.props as { autoRenew?: boolean }).autoRenew, false);
    const updated = await dynamic.update("shim.com", created.outs as never, { domainName: "shim.com", autoRenew: true });
    assert.equal(updated.outs?.autoRenew, true);
    assert.equal(h.sim.requests({ endpoint: "update-registration" }).length, 1);
  });

  it("invariant: delete rejects with the non-refundable refusal, and touches nothing", async () => {
    h.sim.registry.seed(ACCOUNT, { domain_name: "kept.com" });
    await assert.rejects(dynamic.delete("kept.com", { domainName: "kept.com" }), (e: Error) => e.message === deleteRefusal("kept.com"));
    assert.match(deleteRefusal("kept.com"), /non-refundable/);
    assert.equal(h.sim.requests().length, 0);
    assert.equal(h.sim.registry.list(ACCOUNT).length, 1);
  });

  it("a malformed cloudflare-registrar:accountId fails the preview as that config value, with no request (not as a 403 blaming the token)", async () => {
    const get = (key: string) =>
      ({ "cloudflare-registrar:apiToken": TOKEN, "cloudflare-registrar:accountId": "my-account", "cloudflare-registrar:baseUrl": h.clientOptions().baseUrl })[
        key
      ];
    await dynamic.configure({ config: { get, require: (key: string) => get(key) ?? assert.fail(`config ${key} is not set`) } });
    const { failures } = await dynamic.check({}, { domainName: "shim.com" });
    assert.equal(failures?.length, 1);
    assert.match(failures![0]!.reason, /^Config cloudflare-registrar:accountId is 'my-account', not a Cloudflare account id: 32 lower-case hex characters/);
    assert.equal(h.sim.requests().length, 0);
  });

  it("configure replaces the settings of the provider already in use", async () => {
    await dynamic.check({}, { domainName: "shim.com" });
    await configure("wrong-token");
    await assert.rejects(dynamic.read("shim.com", { domainName: "shim.com", accountId: ACCOUNT }), AuthenticationError);
  });
});

describe("the dynamic-provider shim before configure", () => {
  it("falls back to the environment (and says what is missing) when the engine sent no config", async () => {
    const path = require.resolve("../../../provider/host/registration");
    const cached = require.cache[path];
    delete require.cache[path];
    try {
      const fresh = require("../../../provider/host/registration") as typeof dynamic;
      await assert.rejects(fresh.read("x.com", { domainName: "x.com" }), /No Cloudflare API credentials found/);
    } finally {
      require.cache[path] = cached;
    }
  });
});

describe("the provider process's start-up", () => {
  for (const shim of ["registration", "transfer"]) {
    it(`a preview of unchanged resources (check of an existing resource, diff) through the ${shim} shim loads neither undici, zod nor ajv`, async () => {
      // A fresh process, as the engine starts one: what the shim's first calls load is what every preview pays.
      const script = `
        const dynamic = require(${JSON.stringify(require.resolve(`../../../provider/host/${shim}`))});
        (async () => {
          await dynamic.configure({ config: { get: () => undefined, require: () => undefined } });
          const olds = { domainName: "held.com", accountId: "${ACCOUNT}", autoRenew: false, status: "active", expiresAt: "2099-01-01T00:00:00Z" };
          const checked = await dynamic.check(olds, { domainName: "held.com", accountId: "${ACCOUNT}", autoRenew: false });
          const diffed = await dynamic.diff("held.com", olds, checked.inputs);
          const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](undici|zod|ajv)[\\\\/]/.test(k));
          console.log(JSON.stringify({ failures: checked.failures, changes: diffed.changes, loaded }));
        })();`;
      const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], { env: { PATH: process.env.PATH } });
      assert.deepEqual(JSON.parse(stdout), { failures: [], changes: false, loaded: [] });
    });
  }
});
