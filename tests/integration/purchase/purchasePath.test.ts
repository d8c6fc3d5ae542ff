import { strict as assert } from "node:assert";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { PartialStateError } from "../../../provider/purchase/partial";
import { TransferProvider } from "../../../provider/transfer/provider";
import { UNKNOWN } from "../../../provider/domain/validation";
import { ACCOUNT, Harness, startSim, VirtualClock } from "../../support/sim";
import { Rewrite, wireTap, WireTap } from "../../support/wire";
import type { SimulatorOptions } from "../../../simulator/server";

/**
 * The paths that spend money or carry a secret, driven through the providers' public methods against the
 * simulator, with a recording proxy in between where what was sent on the wire is the point.
 */
const OTHER = "fedcba9876543210fedcba9876543210";
const CODE = "Zq7#pL!x9$Wm";
const BASE64 = Buffer.from(CODE, "utf8").toString("base64");
const CONTACT = {
  email: "ada@example.com",
  phone: "+44.2071234567",
  postalInfo: { name: "Ada", address: { street: "1 Sq", city: "London", state: "LND", postalCode: "SW1", countryCode: "GB" } },
};
const UNREADABLE = { type: "object", properties: { auth_code: { $ref: "#/nowhere" } } };

describe("the purchase path, as sent", () => {
  let h: Harness;
  let tap: WireTap | undefined;
  let logs: string[];
  let providers: Array<{ close(): Promise<void> }>;
  beforeEach(() => {
    logs = [];
    providers = [];
    tap = undefined;
  });
  afterEach(async () => {
    await Promise.all(providers.map((p) => p.close()));
    await tap?.stop();
    await h.stop();
  });
  const settings = (extra: Record<string, unknown> = {}) => ({
    client: h.clientOptions(tap ? { baseUrl: tap.baseUrl } : {}),
    poll: { initialIntervalMs: 20, maxIntervalMs: 100, blockedIntervalMs: 100, deadlineMs: 5_000 },
    transferWaitMs: 300,
    log: (m: string) => logs.push(m),
    ...extra,
  });
  const registrations = async (opts: SimulatorOptions = {}, rewrite?: Rewrite, extra: Record<string, unknown> = {}) => {
    h = await startSim({ accounts: [ACCOUNT, OTHER], ...opts });
    tap = await wireTap(h.sim.baseUrl, rewrite);
    const p = new RegistrationProvider(settings(extra));
    providers.push(p);
    return p;
  };
  const transfers = async (opts: SimulatorOptions = {}, rewrite?: Rewrite, extra: Record<string, unknown> = {}) => {
    h = await startSim({ accounts: [ACCOUNT, OTHER], transferMs: 1_500, ...opts });
    tap = await wireTap(h.sim.baseUrl, rewrite);
    const p = new TransferProvider(settings(extra));
    providers.push(p);
    return p;
  };
  const sentTo = (suffix: string) => tap!.sent.filter((s) => s.method === "POST" && s.path.split("?")[0]!.endsWith(suffix));
  const reasons = (failures: Array<{ reason: string }>) => failures.map((f) => f.reason).join("\n");

  describe("DomainRegistration", () => {
    it("invariant: a registration is bought in the account its inputs name, with the term priced, sent explicitly", async () => {
      const p = await registrations();
      const checked = await p.check(undefined, { domainName: "elsewhere.com", accountId: OTHER });
      assert.deepEqual(checked.failures, []);
      const { outs } = await p.create(checked.inputs);
      assert.equal(outs.accountId, OTHER);
      const posts = sentTo("/registrations");
      assert.equal(posts.length, 1);
      assert.ok(posts[0]!.path.includes(`/accounts/${OTHER}/`), posts[0]!.path);
      assert.deepEqual(posts[0]!.body, { domain_name: "elsewhere.com", auto_renew: false, years: 1 });
      assert.doesNotMatch(logs.join("\n"), /could not be read/, "a readable schema was checked");
      assert.deepEqual(
        h.sim.charges().map((c) => [c.domain, c.amount]),
        [["elsewhere.com", "10.44"]],
      );
    });

    it("invariant: a definite refusal of the POST is reported as it is, with no look as if the answer were lost", async () => {
      const p = await registrations({ faults: [{ endpoint: "create-registration", kind: "status", status: 403, times: 1 }] });
      const checked = await p.check(undefined, { domainName: "denied.com" });
      tap!.sent.length = 0;
      const err = await p.create(checked.inputs).then(
        () => assert.fail("a 403 must fail the create"),
        (e: Error) => e,
      );
      assert.doesNotMatch(err.message, /may not have been processed/);
      assert.deepEqual(
        tap!.sent.map((s) => `${s.method} ${s.path.split("?")[0]!.split("/").pop()}`),
        ["GET denied.com", "POST domain-check", "POST registrations"],
        "the fresh look, the one POST, and nothing after it",
      );
      assert.doesNotMatch(logs.join("\n"), /looking before doing anything else/);
    });

    it("invariant: after a conflicting POST (409) the provider looks, says so, and never POSTs again", async () => {
      const p = await registrations({ faults: [{ endpoint: "create-registration", kind: "status", status: 409, times: 1 }] });
      const checked = await p.check(undefined, { domainName: "clash.com" });
      const err = await p.create(checked.inputs).then(
        () => assert.fail("nothing was recorded, so create fails"),
        (e: Error) => e,
      );
      assert.match(
        err.message,
        /^The registration request for 'clash\.com' may not have been processed \(.*\), and the account does not hold 'clash\.com' now\. Nothing was bought twice; no second request was sent\. Run `pulumi up` again: it checks availability and ownership first\.$/,
      );
      assert.match(logs.join("\n"), /clash\.com: the registration conflicted; looking before doing anything else\./);
      assert.equal(sentTo("/registrations").length, 1);
    });

    it("invariant: every reason not to buy is given when create's fresh look refuses, each in full", async () => {
      const p = await registrations();
      // Inputs that skipped check (a program run without a preview): the fresh look still judges them.
      const err = await p.create({ domainName: "taken-twice.us", accountId: ACCOUNT }).then(
        () => assert.fail("must refuse"),
        (e: Error) => e,
      );
      assert.match(err.message, /^Not registering: contactExtensions is required for '\.us' registrations: give .*\. 'taken-twice\.us' is not available/);
      assert.equal(sentTo("/registrations").length, 0);
    });

    it("invariant: a purchase accepted and then lost from sight (its status look fails) is recorded as pending, and the next up resumes it with no second POST", async () => {
      const p = await registrations({
        domains: { "unseen.com": { scenario: { kind: "slow", durationMs: 1_500 } } },
        faults: [{ endpoint: "registration-status", kind: "status", status: 403, times: 1 }],
      });
      const checked = await p.check(undefined, { domainName: "unseen.com" });
      const err = await p.create(checked.inputs).then(
        () => assert.fail("the failed look must fail this create"),
        (e: Error) => e,
      );
      assert.ok(err instanceof PartialStateError, `recorded, not lost: ${err.message}`);
      assert.equal(err.id, "unseen.com");
      assert.equal((err.properties as { status: string }).status, "registration_pending");
      assert.match(
        err.message,
        /^The registration of 'unseen\.com' was accepted, but following it failed: .*403.* run `pulumi up` again to resume it, without registering again\.$/s,
      );
      // What the engine does next: an update of the recorded resource, which follows the workflow to its end.
      const { outs } = await p.update("unseen.com", err.properties as never, checked.inputs);
      assert.equal(outs.status, "active");
      assert.equal(sentTo("/registrations").length, 1, "one purchase in all");
      assert.deepEqual(
        h.sim.charges().map((c) => c.domain),
        ["unseen.com"],
      );
    });

    it("invariant: a failed purchase fails; it is never recorded as resumable partial state", async () => {
      const p = await registrations();
      const checked = await p.check(undefined, { domainName: "failed-once.com" });
      const err = await p.create(checked.inputs).then(
        () => assert.fail("must fail"),
        (e: Error) => e,
      );
      assert.ok(!(err instanceof PartialStateError), "a failed workflow is over: recording it would resume nothing");
      assert.match(err.message, /^Registration of 'failed-once\.com' failed/);
    });

    it("invariant: a purchase unfinished at the deadline is recorded, saying the next up resumes it without paying again", async () => {
      const p = await registrations({ domains: { "held.com": { scenario: { kind: "blocked", blockedMs: 5_000 } } } }, undefined, {
        poll: { initialIntervalMs: 20, maxIntervalMs: 100, deadlineMs: 300 },
      });
      const checked = await p.check(undefined, { domainName: "held.com" });
      const err = await p.create(checked.inputs).then(
        () => assert.fail("must hit the deadline"),
        (e: Error) => e,
      );
      assert.ok(err instanceof PartialStateError);
      assert.match(err.message, /It was recorded in the stack; run `pulumi up` later to resume it without registering again\./);
      assert.match(logs.join("\n"), /held\.com: registration/, "the wait says what it waits for");
    });

    it("invariant: a workflow that succeeded without its registration is read back fresh, never guessed", async () => {
      const strip: Rewrite = (req, _status, body) => {
        if (req.method === "POST" && body?.result?.context) delete body.result.context;
        return body;
      };
      const p = await registrations({}, strip);
      const checked = await p.check(undefined, { domainName: "bare.com" });
      const { outs } = await p.create(checked.inputs);
      assert.equal(outs.status, "active");
      assert.ok(outs.expiresAt, "the expiry came from the fresh Get Registration");
      assert.equal(sentTo("/registrations").length, 1);
    });

    it("invariant: this run's own purchase, found after a lost answer, is not reported as a domain the account already owned", async () => {
      const p = await registrations({ faults: [{ endpoint: "create-registration", kind: "drop_after", times: 1 }] });
      const checked = await p.check(undefined, { domainName: "mine-now.com" });
      const { outs } = await p.create(checked.inputs);
      assert.equal(outs.status, "active");
      assert.ok(outs.quote, "the purchase keeps the price it was bought at");
      assert.match(logs.join("\n"), /mine-now\.com: the registration answer was lost or unreadable; looking/);
      assert.doesNotMatch(logs.join("\n"), /already owned by the account/);
    });

    it("invariant: adopting says so; resuming a purchase in flight says it buys nothing", async () => {
      const p = await registrations({
        registrations: [{ domain_name: "mine.com", auto_renew: false }],
        domains: { "inflight.com": { scenario: { kind: "slow", durationMs: 1_000 } } },
        waitWindowMs: 20,
      });
      await h.client().createRegistration({ domain_name: "inflight.com", years: 1 }, { accountId: ACCOUNT });
      await p.create({ domainName: "mine.com", accountId: ACCOUNT });
      assert.match(logs.join("\n"), /mine\.com: already owned by the account; adopted with no purchase\./);
      await p.create({ domainName: "inflight.com", accountId: ACCOUNT });
      assert.match(logs.join("\n"), /inflight\.com: a registration is already in flight; resuming it \(no new purchase\)\./);
      assert.equal(sentTo("/registrations").length, 0);
    });

    it("invariant: what was bought with the registration (contacts, contactExtensions, acknowledgements) cannot change after it", async () => {
      const p = await registrations();
      const olds = {
        domainName: "bought.com",
        accountId: ACCOUNT,
        contacts: { registrant: { ...CONTACT, email: "old@example.com" } },
        contactExtensions: { a: "1" },
        acknowledgements: { terms: false },
      };
      for (const [key, now] of [
        ["contacts", { registrant: CONTACT }],
        ["contactExtensions", { a: "2" }],
        ["acknowledgements", { terms: true }],
      ] as const) {
        const { failures } = await p.check(olds, { ...olds, [key]: now });
        assert.deepEqual(
          failures.map((f) => f.property),
          [key],
        );
      }
    });

    it("invariant: an extension schema that cannot be read is said so in the preview, and the API's own check decides", async () => {
      const unreadable: Rewrite = (req, _s, body) => {
        if (req.method === "GET" && /\/extensions\//.test(req.path) && body?.result) body.result.registration_schema = UNREADABLE;
        return body;
      };
      const p = await registrations({}, unreadable);
      const { failures, inputs } = await p.check(undefined, { domainName: "odd.com" });
      assert.deepEqual(failures, []);
      assert.ok(inputs.quote);
      assert.match(
        logs.join("\n"),
        /odd\.com: the API's schema for '\.com' could not be read, so its rules were not checked here; Cloudflare checks them before any charge\./,
      );
    });
  });

  describe("DomainTransfer", () => {
    it("invariant: a transfer starts in the account its inputs name, with the code sent only base64-encoded", async () => {
      const p = await transfers({ domains: { "taken-away.com": { authCode: CODE } } });
      const checked = await p.check(undefined, { domainName: "taken-away.com", authCode: CODE, accountId: OTHER });
      assert.deepEqual(checked.failures, [], reasons(checked.failures));
      await p.create(checked.inputs);
      const checks = sentTo("/domain-transfer-check");
      assert.deepEqual(checks[0]!.body, { domains: [{ domain_name: "taken-away.com", auth_code: BASE64 }] });
      const starts = sentTo("/transfer-in");
      assert.equal(starts.length, 1);
      assert.ok(starts[0]!.path.includes(`/accounts/${OTHER}/`), starts[0]!.path);
      assert.deepEqual(starts[0]!.body, { auth_code: BASE64, auto_renew: false });
      assert.ok(!JSON.stringify(tap!.sent).includes(CODE), "the plain code never crosses the wire");
      assert.doesNotMatch(logs.join("\n"), /could not be read|take no auth code/);
    });

    it("invariant: a code given for an extension that takes none is never sent, and the preview says so", async () => {
      const p = await transfers({}, undefined, { transferWaitMs: 2_000 });
      const news = { domainName: "taken-tea.co.uk", authCode: CODE, contactExtensions: { uk_registrant_type: "IND" } };
      const checked = await p.check(undefined, news);
      assert.deepEqual(checked.failures, [], reasons(checked.failures));
      assert.match(logs.join("\n"), /taken-tea\.co\.uk: '\.co\.uk' transfers take no auth code, so the authCode given is not sent\./);
      await p.create(checked.inputs);
      for (const s of [...sentTo("/domain-transfer-check"), ...sentTo("/transfer-in")]) {
        assert.ok(!JSON.stringify(s.body).includes("auth_code"), JSON.stringify(s.body));
      }
      assert.equal(sentTo("/transfer-in").length, 1);
    });

    it("invariant: a missing code is named with where it comes from; other schema failures keep their own words", async () => {
      const p = await transfers();
      const { failures } = await p.check(undefined, { domainName: "taken-nexus.us" });
      const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
      assert.match(byProperty.authCode!, /^authCode is required to transfer '\.us' domains: the auth \(EPP\) code from the current registrar/);
      assert.match(byProperty.contactExtensions!, /^contactExtensions is required for '\.us' transfers: give /);
    });

    it("invariant: inputs still unknown in the preview are not judged against the schema", async () => {
      const p = await transfers();
      const { failures } = await p.check(undefined, { domainName: "taken-later.us", authCode: CODE, contactExtensions: UNKNOWN });
      assert.deepEqual(failures, [], reasons(failures));
    });

    it("invariant: a transfer schema that cannot be read is said so; the code is still sent", async () => {
      const unreadable: Rewrite = (req, _s, body) => {
        if (req.method === "GET" && /\/extensions\//.test(req.path) && body?.result) body.result.transfer_schema = UNREADABLE;
        return body;
      };
      const p = await transfers({ domains: { "taken-odd.com": { authCode: CODE } } }, unreadable);
      const { failures } = await p.check(undefined, { domainName: "taken-odd.com", authCode: CODE });
      assert.deepEqual(failures, [], reasons(failures));
      assert.match(logs.join("\n"), /taken-odd\.com: the API's transfer schema for '\.com' could not be read, so its rules were not checked here/);
      assert.equal(sentTo("/domain-transfer-check")[0]!.body.domains[0].auth_code, BASE64);
    });

    it("invariant: a transfer-check answer keyed otherwise is still matched by the domain's name, never taken from another domain", async () => {
      const rekey: Rewrite = (req, _s, body) => {
        if (req.path.includes("domain-transfer-check") && body?.result?.domains) {
          const [only] = Object.values(body.result.domains) as Array<{ name: string }>;
          body.result.domains = { first: { name: "someone-else.com", transferable: false, reasons: [{ code: "domain_locked" }] }, second: only };
        }
        return body;
      };
      const p = await transfers({ domains: { "taken-keyed.com": { authCode: CODE } } }, rekey);
      const { failures, inputs } = await p.check(undefined, { domainName: "taken-keyed.com", authCode: CODE });
      assert.deepEqual(failures, [], reasons(failures));
      assert.deepEqual(inputs.quote, { currency: "USD", transferCost: "10.44", renewalCost: "10.44" });
    });

    it("invariant: a failing transfer-status look is an error, not a transfer adopted without a workflow", async () => {
      const p = await transfers({
        registrations: [{ domain_name: "arriving.com", status: "transfer_pending", expires_at: null }],
        faults: [{ endpoint: "transfer-in-status", kind: "status", status: 403 }],
      });
      await assert.rejects(p.create({ domainName: "arriving.com", accountId: ACCOUNT, authCode: CODE }), /403/);
      assert.equal(sentTo("/transfer-in").length, 0);
    });

    it("invariant: a blocked transfer is asked about at the API's pace (every 30 minutes), not in a loop", async () => {
      const clock = new VirtualClock();
      // An hour-long transfer, blocked from minute 12 to minute 54, and a create that waits two hours for it.
      h = await startSim({ transferMs: 3_600_000, now: clock.now });
      const p = new TransferProvider({ client: h.clientOptions({ clock }), poll: { clock }, transferWaitMs: 7_200_000, log: () => undefined });
      providers.push(p);
      const checked = await p.check(undefined, { domainName: "taken-slowly.com", authCode: CODE });
      const { outs } = await p.create(checked.inputs);
      assert.equal(outs.status, "active");
      const looks = h.sim.requests({ endpoint: "transfer-in-status" });
      const start = Date.parse(looks[0]!.startedAt);
      const minute = (r: { startedAt: string }) => (Date.parse(r.startedAt) - start) / 60_000;
      // While it is blocked (minutes 12 to 54) the back-off grows towards the API's 30 minutes: a handful of
      // looks, where polling at the 30 s in-progress ceiling would make about 84.
      const whileBlocked = looks.filter((r) => minute(r) > 13 && minute(r) < 53).length;
      assert.ok(whileBlocked >= 1 && whileBlocked <= 12, `${whileBlocked} status requests while blocked`);
      // In all: the quick first looks (a transfer that lands in seconds is noticed within one), 30 s apart while
      // pending, then the blocked stretch: far from the ~140 of a 30 s loop over the hour.
      assert.ok(looks.length >= 20 && looks.length <= 70, `${looks.length} status requests`);
    });

    it("invariant: an autoRenew that differs from a domain mid-transfer is left alone, and the log says when it will apply", async () => {
      const p = await transfers({
        registrations: [
          { domain_name: "arriving.com", status: "transfer_pending", auto_renew: false, expires_at: null },
          { domain_name: "steady.com", status: "transfer_pending", auto_renew: true, expires_at: null },
          { domain_name: "renewing.com", status: "transfer_pending", auto_renew: true, expires_at: null },
        ],
      });
      const { outs } = await p.create({ domainName: "arriving.com", accountId: ACCOUNT, authCode: CODE, autoRenew: true });
      assert.equal(outs.autoRenew, false);
      assert.match(logs.join("\n"), /arriving\.com: autoRenew stays false until the transfer lands; run `pulumi up` after it does to apply true\./);
      await p.create({ domainName: "steady.com", accountId: ACCOUNT, authCode: CODE, autoRenew: true });
      assert.doesNotMatch(logs.join("\n"), /steady\.com: autoRenew stays/);
      // autoRenew not given means false: the program asks for it off.
      await p.create({ domainName: "renewing.com", accountId: ACCOUNT, authCode: CODE });
      assert.match(logs.join("\n"), /renewing\.com: autoRenew stays true until the transfer lands; run `pulumi up` after it does to apply false\./);
      assert.equal(tap!.sent.filter((s) => s.method === "PATCH").length, 0);
    });

    it("invariant: an extension without published rules is judged by transfer-check alone, and gets the code (base64)", async () => {
      const p = await transfers({ domains: { "taken-bare.com": { authCode: CODE } }, faults: [{ endpoint: "get-extension", kind: "status", status: 404 }] });
      const { failures } = await p.check(undefined, { domainName: "taken-bare.com", authCode: CODE });
      assert.deepEqual(failures, [], reasons(failures));
      assert.equal(sentTo("/domain-transfer-check")[0]!.body.domains[0].auth_code, BASE64);
    });

    it("invariant: a .uk transfer given no code says nothing of one", async () => {
      const p = await transfers();
      const { failures } = await p.check(undefined, { domainName: "taken-quiet.co.uk", contactExtensions: { uk_registrant_type: "IND" } });
      assert.deepEqual(failures, [], reasons(failures));
      assert.doesNotMatch(logs.join("\n"), /auth code/);
    });

    it("invariant: an extension with no transfer schema gets the code as given (base64), unjudged and unremarked", async () => {
      const noSchema: Rewrite = (req, _s, body) => {
        if (req.method === "GET" && /\/extensions\//.test(req.path) && body?.result) delete body.result.transfer_schema;
        return body;
      };
      const p = await transfers({ domains: { "taken-plain.com": { authCode: CODE } } }, noSchema);
      const { failures } = await p.check(undefined, { domainName: "taken-plain.com", authCode: CODE });
      assert.deepEqual(failures, [], reasons(failures));
      assert.equal(sentTo("/domain-transfer-check")[0]!.body.domains[0].auth_code, BASE64);
      assert.doesNotMatch(logs.join("\n"), /could not be read|take no auth code/);
    });

    it("invariant: a schema failure about a given code never shows the code, and is not mistaken for a missing one", async () => {
      const short: Rewrite = (req, _s, body) => {
        if (req.method === "GET" && /\/extensions\//.test(req.path) && body?.result?.transfer_schema)
          body.result.transfer_schema.properties.auth_code = { type: "string", maxLength: 4 };
        return body;
      };
      const p = await transfers({ domains: { "taken-long.com": { authCode: CODE } } }, short);
      const { failures } = await p.check(undefined, { domainName: "taken-long.com", authCode: CODE });
      const text = reasons(failures);
      assert.match(text, /authCode must NOT have more than 4 characters for '\.com' \(JSON Schema keyword 'maxLength'\), got \(a secret, not shown\)\./);
      assert.doesNotMatch(text, /is required/);
      assert.ok(!text.includes(CODE) && !text.includes(BASE64), text);
    });

    it("invariant: a transfer-check error that echoes the code carries neither form of it", async () => {
      const echo: Rewrite = (req, status, body) => {
        if (req.path.includes("domain-transfer-check") && status >= 400) body.errors = [{ code: 1000, message: `bad code ${CODE} (${BASE64})` }];
        return body;
      };
      const p = await transfers({ faults: [{ endpoint: "transfer-check", kind: "status", status: 400 }] }, echo);
      const err = await p.check(undefined, { domainName: "taken-echo.com", authCode: CODE }).then(
        () => assert.fail("a 400 fails the check"),
        (e: Error) => e,
      );
      assert.match(err.message, /bad code \[auth code\] \(\[auth code\]\)/);
      assert.ok(!`${err.message}${err.stack}`.includes(CODE) && !`${err.message}${err.stack}`.includes(BASE64));
    });

    it("invariant: inputs of DomainRegistration are refused on a transfer, each saying why", async () => {
      const p = await transfers();
      const { failures } = await p.check(undefined, { domainName: "taken-x.com", authCode: CODE, years: 2, acknowledgements: {} });
      assert.deepEqual(
        failures.filter((f) => f.property !== "domainName"),
        [
          { property: "years", reason: "years is not an input of DomainTransfer: a transfer always adds one year to the registration. Remove it." },
          { property: "acknowledgements", reason: "acknowledgements is not an input of DomainTransfer: the transfer-in body takes none. Remove it." },
        ],
      );
    });

    it("invariant: the sandbox refusal is on domainName, the input to change", async () => {
      h = await startSim();
      const p = new TransferProvider({ client: h.clientOptions({ sandbox: true }), log: () => undefined });
      providers.push(p);
      const { failures } = await p.check(undefined, { domainName: "taken-box.com", authCode: CODE });
      assert.deepEqual(
        failures.map((f) => f.property),
        ["domainName"],
      );
    });

    it("invariant: privacyMode, contacts and contactExtensions are fixed once a transfer starts; a rotated code is not", async () => {
      const p = await transfers();
      const olds = {
        domainName: "moved.com",
        accountId: ACCOUNT,
        privacyMode: "redaction",
        contacts: { registrant: { ...CONTACT, email: "old@example.com" } },
        contactExtensions: { a: "1" },
        authCode: "old",
      };
      for (const [key, now] of [
        ["privacyMode", "off"],
        ["contactExtensions", { a: "2" }],
        ["contacts", { registrant: CONTACT }],
      ] as const) {
        const { failures } = await p.check(olds, { ...olds, [key]: now });
        assert.deepEqual(
          failures.map((f) => f.property),
          [key],
        );
      }
      assert.deepEqual((await p.check(olds, { ...olds, authCode: "new" })).failures, []);
    });
  });
});
