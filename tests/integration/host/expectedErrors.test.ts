import { strict as assert } from "node:assert";
import * as dynamic from "../../../provider/host/registration";
import * as transfer from "../../../provider/host/transfer";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";
import type { FaultRule } from "../../../simulator/server";
import { unconfigureShims } from "../../support/shims";
import { stderrOf } from "../../support/stderr";

/** What the dynamic-provider host does with an error thrown from check, diff, read or delete. */
function hostPrints(e: Error): void {
  console.error(`${e}: ${e.stack}`);
}

const STACK_FRAME = /\n\s+at /;

describe("the dynamic provider: expected errors as one clean message, bugs with their stack", () => {
  let h: Harness;
  afterEach(() => h?.stop());
  after(unconfigureShims);

  async function configured(config: Record<string, string> = {}, faults: FaultRule[] = []): Promise<void> {
    h = await startSim({ faults });
    const values: Record<string, string> = {
      "cloudflare-registrar:apiToken": TOKEN,
      "cloudflare-registrar:accountId": ACCOUNT,
      "cloudflare-registrar:baseUrl": h.sim.baseUrl,
      ...config,
    };
    await dynamic.configure({ config: { get: (key: string) => values[key] } } as never);
  }

  /** check's answer for a new resource: exactly one failure, whose reason is returned. */
  async function failureOf(news: Record<string, unknown>, property = ""): Promise<string> {
    const result = await dynamic.check({}, news);
    assert.equal(result.failures?.length, 1, JSON.stringify(result));
    const [failure] = result.failures!;
    assert.equal(failure!.property, property);
    assert.doesNotMatch(failure!.reason, STACK_FRAME);
    return failure!.reason;
  }

  const cases: Array<[title: string, config: Record<string, string>, faults: FaultRule[], domain: string, reason: RegExp]> = [
    [
      "a wrong token (401)",
      { "cloudflare-registrar:apiToken": "not-the-token" },
      [],
      "launch.dev",
      /HTTP 401: \[10000\] Authentication error\. Check the API token/,
    ],
    [
      "a token without the permission (403)",
      {},
      [{ endpoint: "list-registrations", kind: "status", status: 403 }],
      "launch.dev",
      /HTTP 403: .*'Registrar: Domains Edit'/,
    ],
    [
      "an unknown account (404 on the price)",
      {},
      [{ endpoint: "domain-check", kind: "status", status: 404 }],
      "launch.dev",
      /HTTP 404: .*Check the account id and the domain name/,
    ],
    ["a conflict (409)", {}, [{ endpoint: "list-registrations", kind: "status", status: 409 }], "launch.dev", /HTTP 409: .*run `pulumi refresh`/],
    [
      "rate limiting that outlasts the retries (429)",
      {},
      [{ endpoint: "list-registrations", kind: "status", status: 429, retryAfterSeconds: 0 }],
      "launch.dev",
      /HTTP 429: .*wait a minute and retry/,
    ],
    ["a response of the wrong shape", {}, [{ endpoint: "list-registrations", kind: "malformed" }], "launch.dev", /Unexpected response from .*field '/],
    ["a bad boolean setting", { "cloudflare-registrar:sandbox": "yes" }, [], "launch.dev", /cloudflare-registrar:sandbox is 'yes', not a boolean/],
  ];
  for (const [title, config, faults, domain, reason] of cases) {
    it(`check: ${title} is one check failure on the resource, not a throw`, async () => {
      await configured(config, faults);
      assert.match(await failureOf({ domainName: domain }), reason);
    });
  }

  it("check: the availability and price refusals stay failures on their property", async () => {
    await configured();
    assert.match(await failureOf({ domainName: "taken-name.com" }, "domainName"), /taken-name\.com/);
    assert.match(await failureOf({ domainName: "launch.dev", maxPrice: 1 }, "maxPrice"), /costs USD 12\.00 .*above maxPrice 1\./);
  });

  it("check: an unreachable API is one check failure, not a throw", async function () {
    this.timeout(30_000); // the default retry policy's backoff, a few seconds
    await configured({ "cloudflare-registrar:baseUrl": "http://127.0.0.1:9/client/v4" });
    assert.match(await failureOf({ domainName: "launch.dev" }), /failed to connect or lost its connection: ECONNREFUSED/);
  });

  it("DomainTransfer's shim too: a wrong token is one check failure, and its delete refusal is dropped from stderr", async () => {
    h = await startSim();
    const values: Record<string, string> = {
      "cloudflare-registrar:apiToken": "not-the-token",
      "cloudflare-registrar:accountId": ACCOUNT,
      "cloudflare-registrar:baseUrl": h.sim.baseUrl,
    };
    await transfer.configure({ config: { get: (key: string) => values[key] } } as never);
    const result = await transfer.check({}, { domainName: "taken-move.com", authCode: "Xy7#kQ2!pL9$" });
    assert.equal(result.failures?.length, 1, JSON.stringify(result));
    assert.match(result.failures![0]!.reason, /HTTP 401: \[10000\] Authentication error/);
    const refusal = await transfer.delete("taken-move.com", { domainName: "taken-move.com" }).then(
      () => assert.fail("delete must refuse"),
      (e: Error) => e,
    );
    assert.equal(await stderrOf(() => hostPrints(refusal)), "");
  });

  it("check: a bug still throws (the host prints its stack)", async () => {
    await configured();
    await assert.rejects(dynamic.check({}, null as never), TypeError);
  });

  it("delete: the refusal still fails the step, and the host's stderr copy with the stack is dropped; other lines are not", async () => {
    await configured();
    const refusal = await dynamic.delete("keep.dev", { domainName: "keep.dev" }).then(
      () => assert.fail("delete must refuse"),
      (e: Error) => e,
    );
    assert.match(refusal.message, /^Refusing to delete the registration of keep\.dev/);
    const bug = new TypeError("a bug");
    const printed = await stderrOf(() => {
      hostPrints(refusal);
      console.error("an unrelated line");
      hostPrints(bug);
    });
    assert.doesNotMatch(printed, /Refusing to delete/);
    assert.match(printed, /^an unrelated line\n/);
    assert.match(printed, /TypeError: a bug: TypeError: a bug\n\s+at /, "a bug's stack is printed");
  });

  it("read: a wrong token rejects with the 401, and the host's stderr copy is dropped", async () => {
    await configured({ "cloudflare-registrar:apiToken": "not-the-token" });
    const err = await dynamic.read("launch.dev", { domainName: "launch.dev", accountId: ACCOUNT }).then(
      () => assert.fail("read must fail"),
      (e: Error) => e,
    );
    assert.match(err.message, /HTTP 401/);
    assert.equal(await stderrOf(() => hostPrints(err)), "");
  });

  it("create: an expected error prints nothing; a bug prints its stack (the host passes on only the message)", async () => {
    await configured({ "cloudflare-registrar:apiToken": "not-the-token" });
    const expected = await stderrOf(() => assert.rejects(dynamic.create({ domainName: "launch.dev" }), /HTTP 401/));
    assert.equal(expected, "");
    const bug = await stderrOf(() => assert.rejects(dynamic.create(null as never), TypeError));
    assert.match(bug, /unexpected error \(a bug; please report it\): TypeError: .*\n\s+at /);
  });
});
