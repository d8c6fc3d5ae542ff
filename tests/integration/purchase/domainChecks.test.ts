import { strict as assert } from "node:assert";
import { ALONGSIDE } from "../../../provider/host/alongside";
import { ANSWER_TTL_MS, DomainChecks } from "../../../provider/purchase/lookups/domainChecks";
import { ApiError } from "../../../provider/api/errors";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { ACCOUNT, Harness, startSim } from "../../support/sim";
import type { SimulatorOptions } from "../../../simulator/server";

const names = (n: number, base = "batch.com") => Array.from({ length: n }, (_, i) => `n${i}-${base}`);

describe("the preview's domain-check, batched by the names declared alongside", () => {
  let h: Harness;
  afterEach(() => h.stop());
  const asked = () => h.sim.requests({ endpoint: "domain-check" }).map((e) => e.domains);

  describe("DomainChecks", () => {
    let now = 0;
    let checks: DomainChecks;
    const start = async (opts: SimulatorOptions = {}) => {
      h = await startSim(opts);
      const client = h.client();
      now = 1_000_000;
      checks = new DomainChecks(
        () => client,
        () => now,
      );
    };

    it("one request answers a window: the first check asks for all 20, the other 19 ask nothing", async () => {
      await start();
      const window = names(20);
      const answers = [];
      for (const d of window) answers.push(await checks.availability(d, ACCOUNT, () => window));
      assert.deepEqual(asked(), [window]);
      assert.deepEqual(
        answers.map((a) => a?.name),
        window,
      );
      assert.ok(answers.every((a) => a?.registrable && a.pricing?.registration_cost === "10.44"));
    });

    it("sends at most the API's 20 names, the checked domain first, each name once", async () => {
      await start();
      const many = names(30);
      await checks.availability("n29-batch.com", ACCOUNT, () => [...many, ...many.map((n) => n.toUpperCase())]);
      assert.deepEqual(asked(), [["n29-batch.com", ...many.slice(0, 19)]]);
    });

    it("concurrent checks share the request in flight", async () => {
      await start();
      const window = names(5);
      const answers = await Promise.all(window.map((d) => checks.availability(d, ACCOUNT, () => window)));
      assert.equal(asked().length, 1);
      assert.deepEqual(
        answers.map((a) => a?.name),
        window,
      );
    });

    it("an answer serves checks for five minutes after it arrived, then the name is asked again", async () => {
      await start();
      const window = names(2);
      await checks.availability(window[0]!, ACCOUNT, () => window);
      assert.equal(ANSWER_TTL_MS, 300_000);
      now += ANSWER_TTL_MS - 1;
      await checks.availability(window[1]!, ACCOUNT, () => window);
      assert.equal(asked().length, 1);
      now += 1;
      await checks.availability(window[1]!, ACCOUNT, () => window);
      assert.deepEqual(asked(), [window, [window[1], window[0]]]);
    });

    it("answers are per account", async () => {
      const other = "fedcba9876543210fedcba9876543210";
      await start({ accounts: [ACCOUNT, other] });
      await checks.availability("a.com", ACCOUNT, () => ["b.com"]);
      await checks.availability("b.com", other);
      assert.deepEqual(asked(), [["a.com", "b.com"], ["b.com"]]);
    });

    it("a batch the API refuses (4xx) is asked again for the checked domain alone", async () => {
      await start({ faults: [{ endpoint: "domain-check", kind: "status", status: 400, times: 1 }] });
      const answer = await checks.availability("a.com", ACCOUNT, () => ["b.com"]);
      assert.equal(answer?.name, "a.com");
      assert.deepEqual(asked(), [["a.com", "b.com"], ["a.com"]]);
      // b.com's answer was not remembered from the refused batch: its own check asks.
      await checks.availability("b.com", ACCOUNT);
      assert.deepEqual(asked().at(-1), ["b.com"]);
    });

    it("a check waiting on a batch that the API refuses asks again itself, rather than fail with another's error", async () => {
      await start({ faults: [{ endpoint: "domain-check", kind: "status", status: 400, times: 1 }] });
      const [a, b] = await Promise.all([checks.availability("a.com", ACCOUNT, () => ["b.com"]), checks.availability("b.com", ACCOUNT)]);
      assert.equal(a?.name, "a.com");
      assert.equal(b?.name, "b.com");
      assert.deepEqual(asked()[0], ["a.com", "b.com"]);
      assert.deepEqual(asked().slice(1).sort(), [["a.com"], ["b.com"]]);
    });

    it("a batch that fails after the client's retries (5xx, 429) fails its check: no second request for the domain alone", async () => {
      for (const fault of [{ status: 500 }, { status: 503 }, { status: 429, retryAfterSeconds: 1 }]) {
        await start({ faults: [{ endpoint: "domain-check", kind: "status", ...fault }] });
        await assert.rejects(
          checks.availability("a.com", ACCOUNT, () => ["b.com"]),
          (err: unknown) => err instanceof ApiError && err.status === fault.status,
        );
        assert.ok(asked().length > 1, "the client retried");
        assert.ok(
          asked().every((names) => names?.length === 2),
          JSON.stringify(asked()),
        );
        await h.stop();
      }
      await start();
    });

    it("names from a failed batch are asked about in the next batch, not skipped as if in flight", async () => {
      // Every attempt the client makes (1 + FAST_RETRY's 3 retries) meets a 503.
      await start({ faults: [{ endpoint: "domain-check", kind: "status", status: 503, times: 4 }] });
      await assert.rejects(checks.availability("a.com", ACCOUNT, () => ["b.com"]));
      await checks.availability("c.com", ACCOUNT, () => ["b.com"]);
      assert.deepEqual(asked().at(-1), ["c.com", "b.com"]);
      assert.equal(asked().length, 5);
    });

    it("a failure reaches the check that asked and is not remembered", async () => {
      await start({ faults: [{ endpoint: "domain-check", kind: "status", status: 403, times: 1 }] });
      await assert.rejects(checks.availability("a.com", ACCOUNT), (err: unknown) => err instanceof ApiError && err.status === 403);
      assert.equal((await checks.availability("a.com", ACCOUNT))?.name, "a.com");
      assert.equal(asked().length, 2);
    });
  });

  describe("through the lifecycle", () => {
    let p: RegistrationProvider;
    const start = async (opts: SimulatorOptions = {}) => {
      h = await startSim(opts);
      p = new RegistrationProvider({ client: h.clientOptions(), poll: { initialIntervalMs: 20, maxIntervalMs: 100, deadlineMs: 5_000 }, log: () => undefined });
    };
    afterEach(() => p.close());
    /** The SDK's windows of 20, as a program declares them. */
    const declared = (all: string[], i: number) => {
      const from = i - (i % 20);
      return all.slice(from, from + 20).filter((_, j) => from + j !== i);
    };

    it("40 new domains declared together: every check priced with two domain-check requests, and the hint never becomes an input", async () => {
      await start();
      const all = names(40);
      for (const [i, d] of all.entries()) {
        const { inputs, failures } = await p.check(undefined, { domainName: d, [ALONGSIDE]: declared(all, i) });
        assert.deepEqual(failures, []);
        assert.equal((inputs.quote as { firstTermTotal: string }).firstTermTotal, "10.44");
        assert.ok(!(ALONGSIDE in inputs), "the hint is for Check only: never state, a diff or a plan");
      }
      assert.deepEqual(asked(), [all.slice(0, 20), all.slice(20)]);
    });

    it("names alongside that are owned, malformed or not registrable are not asked about", async () => {
      await start({ registrations: [{ domain_name: "owned.com", auto_renew: false }] });
      await p.check(undefined, { domainName: "new.com", [ALONGSIDE]: ["owned.com", "not a name", "www.example.com", "com", 7, "Other.COM."] });
      assert.deepEqual(asked(), [["new.com", "other.com"]]);
    });

    it("the create after a batched check still asks domain-check about its domain alone, right before the one POST", async () => {
      await start();
      const all = names(3);
      const checked = await p.check(undefined, { domainName: all[1], [ALONGSIDE]: declared(all, 1) });
      h.sim.clearRequests();
      await p.create(checked.inputs);
      const sent = h.sim.requests();
      assert.deepEqual(
        sent.slice(0, 3).map((e) => e.endpoint),
        ["get-registration", "domain-check", "create-registration"],
      );
      assert.deepEqual(sent[1]!.domains, [all[1]]);
    });

    it("a price that rose after the batched check is caught by the look before the POST: nothing bought", async () => {
      await start();
      const all = names(3);
      const checked = all.map((d, i) => p.check(undefined, { domainName: d, [ALONGSIDE]: declared(all, i) }));
      const inputs = (await Promise.all(checked)).map((c) => c.inputs);
      assert.equal(asked().length, 1);
      h.sim.setDomain(all[2]!, { price: { registration: "99.00" } });
      await assert.rejects(p.create(inputs[2]!), /price rose from USD 10\.44 .* to USD 99\.00/);
      assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 0);
      assert.deepEqual(h.sim.charges(), []);
    });
  });
});
