import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { secretForms } from "../../provider/api/secrets";
import type { RunResult, Stack } from "../support/pulumi";
import { TOKEN } from "../support/sim";
import { e2eSuite } from "./suite";
import { TRANSFER_PULUMI_YAML } from "./transferProgram";

/**
 * The auth code as a new user gives it: not from `pulumi config set --secret` (whose values the CLI masks
 * itself), but as `pulumi.secret("…")` written in the program, or from an environment variable. The engine
 * prints a property's value beside a check failure attached to it, secret or not; nothing else masks these.
 */
const RIGHT = "Right#e2e-Code-5512";
const WRONG = "Wrong#e2e-Code-8834";
const MALFORMED = " Secret-Spaced ";
const DOMAIN = "taken-secrets.com";

type Source = "pulumi.secret" | "environment variable";

function program(source: Source, code: string): string {
  const given = source === "pulumi.secret" ? `pulumi.secret(${JSON.stringify(code)})` : "process.env.E2E_AUTH_CODE";
  return `
const pulumi = require("@pulumi/pulumi");
const { DomainTransfer } = require("pulumi-cloudflare-registrar");
const t = new DomainTransfer("moving", { domainName: ${JSON.stringify(DOMAIN)}, authCode: ${given} });
exports.status = t.status;
`;
}

describe("@e2e secrets: an auth code given in the program or the environment is in no output of preview, up or refresh", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ files: { "index.js": program("pulumi.secret", RIGHT), "Pulumi.yaml": TRANSFER_PULUMI_YAML }, prefix: "s" });

  /** A stack whose program gives `code` from `source`; each call rewrites the program (the tests run one at a time). */
  function give(s: Stack, source: Source, code: string): void {
    writeFileSync(path.join(e2e.project, "index.js"), program(source, code));
    s.vars = source === "environment variable" ? { E2E_AUTH_CODE: code } : {};
  }

  const stack = () =>
    e2e.stack({ config: { "cloudflare-registrar:transferWaitSeconds": "1" }, sim: { transferMs: 600_000, domains: { [DOMAIN]: { authCode: RIGHT } } } });

  function assertHidden(runs: RunResult[], codes: string[]): void {
    for (const run of runs) {
      for (const code of [...codes, TOKEN]) {
        const leak = secretForms(code).find((f) => run.output.includes(f));
        assert.equal(leak, undefined, `'${leak}' (a form of a secret) in the CLI output:\n${run.output}`);
      }
      assert.doesNotMatch(run.output, /property authCode value/);
    }
  }

  const posts = () => e2e.sim.requests({ endpoint: "transfer-in" }).length;

  for (const source of ["pulumi.secret", "environment variable"] as const) {
    it(`from ${source}: a malformed code fails preview and up naming authCode and the fix, never the code`, async () => {
      const s = await stack();
      give(s, source, MALFORMED);
      const runs = [await s.run("preview", "--diff"), await s.run("up", "--yes", "--diff")];
      for (const run of runs) {
        assert.notEqual(run.code, 0, run.output);
        assert.match(run.output, /authCode starts or ends with a space \(15 characters given; the value is not shown\): copy it again/);
      }
      assertHidden(runs, [MALFORMED]);
      assert.equal(posts(), 0);
    });

    it(`from ${source}: a wrong code fails preview and up with [invalid_auth_code] and what to do; once the right one is in, a wrong one shows nowhere in preview, up or refresh`, async () => {
      const s = await stack();
      give(s, source, WRONG);
      const refused = [await s.run("preview", "--diff"), await s.run("up", "--yes", "--diff")];
      for (const run of refused) {
        assert.notEqual(run.code, 0, run.output);
        assert.match(
          run.output,
          /\[invalid_auth_code\]: the current registrar rejected the auth code \(authCode\) given for 'taken-secrets\.com'.*Get the current code/,
        );
      }
      assert.equal(posts(), 0);

      give(s, source, RIGHT);
      const started = await s.ok("up", "--yes", "--diff");
      assert.equal(posts(), 1);
      assert.match(started.output, /status\s*:\s*"transfer_pending"/);

      // The code is rotated after the transfer started: nothing uses it, and nothing prints it.
      give(s, source, WRONG);
      const later = [await s.ok("preview", "--diff"), await s.ok("up", "--yes", "--diff"), await s.ok("refresh", "--yes", "--diff")];
      assert.equal(posts(), 1);
      assertHidden([...refused, started, ...later], [WRONG, RIGHT]);
      const state = s.stateFile();
      for (const code of [WRONG, RIGHT, TOKEN])
        assert.equal(
          secretForms(code).find((f) => state.includes(f)),
          undefined,
          "a secret in the state file",
        );
    });
  }
});
