import { strict as assert } from "node:assert";
import { PartialRegistrationError, RegistrationProvider } from "../../../provider/registration/provider";
import { UNKNOWN } from "../../../provider/domain/validation";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

const contact = {
  email: "hostmaster@example.com",
  phone: "+1.5555555555",
  postalInfo: { name: "Ada Lovelace", address: { street: "1 Main St", city: "Austin", state: "TX", postalCode: "78701", countryCode: "US" } },
};

describe("RegistrationProvider (the lifecycle) against the simulator", () => {
  let h: Harness;
  let p: RegistrationProvider;
  let logs: string[];
  const start = async (opts: SimulatorOptions = {}, poll = {}) => {
    h = await startSim(opts);
    logs = [];
    p = new RegistrationProvider({
      client: h.clientOptions(),
      poll: { initialIntervalMs: 20, maxIntervalMs: 100, blockedIntervalMs: 200, deadlineMs: 5_000, ...poll },
      log: (m) => logs.push(m),
    });
  };
  afterEach(async () => {
    await p.close();
    await h.stop();
  });
  const posts = () => h.sim.requests({ endpoint: "create-registration" }).length;
  const checkThenCreate = async (news: Record<string, unknown>) => {
    const checked = await p.check(undefined, news);
    assert.deepEqual(checked.failures, []);
    return p.create(checked.inputs);
  };

  describe("check", () => {
    beforeEach(() => start());

    it("normalises the domain name (trim, case, trailing dot, IDN to punycode)", async () => {
      const { inputs, failures } = await p.check(undefined, { domainName: "  Bücher.DEV. " });
      assert.deepEqual(failures, []);
      assert.equal(inputs.domainName, "xn--bcher-kva.dev");
    });

    const bad: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ["an empty label", { domainName: "a..com" }, "domainName", /empty label/],
      ["a URL", { domainName: "https://example.com" }, "domainName", /not a URL/],
      ["a 64-character label", { domainName: "a".repeat(64) + ".com" }, "domainName", /limit is 63/],
      ["a leading hyphen", { domainName: "-a.com" }, "domainName", /inner hyphens/],
      ["reserved '--'", { domainName: "ab--c.com" }, "domainName", /reserved for punycode/],
      ["bad punycode", { domainName: "xn--zz.com" }, "domainName", /not a valid|not valid punycode/],
      ["a subdomain", { domainName: "www.example.com" }, "domainName", /subdomain.*'example\.com'/],
      [
        "a subdomain under a multi-label extension",
        { domainName: "www.example.co.uk" },
        "domainName",
        /'www\.example\.co\.uk' is a subdomain of 'example\.co\.uk'/,
      ],
      ["a bare extension", { domainName: "co.uk" }, "domainName", /'co\.uk' is an extension.*'example\.co\.uk'/],
      ["years 0", { domainName: "a.com", years: 0 }, "years", /1 to 10, got 0/],
      ["fractional years", { domainName: "a.com", years: 1.5 }, "years", /whole number/],
      ["a privacy mode", { domainName: "a.com", privacyMode: "full" }, "privacyMode", /'redaction'.*'off', got 'full'/],
      ["a phone", { domainName: "a.com", contacts: { registrant: { ...contact, phone: "555-1234" } } }, "contacts.registrant.phone", /'555-1234'.*E\.164/],
      [
        "a country",
        {
          domainName: "a.com",
          contacts: { registrant: { ...contact, postalInfo: { ...contact.postalInfo, address: { ...contact.postalInfo.address, countryCode: "UK" } } } },
        },
        "contacts.registrant.postalInfo.address.countryCode",
        /'GB'/,
      ],
      ["an email", { domainName: "a.com", contacts: { registrant: { ...contact, email: "nobody" } } }, "contacts.registrant.email", /'nobody' is not an email/],
      ["an account id", { domainName: "a.com", accountId: "acct" }, "accountId", /32 lower-case hex/],
      ["a negative maxPrice", { domainName: "a.com", maxPrice: -1 }, "maxPrice", /non-negative/],
    ];
    for (const [what, news, property, reason] of bad) {
      it(`refuses ${what}, naming the field, the value and the fix, before any API write`, async () => {
        const { failures } = await p.check(undefined, news);
        const failure = failures.find((f) => f.property === property);
        assert.ok(failure, `no failure for ${property}: ${JSON.stringify(failures)}`);
        assert.match(failure.reason, reason);
        assert.equal(posts(), 0);
      });
    }

    it("lets unknown values through during preview, and asks the API nothing about an unknown name", async () => {
      const { failures } = await p.check(undefined, { domainName: UNKNOWN, years: UNKNOWN, contacts: { registrant: UNKNOWN } });
      assert.deepEqual(failures, []);
      assert.equal(h.sim.requests().length, 0);
    });

    it("prices a new domain for the preview with three requests (two once its extension is known), and logs the quote", async () => {
      const { inputs, failures } = await p.check(undefined, { domainName: "fresh.app", years: 3 });
      assert.deepEqual(failures, []);
      assert.deepEqual(inputs.quote, { currency: "USD", registrationCost: "14.00", renewalCost: "14.00", years: 3, firstTermTotal: "42.00" });
      assert.deepEqual(h.sim.counts(), { "list-registrations": 1, "get-extension": 1, "domain-check": 1 });
      h.sim.clearRequests();
      await p.check(undefined, { domainName: "second.app" });
      assert.deepEqual(h.sim.counts(), { "domain-check": 1 }, "the account's registrations and the extension's rules are fetched once per process");
      assert.match(logs.join("\n"), /fresh\.app: available; registering it will cost USD 42\.00 for 3 years/);
    });

    const refused: Array<[string, string, RegExp]> = [
      ["unavailable", "taken-a.com", /not available/],
      ["premium", "premium-a.com", /premium/],
      ["dashboard-only", "brand.cc", new RegExp(`dashboard but not through the API.*https://dash\\.cloudflare\\.com/${ACCOUNT}/domains/registrations`)],
      ["frozen", "frozen-a.com", /frozen new registrations/],
    ];
    for (const [what, domain, reason] of refused) {
      it(`fails the preview of a ${what} domain`, async () => {
        const { failures } = await p.check(undefined, { domainName: domain });
        assert.match(failures.map((f) => f.reason).join(), reason);
      });
    }

    it("fails the preview above maxPrice", async () => {
      const { failures } = await p.check(undefined, { domainName: "dear.app", maxPrice: 13.99 });
      assert.equal(failures[0]!.property, "maxPrice");
      assert.match(failures[0]!.reason, /USD 14\.00.*above maxPrice 13\.99/);
    });

    it("accepts a domain the account owns, on any extension, with registration-only inputs, without a check", async () => {
      h.sim.registry.seed(ACCOUNT, { domain_name: "brand.io" });
      const { failures, inputs } = await p.check(undefined, { domainName: "brand.io", years: 2, privacyMode: "off", contacts: { registrant: contact } });
      assert.deepEqual(failures, []);
      assert.equal(inputs.quote, undefined);
      assert.deepEqual(h.sim.counts(), { "list-registrations": 1 });
    });

    it("makes no API call for an existing resource, and refuses a new name or a changed registration-only input", async () => {
      const olds = { domainName: "mine.com", accountId: ACCOUNT, years: 1, privacyMode: "redaction", contacts: { registrant: contact } };
      const same = await p.check(olds, { ...olds, autoRenew: true });
      assert.deepEqual(same.failures, []);
      const renamed = await p.check(olds, { ...olds, domainName: "other.com" });
      assert.match(renamed.failures[0]!.reason, /cannot change from 'mine\.com'.*second domain/);
      const longer = await p.check(olds, { ...olds, years: 2 });
      assert.equal(longer.failures[0]!.property, "years");
      assert.match(longer.failures[0]!.reason, /used only when the domain is registered/);
      const moved = await p.check(olds, { ...olds, contacts: { registrant: { ...contact, email: "new@example.com" } } });
      assert.equal(moved.failures[0]!.property, "contacts");
      const reordered = { registrant: { postalInfo: contact.postalInfo, phone: contact.phone, email: contact.email } };
      assert.deepEqual((await p.check(olds, { ...olds, contacts: reordered })).failures, [], "key order is not a change");
      const dropped = await p.check(olds, { domainName: "mine.com" });
      assert.deepEqual(dropped.failures, [], "removing a registration-only input changes nothing and is allowed");
      assert.equal(h.sim.requests().length, 0);
    });
  });

  describe("diff", () => {
    beforeEach(() => start());
    it("always answers changes explicitly; only autoRenew changes; no replacement ever", async () => {
      const olds = { domainName: "a.com", autoRenew: false, __provider: "old" };
      assert.deepEqual(await p.diff("a.com", olds, { domainName: "a.com", __provider: "new" }), { changes: false, replaces: [], deleteBeforeReplace: false });
      assert.equal((await p.diff("a.com", olds, { domainName: "a.com", autoRenew: true })).changes, true);
      assert.equal((await p.diff("a.com", olds, { domainName: "a.com", autoRenew: UNKNOWN })).changes, true);
      assert.deepEqual((await p.diff("a.com", olds, { domainName: "b.com", years: 5 })).replaces, []);
    });
  });

  describe("create", () => {
    it("registers with one POST, and check + create take at most 6 requests (one of them the extension's rules)", async () => {
      await start();
      const { id, outs } = await checkThenCreate({ domainName: "happy.com", autoRenew: true, contacts: { registrant: contact } });
      assert.equal(id, "happy.com");
      assert.equal(outs.status, "active");
      assert.equal(outs.autoRenew, true);
      assert.equal(outs.quote?.firstTermTotal, "10.44");
      assert.ok(outs.expiresAt);
      assert.equal(posts(), 1);
      const total = h.sim.requests().length;
      assert.ok(total <= 6, `${total} requests: ${JSON.stringify(h.sim.counts())}`);
      const body = h.sim.registry.get(ACCOUNT, "happy.com")!;
      assert.deepEqual(
        (body.contacts as { registrant: { postal_info: { address: { country_code: string } } } }).registrant.postal_info.address.country_code,
        "US",
      );
    });

    it("adopts a domain the account owns: no POST, and converges autoRenew", async () => {
      await start({ registrations: [{ domain_name: "owned.com", auto_renew: false }] });
      const { outs } = await checkThenCreate({ domainName: "owned.com", autoRenew: true, years: 3 });
      assert.equal(posts(), 0);
      assert.equal(outs.autoRenew, true);
      assert.equal(outs.quote, undefined);
      assert.equal(h.sim.requests({ endpoint: "update-registration" }).length, 1);
    });

    it("resumes a registration already in flight instead of buying again", async () => {
      await start({ registrationMs: 400 });
      await h.client().createRegistration({ domain_name: "inflight.com" }, { respondAsync: true });
      h.sim.clearRequests();
      const { outs } = await p.create({ domainName: "inflight.com", accountId: ACCOUNT });
      assert.equal(outs.status, "active");
      assert.equal(posts(), 0);
    });

    it("refuses without POSTing when the price rose after the preview", async () => {
      await start();
      const { inputs } = await p.check(undefined, { domainName: "rising.com" });
      h.sim.setDomain("rising.com", { price: { registration: "99.00" } });
      await assert.rejects(p.create(inputs), /price rose from USD 10\.44.*to USD 99\.00.*pulumi preview/);
      assert.equal(posts(), 0);
    });

    it("refuses without POSTing when the domain was taken after the preview", async () => {
      await start();
      const { inputs } = await p.check(undefined, { domainName: "raced.com" });
      h.sim.setScenario("raced.com", { kind: "unavailable" });
      await assert.rejects(p.create(inputs), /Not registering: 'raced\.com' is not available/);
      assert.equal(posts(), 0);
    });

    it("awaits a slow (202) registration", async () => {
      await start({ domains: { "slowpoke.com": { scenario: { kind: "slow", durationMs: 1_500 } } } });
      const { outs } = await checkThenCreate({ domainName: "slowpoke.com" });
      assert.equal(outs.status, "active");
      assert.equal(posts(), 1);
      assert.deepEqual(
        h.sim.requests({ endpoint: "create-registration" }).map((r) => r.status),
        [202],
      );
    });

    it("reports a failed workflow with its code and message", async () => {
      await start();
      await assert.rejects(
        checkThenCreate({ domainName: "failed-z.com" }),
        /failed: \[registry_rejected\] Registry rejected the request\..*not be retried automatically/,
      );
      assert.equal(posts(), 1);
    });

    it("on action_required: records partial state with instructions; the next up resumes with no second POST", async () => {
      await start({
        domains: { "confirm.com": { scenario: { kind: "action_required", action: "verify_registrant_email", confirmationSentTo: "ada@example.com" } } },
      });
      const checked = await p.check(undefined, { domainName: "confirm.com" });
      const err = await p.create(checked.inputs).then(
        () => assert.fail("should need action"),
        (e: unknown) => e as PartialRegistrationError,
      );
      assert.ok(err instanceof PartialRegistrationError);
      assert.match(err.message, /verify_registrant_email.*ada@example\.com.*resumes this registration without paying again/);
      assert.equal(err.id, "confirm.com");
      assert.equal(err.properties.status, "registration_pending");
      assert.equal(err.properties.workflowState, "action_required");

      h.sim.registry.resolveAction(ACCOUNT, "confirm.com");
      await new Promise((r) => setTimeout(r, 100));
      const { outs } = await p.update("confirm.com", err.properties as never, { domainName: "confirm.com" });
      assert.equal(outs.status, "active");
      assert.equal(outs.quote?.firstTermTotal, "10.44");
      assert.equal(posts(), 1);
    });

    it("on a workflow still blocked at the deadline: partial state; resumes later with no second POST", async () => {
      await start({ domains: { "held.com": { scenario: { kind: "blocked", blockedMs: 2_500 } } } }, { deadlineMs: 300 });
      const err = await checkThenCreate({ domainName: "held.com" }).then(
        () => assert.fail("should hit the deadline"),
        (e: unknown) => e as PartialRegistrationError,
      );
      assert.ok(err instanceof PartialRegistrationError);
      assert.match(err.message, /still blocked \(waiting on the registry, a third party\)/);
      await new Promise((r) => setTimeout(r, 2_000));
      const { outs } = await p.update("held.com", err.properties as never, { domainName: "held.com" });
      assert.equal(outs.status, "active");
      assert.equal(posts(), 1);
    });

    it("on a lost answer: looks, finds the registration, completes; one POST", async () => {
      await start();
      const { outs } = await checkThenCreate({ domainName: "lost-q.com" });
      assert.equal(outs.status, "active");
      assert.equal(posts(), 1);
      assert.match(logs.join("\n"), /answer was lost or unreadable; looking/);
    });

    for (const [what, fault, registered] of [
      ["an answer dropped after recording", { kind: "drop_after" as const }, true],
      ["a 502 before recording", { kind: "status" as const, status: 502 }, false],
      ["a dropped connection before recording", { kind: "drop" as const }, false],
      ["an unreadable 200 answer", { kind: "malformed" as const }, false],
    ] as const) {
      it(`on ${what}: looks instead of POSTing again`, async () => {
        await start();
        h.sim.addFault({ endpoint: "create-registration", times: 1, ...fault });
        const attempt = checkThenCreate({ domainName: "uncertain.com" });
        if (registered) assert.equal((await attempt).outs.status, "active");
        else await assert.rejects(attempt, /may not have been processed.*no second request was sent.*pulumi up/);
        assert.equal(posts(), 1);
      });
    }

    it("fails clearly without credentials, naming the option, env var and config key", async () => {
      await start();
      const bare = new RegistrationProvider({ client: { env: {} }, log: () => undefined });
      await assert.rejects(bare.create({ domainName: "a.com" }), /cloudflare-registrar:apiToken.*CLOUDFLARE_API_TOKEN/);
    });
  });

  describe("update, read, delete", () => {
    it("PATCHes autoRenew (200) and awaits a slow update (202 + update-status)", async () => {
      await start({ registrations: [{ domain_name: "one.com" }, { domain_name: "slow-update-two.com" }] });
      const one = await p.update(
        "one.com",
        { domainName: "one.com", accountId: ACCOUNT, autoRenew: false, status: "active" },
        { domainName: "one.com", autoRenew: true },
      );
      assert.equal(one.outs.autoRenew, true);
      const patches = h.sim.requests({ endpoint: "update-registration" }).length;
      const same = await p.update("one.com", one.outs as never, { domainName: "one.com", autoRenew: true });
      assert.equal(same.outs.autoRenew, true);
      assert.equal(h.sim.requests({ endpoint: "update-registration" }).length, patches, "no PATCH when nothing changes");
      const two = await p.update(
        "slow-update-two.com",
        { domainName: "slow-update-two.com", accountId: ACCOUNT, status: "active" },
        { domainName: "slow-update-two.com", autoRenew: true },
      );
      assert.equal(two.outs.autoRenew, true);
      assert.ok(h.sim.requests({ endpoint: "update-status" }).length >= 1);
      assert.equal(posts(), 0);
    });

    it("reads the registration back with matching inputs; a refresh of unchanged state differs in nothing", async () => {
      await start();
      const { outs } = await checkThenCreate({ domainName: "readme.com", years: 2, privacyMode: "off", contacts: { registrant: contact } });
      const read = await p.read("readme.com", outs as never);
      assert.deepEqual(read.props, outs);
      assert.equal(read.inputs?.privacyMode, "off", "the requested value, not the registration's");
      assert.deepEqual(
        (await p.check(read.inputs as never, { domainName: "readme.com", years: 2, privacyMode: "off", contacts: { registrant: contact } })).failures,
        [],
      );
      assert.equal((await p.diff("readme.com", read.props as never, { domainName: "readme.com" })).changes, false);
    });

    it("shows an out-of-band auto_renew change, an expiry, and a deletion", async () => {
      await start({ registrations: [{ domain_name: "drift.com", auto_renew: true }] });
      const state = { domainName: "drift.com", accountId: ACCOUNT, autoRenew: true, status: "active" };
      h.sim.registry.patchOutOfBand(ACCOUNT, "drift.com", { auto_renew: false, status: "redemption_period" });
      const read = await p.read("drift.com", state);
      const props = read.props as { autoRenew: boolean; status: string };
      assert.equal(props.autoRenew, false);
      assert.equal(props.status, "redemption_period");
      assert.equal(read.id, "drift.com");
      assert.equal((await p.read("gone.com", { ...state, domainName: "gone.com" })).id, "");
    });

    it("refuses delete, naming the domain, the reason and the ways out; the registration is untouched", async () => {
      await start({ registrations: [{ domain_name: "keep.com" }] });
      await assert.rejects(p.delete("keep.com", { domainName: "keep.com" }), (err: Error) => {
        for (const part of [/keep\.com/, /non-refundable/, /autoRenew: false/, /retainOnDelete: true/, /pulumi state delete/]) assert.match(err.message, part);
        return true;
      });
      assert.equal(h.sim.registry.get(ACCOUNT, "keep.com")?.status, "active");
      assert.equal(h.sim.requests().length, 0);
    });
  });

  it("never puts the token in outputs, errors or logs", async () => {
    await start();
    const { outs } = await checkThenCreate({ domainName: "secretive.com" });
    const errors: string[] = [];
    await p.create({ domainName: "taken-q.com", accountId: ACCOUNT }).catch((e: Error) => errors.push(e.message + e.stack));
    await p.delete("secretive.com", outs as never).catch((e: Error) => errors.push(e.message));
    const bad = new RegistrationProvider({ client: h.clientOptions({ apiToken: "wrong-token-xyz" }), log: (m) => logs.push(m) });
    await bad.create({ domainName: "x.com", accountId: ACCOUNT }).catch((e: Error) => errors.push(e.message));
    await bad.close();
    const everything = JSON.stringify(outs) + errors.join() + logs.join();
    assert.ok(errors.length === 3);
    for (const secret of [TOKEN, "wrong-token-xyz"]) assert.ok(!everything.includes(secret), `leaked ${secret}`);
  });
});
