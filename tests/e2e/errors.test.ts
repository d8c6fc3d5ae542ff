import { strict as assert } from "node:assert";
import type { RunResult } from "../support/pulumi";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "./program";
import { e2eSuite } from "./suite";

/** A Node stack frame, as the dynamic-provider host prints one with an error it is handed. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/**
 * The CLI prints each diagnostic twice by design: live on the resource's row, and again in the
 * "Diagnostics:" summary. A clean error is there once each, and nothing lands on the stack's row.
 */
function assertReadsClean(run: RunResult, message: RegExp): void {
  assert.notEqual(run.code, 0, run.output);
  const at = run.output.indexOf("\nDiagnostics:\n");
  assert.ok(at > 0, run.output);
  const live = run.output.slice(0, at);
  const summary = run.output.slice(at);
  const count = (text: string) => text.match(new RegExp(message.source, "g"))?.length ?? 0;
  assert.equal(count(summary), 1, `the summary holds the message once:\n${run.output}`);
  assert.equal(count(live), 1, `the live display holds the message once:\n${run.output}`);
  assert.match(summary, /DomainRegistration \(site\):\n\s+error: /, "on the resource's row");
  assert.doesNotMatch(summary, /pulumi:pulumi:Stack \(/, `nothing on the stack's row:\n${run.output}`);
  assert.doesNotMatch(run.output, STACK_FRAME);
}

describe("@e2e expected errors read clean through the real engine", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "e" });
  const stack = (config: Record<string, string>, token?: string) => e2e.stack({ config, token });

  it("a wrong token: preview fails with the 401 message once, on the resource's row, with no stack", async () => {
    const s = await stack({ "e2e:domainName": "launch.dev" }, "not-the-token");
    const preview = await s.run("preview");
    assertReadsClean(preview, /failed with HTTP 401: \[10000\] Authentication error\. Check the API token/);
    assert.ok(!preview.output.includes("not-the-token"), "the token is never shown");
    console.log(`      pulumi preview with a wrong token:\n${preview.output.replace(/^/gm, "        ")}`);
  });

  it("an unreachable API: preview fails with the network message once, with no stack", async () => {
    const s = await stack({ "e2e:domainName": "launch.dev" });
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    await s.ok("config", "set", "cloudflare-registrar:baseUrl", "http://127.0.0.1:9/client/v4");
    const preview = await s.run("preview");
    assertReadsClean(preview, /failed to connect or lost its connection: ECONNREFUSED.*Check network access to the Cloudflare API/);
  });

  it("a refused price: preview fails with the maxPrice refusal once, with no stack; nothing is bought", async () => {
    const s = await stack({ "e2e:domainName": "launch.dev", "e2e:maxPrice": "1" });
    const up = await s.run("up", "--yes");
    assertReadsClean(up, /'launch\.dev' costs USD 12\.00 for 1 year .*above maxPrice 1\. Raise maxPrice/);
    assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 0);
  });

  it("destroy's refusal (thrown from delete) reads once, with no stack on the stack's row", async () => {
    const s = await stack({ "e2e:domainName": "keep.dev" });
    await s.ok("up", "--yes");
    const destroy = await s.run("destroy", "--yes");
    assert.notEqual(destroy.code, 0);
    const summary = destroy.output.slice(destroy.output.indexOf("\nDiagnostics:\n"));
    assert.equal(summary.match(/Refusing to delete the registration of keep\.dev/g)?.length, 1, destroy.output);
    assert.doesNotMatch(destroy.output, STACK_FRAME);
    assert.doesNotMatch(destroy.output, /RegistrarError/, "the host's own copy of the error is not printed");
  });
});
