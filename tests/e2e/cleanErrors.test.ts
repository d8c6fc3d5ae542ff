import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";
import type { RunResult } from "../support/pulumi";
import { TOKEN } from "../support/sim";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "./program";
import { ConfirmingStack, e2eSuite } from "./suite";

/** A Node stack frame, as the dynamic-provider host prints one with an error it is handed. */
const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

/**
 * One clean line: the command fails; the message is in the "Diagnostics:" summary once, on the
 * resource's row and not the stack's, never twice on one line, with no stack frame.
 */
function assertClean(command: string, run: RunResult, message: RegExp): void {
  const show = `pulumi ${command}:\n${run.output}`;
  assert.notEqual(run.code, 0, show);
  assert.doesNotMatch(run.output, STACK_FRAME, `a stack frame in ${show}`);
  const at = run.output.indexOf("\nDiagnostics:\n");
  assert.ok(at > 0, show);
  const count = (text: string) => text.match(new RegExp(message.source, "g"))?.length ?? 0;
  assert.equal(count(run.output.slice(at)), 1, `the summary holds the message once: ${show}`);
  // Live, the CLI re-renders a row as its status changes; a doubled message is one line holding it twice.
  for (const line of run.output.slice(0, at).split("\n")) assert.ok(count(line) <= 1, `a line holds the message twice: ${show}`);
  // The engine's own "preview failed" on the stack's row (refresh adds it) is its verdict, not our message.
  const stackRow = run.output.slice(at).replace(/ {2}pulumi:pulumi:Stack \([^)]*\):\n {4}error: (preview|update) failed\n/g, "");
  assert.doesNotMatch(stackRow, /pulumi:pulumi:Stack \(/, `nothing of ours on the stack's row: ${show}`);
  assert.doesNotMatch(run.output, /(AuthenticationError|NetworkError|RegistrarError): /, `the host's own copy of the error: ${show}`);
}

const BAD = {
  "a wrong token": {
    set: ["config", "set", "--secret", "cloudflare-registrar:apiToken", "not-the-token"],
    message: /failed with HTTP 401: \[10000\] Authentication error\. Check the API token/,
  },
  "the endpoint down": {
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    set: ["config", "set", "cloudflare-registrar:baseUrl", "http://127.0.0.1:9/client/v4"],
    message: /failed to connect or lost its connection: ECONNREFUSED.*cloudflare-registrar:baseUrl or env CLOUDFLARE_BASE_URL/,
  },
} as const;

describe("@e2e the clean-errors matrix: every command, a wrong token and the endpoint down", function () {
  this.timeout(1_800_000);
  const started = Date.now();
  // Every command here says --yes itself: `refresh --preview-only` refuses PULUMI_SKIP_CONFIRMATIONS.
  const e2e = e2eSuite({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "m", stackClass: ConfirmingStack });
  after(() => console.log(`      the matrix took ${((Date.now() - started) / 1000).toFixed(1)} s`));

  const stack = (domain: string) => e2e.stack({ config: { "e2e:domainName": domain } });

  for (const [what, bad] of Object.entries(BAD)) {
    it(`${what}: preview and up of a new domain fail in one clean line; nothing is bought`, async () => {
      const s = await stack("launch.dev");
      await s.ok(...bad.set);
      const preview = await s.run("preview");
      assertClean("preview", preview, bad.message);
      if (what === "a wrong token") {
        // The README's sample is the CLI's line, up to the cf-ray id.
        const ray = (t: string) => t.replace(/cf-ray [0-9a-f]+-SIM/g, "cf-ray <ray>");
        const sample = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8").match(/^ {2}error: .*HTTP 401.*$/m)?.[0];
        assert.ok(
          sample && ray(preview.output).includes(ray(sample.trim())),
          `README: ${sample}
CLI:
${preview.output}`,
        );
      }
      assertClean("up", await s.run("up", "--yes"), bad.message);
      assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 0);
    });

    it(`${what}: refresh, refresh --preview-only and destroy of a recorded domain fail in one clean line`, async () => {
      const s = await stack("keep.dev");
      await s.ok("up", "--yes");
      await s.ok(...bad.set);
      // Nothing changes, so this update asks the API nothing and succeeds, recording the bad setting for refresh.
      await s.ok("up", "--yes");
      const refresh = await s.run("refresh", "--yes");
      assertClean("refresh", refresh, bad.message);
      assertClean("refresh --preview-only", await s.run("refresh", "--preview-only"), bad.message);
      if (what === "a wrong token") {
        assert.match(refresh.output, /`pulumi refresh` uses the credentials recorded by the last `pulumi up`.*`pulumi refresh --run-program`/);
        console.log(`      pulumi refresh with a wrong token recorded:\n${refresh.output.replace(/^/gm, "        ")}`);
      }
      assertClean("destroy", await s.run("destroy", "--yes"), /Refusing to delete the registration of keep\.dev/);
    });
  }

  it("a token fixed after the bad one was recorded: refresh --run-program and a plain up both get past it", async () => {
    const s = await stack("fixed.dev");
    await s.ok("up", "--yes");
    await s.ok(...BAD["a wrong token"].set);
    await s.ok("up", "--yes");
    await s.ok("config", "set", "--secret", "cloudflare-registrar:apiToken", TOKEN);
    assertClean("refresh (the recorded token)", await s.run("refresh", "--yes"), BAD["a wrong token"].message);
    await s.ok("refresh", "--run-program", "--yes");
    await s.ok("up", "--yes");
    await s.ok("refresh", "--yes");
  });

  it("import of a dynamic resource fails where the provider never runs, as the README says", async () => {
    const s = await stack("keep.dev");
    await s.ok("up", "--yes");
    const imported = await s.run("import", "pulumi-nodejs:dynamic:Resource", "imported", "keep.dev", "--yes");
    assert.notEqual(imported.code, 0, imported.output);
    // The host fails before it loads any provider code (the id alone carries no __provider): nothing of ours can speak.
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    // The host that ran is the @pulumi/pulumi the tests' projects install (package.json's devDependency).
    const sdk = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).devDependencies["@pulumi/pulumi"] as string)
      .split(".")
      .slice(0, 2)
      .join(".");
    const quotes = new Map([...readme.matchAll(/(\d+\.\d+)'s host fails\s+with\s+`([^`]+)`/g)].map((m) => [m[1]!, m[2]!]));
    const said = quotes.get(sdk);
    assert.ok(said, `the README quotes the error of @pulumi/pulumi ${sdk}'s host (it quotes ${[...quotes.keys()].join(", ")})`);
    assert.ok(imported.output.includes(said), `the README's quote matches the CLI:\n${imported.output}`);
    console.log(`      pulumi import:\n${imported.output.replace(/^/gm, "        ")}`);
  });

  it("without credentials, the preview of a new domain is a warning the engine counts, naming what is missing; the switch fails it", async () => {
    const s = await e2e.stack({ credentials: false, config: { "e2e:domainName": "launch.dev" } });
    const preview = await s.ok("preview");
    assert.match(
      preview.output,
      /warning: cloudflare-registrar: launch\.dev was NOT PRICED: this run has no API token \(config cloudflare-registrar:apiToken, set with --secret, or env CLOUDFLARE_API_TOKEN\) and no account id \(input accountId, config cloudflare-registrar:accountId or env CLOUDFLARE_ACCOUNT_ID\)/,
    );
    console.log(`      an unpriced preview:\n${preview.output.replace(/^/gm, "        ")}`);
    await s.ok("config", "set", "cloudflare-registrar:requirePricedPreview", "true");
    assertClean("preview (requirePricedPreview)", await s.run("preview"), /launch\.dev was NOT PRICED: .*cloudflare-registrar:requirePricedPreview is true/);
    assert.equal(e2e.sim.requests().length, 0);
  });
});
