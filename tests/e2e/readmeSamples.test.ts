import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";
import { TOKEN } from "../support/sim";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "./program";
import { e2eSuite } from "./suite";

const README = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");

/** The README's sample block that holds `marker`, line by line. */
function sample(marker: string): string[] {
  const block = [...README.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).find((b) => b.includes(marker));
  assert.ok(block, `the README has a sample holding '${marker}'`);
  return block.split("\n").filter((l) => l.trim() !== "");
}

/** What differs between runs (a cf-ray id) and how the CLI wraps whitespace, set aside. */
const comparable = (text: string) => text.replace(/cf-ray [0-9a-z-]+/gi, "cf-ray <ray>").replace(/\s+/g, " ");

/**
 * The CLI output the README shows is what the CLI prints: each sample is produced again, against the
 * simulator, with the program and config the sample describes, and every line of it must appear.
 */
describe("@e2e the README's sample output is what the CLI prints", function () {
  this.timeout(900_000);
  const e2e = e2eSuite({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML }, prefix: "readme" });
  const stack = (token: string) => e2e.stack({ token, config: { "e2e:domainName": "launch.dev", "e2e:years": "2" } });

  it("the preview's price line", async () => {
    const preview = await (await stack(TOKEN)).ok("preview");
    for (const line of sample("registering it will cost"))
      assert.ok(comparable(preview.output).includes(comparable(line)), `'${line}' not in:\n${preview.output}`);
  });

  it("a wrong token's one message on the resource's row", async () => {
    const preview = await (await stack("not-the-token")).run("preview");
    assert.notEqual(preview.code, 0);
    for (const line of sample("failed with HTTP 401")) assert.ok(comparable(preview.output).includes(comparable(line)), `'${line}' not in:\n${preview.output}`);
  });
});
