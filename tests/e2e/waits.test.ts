import { strict as assert } from "node:assert";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "./program";
import { e2eSuite } from "./suite";

describe("@e2e long waits are visible in pulumi up", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "w" });

  it("a registration blocked for over a minute prints a line per state change and every 30 s, then completes", async () => {
    // Real time: the provider process polls on its own clock, backing off while blocked, with a poll on each 30 s mark.
    const s = await e2e.stack({
      config: { "e2e:domainName": "waiting.dev" },
      sim: { domains: { "waiting.dev": { scenario: { kind: "blocked", blockedMs: 65_000 } } } },
    });
    const up = await s.ok("up", "--yes");
    assert.match(up.output, /status\s*:\s*"active"/);
    // The live display repeats the stack's row; the summary lists each line once.
    const summary = up.output.slice(up.output.lastIndexOf("\nDiagnostics:\n"));
    const lines = summary.split("\n").filter((l) => l.includes("cloudflare-registrar: waiting.dev: registration: "));
    const blocked = lines.filter((l) => /registration: blocked, waited (\d+ min )?[\d.]+ s so far; next poll in [\d.]+ s\.$/.test(l));
    const waited = blocked.map((l) => / waited (.*) so far/.exec(l)![1]);
    assert.deepEqual(waited.slice(1), ["30 s", "1 min 00 s"], up.output);
    assert.match(lines.at(-1)!, /registration: succeeded after 1 min [0-9]{2} s\.$/);
    assert.equal(e2e.sim.requests({ endpoint: "create-registration" }).length, 1);
    console.log(`      pulumi up's progress lines:\n${lines.map((l) => `        ${l.trim()}`).join("\n")}`);
    console.log(`      pulumi up, in full:\n${up.output.replace(/^/gm, "        ")}`);
  });
});
