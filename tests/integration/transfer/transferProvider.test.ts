import { strict as assert } from "node:assert";
import { RegistrarClient } from "../../../provider/api/client";
import type { ProviderSettings } from "../../../provider/host/stackConfig";
import { PartialStateError } from "../../../provider/purchase/partial";
import type { WorkflowStatus } from "../../../provider/api/schemas";
import { TransferProvider } from "../../../provider/transfer/provider";
import type { TransferOutputs } from "../../../provider/transfer/mapping";
import { UNKNOWN } from "../../../provider/domain/validation";
import { ACCOUNT, Harness, startSim, VirtualClock } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

/** A code as registrars issue them, with characters that base64 changes, so a plain-text leak is findable. */
const CODE = "Zq7#pL!x9$Wm";
const BASE64 = Buffer.from(CODE, "utf8").toString("base64");
const OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";

describe("TransferProvider (DomainTransfer) against the simulator", () => {
  let h: Harness;
  let p: TransferProvider;
  let logs: string[];
  const start = async (opts: SimulatorOptions = {}, transferWaitMs = 300) => {
    h = await startSim({ transferMs: 1_500, ...opts });
    logs = [];
    p = new TransferProvider({
      client: h.clientOptions(),
      poll: { initialIntervalMs: 20, maxIntervalMs: 100, blockedIntervalMs: 100, deadlineMs: 5_000 },
      transferWaitMs,
      log: (m) => logs.push(m),
    });
  };
  afterEach(async () => {
    await p.close();
    await h.stop();
  });
  const posts = () => h.sim.requests({ endpoint: "transfer-in" }).length;
  const reasons = (failures: Array<{ reason: string }>) => failures.map((f) => f.reason).join("\n");
  const checkThenCreate = async (news: Record<string, unknown>) => {
    const checked = await p.check(undefined, news);
    assert.deepEqual(checked.failures, []);
    return p.create(checked.inputs);
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  describe("check (the preview)", () => {
    it("prices the transfer with three requests, logs the price line, and buys nothing", async () => {
      await start({ domains: { "taken-move.com": { authCode: CODE } } });
      const { inputs, failures } = await p.check(undefined, { domainName: "Taken-Move.com", authCode: CODE });
      assert.deepEqual(failures, []);
      assert.deepEqual(inputs.quote, { currency: "USD", transferCost: "10.44", renewalCost: "10.44" });
      assert.deepEqual(h.sim.counts(), { "list-registrations": 1, "get-extension": 1, "transfer-check": 1 });
      assert.match(
        logs.join("\n"),
        /taken-move\.com: transferable; transferring it will cost USD 10\.44 for the transfer, which adds a year; renews at 10\.44\/year/,
      );
      assert.equal(posts(), 0);
      assert.deepEqual(h.sim.charges(), []);
    });

    it("prices a .uk transfer at zero with no auth code", async () => {
      await start();
      const { inputs, failures } = await p.check(undefined, { domainName: "taken-shop.co.uk", contactExtensions: { uk_registrant_type: "LTD" } });
      assert.deepEqual(failures, []);
      assert.equal((inputs.quote as { transferCost: string }).transferCost, "0.00");
      assert.match(logs.join("\n"), /USD 0\.00 \(no charge for this extension's transfers\)/);
    });

    it("requires an auth code where the extension's transfer schema does, saying where it comes from", async () => {
      await start();
      const { failures } = await p.check(undefined, { domainName: "taken-move.com" });
      assert.equal(failures[0]!.property, "authCode");
      assert.match(
        failures[0]!.reason,
        /authCode is required to transfer '\.com' domains: the auth \(EPP\) code from the current registrar.*pulumi config set --secret/,
      );
    });

    it("checks the transfer body against the extension's transfer schema (.us contactExtensions)", async () => {
      await start();
      const { failures } = await p.check(undefined, { domainName: "taken-flag.us", authCode: CODE });
      assert.equal(failures[0]!.property, "contactExtensions");
      assert.match(failures[0]!.reason, /contactExtensions is required for '\.us' transfers: give \{ us_nexus_category: one of C11/);
    });

    for (const [what, code, fix] of [
      ["an empty code", "", /authCode is empty/],
      ["a code with a line break", `${CODE}\n`, /line break, tab or other control character/],
      ["a code with a surrounding space", ` ${CODE}`, /starts or ends with a space.*copy it again/],
    ] as const) {
      it(`refuses ${what} before any request, without repeating it`, async () => {
        await start();
        const { failures } = await p.check(undefined, { domainName: "taken-move.com", authCode: code });
        assert.equal(failures[0]!.property, "authCode");
        assert.match(failures[0]!.reason, fix);
        if (code) assert.ok(!failures[0]!.reason.includes(CODE), "the code is repeated");
        assert.equal(h.sim.requests().length, 0);
      });
    }

    it("refuses DomainRegistration's years and acknowledgements, naming why", async () => {
      await start();
      const { failures } = await p.check(undefined, { domainName: "taken-move.com", authCode: CODE, years: 2, acknowledgements: {} });
      assert.deepEqual(failures.map((f) => f.property).slice(0, 2), ["years", "acknowledgements"]);
      assert.match(failures[0]!.reason, /a transfer always adds one year/);
    });

    it("lets an unknown auth code through the preview, checking the domain without it", async () => {
      await start();
      const { failures, inputs } = await p.check(undefined, { domainName: "taken-move.com", authCode: UNKNOWN });
      assert.deepEqual(failures, []);
      assert.equal((inputs.quote as { transferCost: string }).transferCost, "10.44");
    });

    it("refuses in the Registrar Sandbox, which has no transfer endpoints, before asking it anything about transfers", async () => {
      await start();
      const sandboxed = new TransferProvider({ client: h.clientOptions({ sandbox: true }), log: () => undefined });
      const { failures } = await sandboxed.check(undefined, { domainName: "taken-move.com", authCode: CODE });
      await sandboxed.close();
      assert.match(reasons(failures), /in the Registrar Sandbox: it has no transfer endpoints.*sandbox off/);
      // The refusal's fresh look (does the account hold it after all?) is a registration, not a transfer endpoint.
      assert.deepEqual(h.sim.counts(), { "list-registrations": 1, "get-registration": 1 });
    });

    it("enforces maxPrice on the transfer cost, in integer micro-units", async () => {
      await start();
      const { failures } = await p.check(undefined, { domainName: "taken-move.com", authCode: CODE, maxPrice: 10.43 });
      assert.equal(failures[0]!.property, "maxPrice");
      assert.match(failures[0]!.reason, /costs USD 10\.44 for the transfer.*above maxPrice 10\.43/);
      assert.deepEqual((await p.check(undefined, { domainName: "taken-move.com", authCode: CODE, maxPrice: 10.44 })).failures, []);
    });

    const refused: Array<[string, string, SimulatorOptions, "domainName" | "authCode", RegExp]> = [
      ["domain_locked", "locked-site.com", {}, "domainName", /\[domain_locked\]: 'locked-site\.com' is locked at its current registrar.*Unlock it there/],
      ["dnssec_enabled", "dnssec-site.com", {}, "domainName", /\[dnssec_enabled\]: DNSSEC is enabled.*remove the DS record.*disable DNSSEC on the zone/],
      [
        "invalid_auth_code",
        "taken-coded.com",
        { domains: { "taken-coded.com": { authCode: "the-real-one" } } },
        "authCode",
        /\[invalid_auth_code\]: the current registrar rejected the auth code.*Get the current code/,
      ],
      ["domain_not_exists", "nobody-owns.com", {}, "domainName", /\[domain_not_exists\]: 'nobody-owns\.com' is not registered anywhere.*DomainRegistration/],
      [
        "domain_on_cloudflare",
        "elsewhere.com",
        { registrations: [{ domain_name: "elsewhere.com", account_id: OTHER_ACCOUNT }], accounts: [ACCOUNT, OTHER_ACCOUNT] },
        "domainName",
        /\[domain_on_cloudflare\]: 'elsewhere\.com' is already registered at Cloudflare/,
      ],
      ["domain_premium", "premium-gem.com", {}, "domainName", /\[domain_premium\].*premium domain.*dashboard/],
      [
        "zone_not_found",
        "taken-nozone.com",
        { domains: { "taken-nozone.com": { scenario: { kind: "transfer_refused", reasons: ["zone_not_found"] } } } },
        "domainName",
        new RegExp(`\\[zone_not_found\\]: account ${ACCOUNT} has no Cloudflare zone.*@pulumi/cloudflare.*dependsOn`),
      ],
      [
        "domain_outside_transfer_window",
        "taken-new.com",
        { domains: { "taken-new.com": { scenario: { kind: "transfer_refused", reasons: ["domain_outside_transfer_window"] } } } },
        "domainName",
        /\[domain_outside_transfer_window\].*60 days of its registration or its previous transfer.*after that date/,
      ],
    ];
    for (const [code, domain, sim, property, message] of refused) {
      it(`fails the preview for ${code}, saying what to do; nothing is posted`, async () => {
        await start(sim);
        const { failures } = await p.check(undefined, { domainName: domain, authCode: CODE });
        const failure = failures.find((f) => f.reason.includes(`[${code}]`));
        assert.ok(failure, reasons(failures));
        assert.equal(failure.property, property);
        assert.match(failure.reason, message);
        console.log(`      ${code}: ${failure.reason}`);
        assert.equal(posts(), 0);
      });
    }
  });

  describe("create", () => {
    it("starts the transfer with one POST and returns transfer_pending at the wait bound; nothing is charged yet", async () => {
      await start({ transferMs: 4_000, domains: { "taken-move.com": { authCode: CODE } } }, 400);
      const began = Date.now();
      const { id, outs } = await checkThenCreate({ domainName: "taken-move.com", authCode: CODE, autoRenew: true });
      const took = Date.now() - began;
      assert.equal(id, "taken-move.com");
      assert.equal(outs.status, "transfer_pending");
      assert.match(outs.transferState!, /^(pending|in_progress|blocked)$/);
      assert.equal(outs.expiresAt, null);
      assert.deepEqual(outs.quote, { currency: "USD", transferCost: "10.44", renewalCost: "10.44" });
      assert.equal(posts(), 1);
      assert.ok(took < 3_000, `create took ${took} ms with a 400 ms wait`);
      assert.deepEqual(h.sim.charges(), []);
      assert.match(logs.join("\n"), /the transfer is under way \((pending|in_progress|blocked)\).*pulumi refresh/);
    });

    it("sends the auth code base64-encoded (RFC 4648 §4): the registry accepts exactly that code", async () => {
      await start({ transferMs: 200, domains: { "taken-exact.com": { authCode: CODE } } }, 2_000);
      const { outs } = await checkThenCreate({ domainName: "taken-exact.com", authCode: CODE });
      assert.equal(outs.status, "active", "the transfer landed, so the simulator decoded our base64 to the code it expects");
      assert.equal(outs.transferState, "succeeded");
      assert.deepEqual(
        h.sim.charges().map((c) => [c.domain, c.kind, c.amount]),
        [["taken-exact.com", "transfer", "10.44"]],
      );
    });

    it("transfers a .uk domain with no auth code, and charges nothing", async () => {
      await start({ transferMs: 200 }, 2_000);
      const { outs } = await checkThenCreate({ domainName: "taken-brew.co.uk", contactExtensions: { uk_registrant_type: "IND" } });
      assert.equal(outs.status, "active");
      assert.deepEqual(h.sim.charges(), []);
    });

    it("refuses without POSTing when the domain got worse after the preview (locked now)", async () => {
      await start();
      const { inputs } = await p.check(undefined, { domainName: "taken-racy.com", authCode: CODE });
      h.sim.setScenario("taken-racy.com", { kind: "transfer_refused", reasons: ["domain_locked"] });
      await assert.rejects(p.create(inputs), /Not transferring: Cannot transfer 'taken-racy\.com' \[domain_locked\]/);
      assert.equal(posts(), 0);
    });

    it("refuses without POSTing when the price rose after the preview", async () => {
      await start();
      const { inputs } = await p.check(undefined, { domainName: "taken-dear.com", authCode: CODE });
      h.sim.setDomain("taken-dear.com", { price: { registration: "10.44", renewal: "12.00" } });
      await assert.rejects(p.create(inputs), /Not transferring 'taken-dear\.com': the price changed from USD 10\.44.*to USD 12\.00.*pulumi preview/);
      assert.equal(posts(), 0);
    });

    it("on a lost answer (recorded, then dropped): looks, finds the transfer, returns transfer_pending; one POST", async () => {
      await start({ transferMs: 4_000 });
      h.sim.addFault({ endpoint: "transfer-in", kind: "drop_after", times: 1 });
      const { outs } = await checkThenCreate({ domainName: "taken-lost.com", authCode: CODE });
      assert.equal(outs.status, "transfer_pending");
      assert.equal(posts(), 1);
      assert.match(logs.join("\n"), /the transfer answer was lost or unreadable; looking before doing anything else/);
    });

    it("on an answer lost before anything was recorded: says so, never POSTs again", async () => {
      await start();
      h.sim.addFault({ endpoint: "transfer-in", kind: "drop", times: 1 });
      await assert.rejects(
        checkThenCreate({ domainName: "taken-gone.com", authCode: CODE }),
        /transfer request for 'taken-gone\.com' may not have been processed.*no second request was sent/,
      );
      assert.equal(posts(), 1);
    });

    it("adopts a domain already transferring in (no workflow here to follow): no POST, no transfer-check", async () => {
      await start({ registrations: [{ domain_name: "arriving.com", status: "transfer_pending", expires_at: null }] });
      const { outs } = await checkThenCreate({ domainName: "arriving.com", authCode: CODE });
      assert.equal(outs.status, "transfer_pending");
      assert.equal(posts(), 0);
      assert.equal(h.sim.requests({ endpoint: "transfer-check" }).length, 0);
      assert.match(logs.join("\n"), /transferring into the account \(transfer_pending\); it is adopted as it is/);
    });

    it("resumes a transfer this account started: follows its workflow to the wait bound; no second POST", async () => {
      await start({ transferMs: 4_000 });
      await h.client().transferIn("taken-begun.com", { auth_code: BASE64 });
      h.sim.clearRequests();
      const { outs } = await p.create({ domainName: "taken-begun.com", accountId: ACCOUNT, authCode: CODE });
      assert.equal(outs.status, "transfer_pending");
      assert.ok(outs.transferState);
      assert.equal(posts(), 0);
      assert.ok(h.sim.requests({ endpoint: "transfer-in-status" }).length >= 1);
    });

    it("adopts a domain the account already holds (active): no POST, and converges autoRenew", async () => {
      await start({ registrations: [{ domain_name: "home.com", auto_renew: false }] });
      const { outs } = await checkThenCreate({ domainName: "home.com", authCode: CODE, autoRenew: true });
      assert.equal(outs.status, "active");
      assert.equal(outs.autoRenew, true);
      assert.equal(posts(), 0);
    });
  });

  describe("refresh, update, delete", () => {
    it("refresh shows the transfer's progress, then active with expiresAt; the charge happens when it lands", async () => {
      await start({ transferMs: 1_500 }, 100);
      const { outs } = await checkThenCreate({ domainName: "taken-follow.com", authCode: CODE });
      assert.equal(outs.status, "transfer_pending");
      const during = await p.read("taken-follow.com", outs as never);
      assert.equal((during.props as TransferOutputs).status, "transfer_pending");
      assert.match((during.props as TransferOutputs).transferState!, /^(in_progress|blocked)$/);
      await sleep(1_600);
      const after = await p.read("taken-follow.com", during.props as never);
      const props = after.props as TransferOutputs;
      assert.equal(props.status, "active");
      assert.equal(props.transferState, "succeeded");
      assert.ok(props.expiresAt);
      assert.equal(after.inputs?.authCode, undefined, "refresh never reports the code");
      assert.deepEqual(
        h.sim.charges().map((c) => c.amount),
        ["10.44"],
      );
      h.sim.clearRequests();
      await p.read("taken-follow.com", props as never);
      assert.deepEqual(h.sim.counts(), { "get-registration": 1 }, "an ended transfer is not asked about again");
    });

    it("refuses an autoRenew change while pending, saying when to try again, without a PATCH; applies it once landed", async () => {
      await start({ transferMs: 1_000 }, 100);
      const { outs } = await checkThenCreate({ domainName: "taken-wait.com", authCode: CODE });
      await assert.rejects(
        p.update("taken-wait.com", outs as never, { domainName: "taken-wait.com", autoRenew: true }),
        /still transferring into the account.*5 to 10 days.*pulumi refresh.*pulumi up` once it is active/,
      );
      const same = await p.update("taken-wait.com", outs as never, { domainName: "taken-wait.com" });
      assert.equal(same.outs.status, "transfer_pending", "an update with nothing to change is not refused");
      assert.equal(h.sim.requests({ endpoint: "update-registration" }).length, 0);
      await sleep(1_100);
      const landed = await p.update("taken-wait.com", outs as never, { domainName: "taken-wait.com", autoRenew: true });
      assert.equal(landed.outs.autoRenew, true);
      assert.equal(landed.outs.status, "active");
      assert.equal(h.sim.requests({ endpoint: "update-registration" }).length, 1);
    });

    it("refuses delete, saying there is no cancel, and naming the ways out; nothing is requested", async () => {
      await start({ registrations: [{ domain_name: "stay.com", status: "transfer_pending", expires_at: null }] });
      await assert.rejects(p.delete("stay.com", { domainName: "stay.com" }), (err: Error) => {
        for (const part of [
          /Refusing to delete the transfer of stay\.com/,
          /non-refundable/,
          /cannot cancel a transfer in/,
          /autoRenew: false/,
          /retainOnDelete: true/,
          /pulumi state delete/,
        ])
          assert.match(err.message, part);
        return true;
      });
      assert.equal(h.sim.requests().length, 0);
    });

    it("refuses a changed contact but not a rotated auth code", async () => {
      await start();
      const olds = { domainName: "mine.com", accountId: ACCOUNT, authCode: CODE, privacyMode: "redaction" };
      assert.deepEqual((await p.check(olds, { ...olds, authCode: "a-new-code" })).failures, []);
      const changed = await p.check(olds, { ...olds, privacyMode: "off" });
      assert.match(changed.failures[0]!.reason, /used only when the domain is transferred/);
      assert.equal(h.sim.requests().length, 0);
    });
  });

  it("never puts the auth code (plain or base64) in outputs, logs or errors", async () => {
    await start({ transferMs: 300, domains: { "taken-quiet.com": { authCode: CODE }, "taken-wrong.com": { authCode: "not-this" } } }, 2_000);
    const { outs } = await checkThenCreate({ domainName: "taken-quiet.com", authCode: CODE });
    assert.equal(outs.status, "active", "the code reached the registry");
    const read = await p.read("taken-quiet.com", outs as never);
    const errors: string[] = [];
    const wrong = await p.check(undefined, { domainName: "taken-wrong.com", authCode: CODE });
    errors.push(reasons(wrong.failures));
    // A transfer-in the API refuses: its error message must not carry the code either.
    await p.create({ domainName: "taken-wrong.com", accountId: ACCOUNT, authCode: CODE }).catch((e: Error) => errors.push(`${e.message}\n${e.stack}`));
    h.sim.addFault({ endpoint: "transfer-in", kind: "status", status: 502, times: 1 });
    await p.create({ domainName: "taken-other.com", accountId: ACCOUNT, authCode: CODE }).catch((e: Error) => errors.push(`${e.message}\n${e.stack}`));
    await p.delete("taken-quiet.com", outs as never).catch((e: Error) => errors.push(e.message));
    assert.equal(errors.length, 4);
    assert.match(errors[0]!, /invalid_auth_code/);
    const everything = JSON.stringify([outs, read]) + errors.join("\n") + logs.join("\n");
    for (const secret of [CODE, BASE64]) assert.ok(!everything.includes(secret), `leaked ${secret}`);
  });
});

/** The simulator's transfers always succeed; this turns the workflow's answers into what the API may also say. */
class SteeredClient extends RegistrarClient {
  constructor(
    options: ConstructorParameters<typeof RegistrarClient>[0],
    private readonly steer: (w: WorkflowStatus) => WorkflowStatus,
  ) {
    super(options);
  }
  override async followWorkflow(link: string): Promise<WorkflowStatus> {
    return this.steer(await super.followWorkflow(link));
  }
}

class SteeredProvider extends TransferProvider {
  private steered?: RegistrarClient;
  constructor(
    settings: ProviderSettings,
    private readonly steer: (w: WorkflowStatus) => WorkflowStatus,
  ) {
    super(settings);
  }
  protected override client(): RegistrarClient {
    return (this.steered ??= new SteeredClient(this.settings.client, this.steer));
  }
  override async close(): Promise<void> {
    await this.steered?.close();
  }
}

describe("TransferProvider when the transfer workflow needs the user or fails", () => {
  let h: Harness;
  let p: SteeredProvider;
  afterEach(async () => {
    await p.close();
    await h.stop();
  });
  const begin = async (steer: (w: WorkflowStatus) => WorkflowStatus) => {
    h = await startSim({ transferMs: 5_000 });
    p = new SteeredProvider(
      { client: h.clientOptions(), poll: { initialIntervalMs: 20, maxIntervalMs: 50, deadlineMs: 5_000 }, transferWaitMs: 2_000, log: () => undefined },
      steer,
    );
    const checked = await p.check(undefined, { domainName: "taken-steer.com", authCode: CODE });
    assert.deepEqual(checked.failures, []);
    return p.create(checked.inputs);
  };

  it("action_required: records a resumable partial state with what to do; the next up resumes it with no second POST", async () => {
    const foa = (w: WorkflowStatus): WorkflowStatus => ({
      ...w,
      state: "action_required",
      context: { action: "accept_foa", confirmation_sent_to: "owner@example.com" },
    });
    const err = await begin(foa).then(
      () => assert.fail("should need the user"),
      (e: unknown) => e as PartialStateError<TransferOutputs>,
    );
    assert.ok(err instanceof PartialStateError);
    assert.match(
      err.message,
      /Transfer of 'taken-steer\.com' is waiting for you: accept_foa \(a confirmation was sent to owner@example\.com\)\. .*resumes this transfer without paying again/,
    );
    assert.equal(err.properties.status, "transfer_pending");
    assert.equal(err.properties.transferState, "action_required");
    // The engine retries the recorded resource with an update: it follows the transfer, never posts again.
    const { outs } = await p.update("taken-steer.com", err.properties as never, { domainName: "taken-steer.com", authCode: CODE });
    assert.equal(outs.status, "transfer_pending");
    assert.equal(h.sim.requests({ endpoint: "transfer-in" }).length, 1);
  });

  it("failed: fails with the registry's code and what to do; nothing is charged and nothing posted again", async () => {
    const rejected = (w: WorkflowStatus): WorkflowStatus => ({
      ...w,
      state: "failed",
      completed: true,
      error: { code: "transfer_rejected", message: "The losing registrar rejected the transfer." },
    });
    await assert.rejects(
      begin(rejected),
      /Transfer of 'taken-steer\.com' failed: \[transfer_rejected\] The losing registrar rejected the transfer\. The transfer is over.*nothing was charged.*start a new transfer/,
    );
    assert.equal(h.sim.requests({ endpoint: "transfer-in" }).length, 1);
    assert.deepEqual(h.sim.charges(), []);
  });
});

describe("DomainTransfer create's wait, on its own cadence and a virtual clock shared with the simulator", () => {
  let h: Harness;
  let p: TransferProvider;
  let clock: VirtualClock;
  afterEach(async () => {
    await p.close();
    await h.stop();
  });
  /** Create with the default transferWaitSeconds (60) and the transfer's default poll cadence. */
  const create = async (transferMs: number) => {
    clock = new VirtualClock();
    h = await startSim({ now: clock.now, transferMs, domains: { "taken-wait.com": { authCode: CODE } } });
    p = new TransferProvider({ client: h.clientOptions(), poll: { clock }, log: () => undefined });
    const checked = await p.check(undefined, { domainName: "taken-wait.com", authCode: CODE });
    assert.deepEqual(checked.failures, []);
    const startedAt = clock.t;
    const { outs } = await p.create(checked.inputs);
    return { outs, waited: clock.t - startedAt };
  };

  it("a transfer that lands in 2 s (mostly blocked) ends the wait within 1 s of landing, not at transferWaitSeconds", async () => {
    const { outs, waited } = await create(2_000);
    assert.equal(outs.status, "active");
    assert.equal(outs.transferState, "succeeded");
    assert.ok(waited >= 2_000 && waited <= 3_000, `create waited ${waited} ms for a 2 s transfer`);
    assert.equal(h.sim.requests({ endpoint: "transfer-in" }).length, 1);
  });

  it("a transfer of days is left to refresh after transferWaitSeconds, with a few status requests a minute", async () => {
    const { outs, waited } = await create(5 * 24 * 3_600_000);
    assert.equal(outs.status, "transfer_pending");
    assert.equal(waited, 60_000);
    const polls = h.sim.requests({ endpoint: "transfer-in-status" }).length;
    assert.ok(polls <= 25, `${polls} status requests`);
  });
});

describe("RegistrarClient transfer endpoints", () => {
  let h: Harness;
  let c: RegistrarClient;
  before(async () => {
    h = await startSim();
    c = h.client();
  });
  after(() => h.stop());

  it("checks 25 domains in 3 requests of at most 10, merging the maps keyed by domain", async () => {
    const domains = Array.from({ length: 25 }, (_, i) => ({ domain_name: `taken-n${i}.com` }));
    const answer = await c.transferCheck(domains);
    assert.equal(Object.keys(answer).length, 25);
    assert.equal(answer["taken-n24.com"]!.pricing?.transfer_cost, "10.44");
    assert.equal(h.sim.requests({ endpoint: "transfer-check" }).length, 3);
  });

  it("answers a sandbox-less 404 for transfer-in-status of a domain with no transfer", async () => {
    await assert.rejects(c.transferInStatus("never.com"), /HTTP 404/);
  });
});
