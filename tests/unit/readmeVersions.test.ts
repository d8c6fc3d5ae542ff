import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), "utf8");
const README = read("README.md");
const PKG = JSON.parse(read("package.json"));

/** The support table's rows, by CI leg: [Node, @pulumi/pulumi, Pulumi CLI, leg, what ran]. */
function supportTable(): Map<string, string[]> {
  const rows = README.split("\n").filter((l) => /^\| \d+ \(/.test(l));
  const byLeg = new Map(
    rows
      .map((l) =>
        l
          .split("|")
          .slice(1, -1)
          .map((c) => c.trim()),
      )
      .map((cells) => [cells[3]!, cells] as const),
  );
  assert.deepEqual([...byLeg.keys()], ["1", "2", "3"], "the README's support table has one row per CI leg");
  return byLeg;
}

const version = /\d+\.\d+\.\d+/;
const first = (text: string, what: string) => text.match(version)?.[0] ?? assert.fail(`no version in the README's ${what}: '${text}'`);

/**
 * The versions the README's support table claims, held to the files that decide them (package.json and
 * its lockfile, .ci/run) and to what this run has installed, so a new release or a new CI pin cannot leave
 * the table stale. The wall times and test counts are a measurement of one commit and say so.
 */
describe("the README's support table matches what CI runs", () => {
  const table = supportTable();
  const leg1 = first(table.get("1")![1]!, "leg 1 @pulumi/pulumi");
  const newest = first(table.get("2")![1]!, "leg 2 @pulumi/pulumi");
  // Leg 1 runs the repository as it is; legs 2 and 3 a scratch copy whose devDependency .ci/run set to the newest release.
  const pinned: string = PKG.devDependencies["@pulumi/pulumi"];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the copy this run resolved
  const installed: string = require("@pulumi/pulumi/package.json").version;

  it("the @pulumi/pulumi this run pins and installs is the one the README names for its leg", () => {
    assert.ok(
      pinned === leg1 || pinned === newest,
      `package.json pins @pulumi/pulumi ${pinned}, but the README's support table names ${leg1} (leg 1, as locked) and ${newest} (the newest): update the table`,
    );
    assert.equal(installed, pinned, "the installed @pulumi/pulumi is the pinned one");
  });

  it("leg 1: as locked in package.json and package-lock.json, and the CLI at the same version (scripts/ensure-pulumi's default)", function () {
    if (pinned !== leg1) this.skip(); // a scratch copy for legs 2 and 3: package.json pins the newest there
    assert.equal(table.get("1")![1], `${leg1}, as locked`);
    assert.equal(JSON.parse(read("package-lock.json")).packages["node_modules/@pulumi/pulumi"].version, leg1, "the lockfile holds the pinned @pulumi/pulumi");
    assert.equal(table.get("1")![2], leg1, "leg 1 builds the CLI at the locked @pulumi/pulumi version");
  });

  it("leg 2: the CLI is .ci/run's newest_cli, in the table and in the sentence after it; the SDK its newest_sdk", () => {
    const pin = (name: string) => read(".ci/run").match(new RegExp(`^${name}=(\\S+)$`, "m"))?.[1] ?? assert.fail(`.ci/run sets ${name}`);
    const newestCli = pin("newest_cli");
    assert.equal(table.get("2")![2], newestCli);
    assert.equal(first(README.match(/Pulumi CLI (\S+) is the newest the Go module proxy/)?.[0] ?? "", "CLI sentence"), newestCli);
    assert.equal(newest, pin("newest_sdk"), "legs 2 and 3 install .ci/run's newest_sdk");
  });

  it("legs 2 and 3 name the same newest @pulumi/pulumi, wherever the README names it, no older than leg 1's", () => {
    assert.equal(first(table.get("3")![1]!, "leg 3 @pulumi/pulumi"), newest);
    for (const m of README.matchAll(/\b(?:or|and) the newest \((\d+\.\d+)(?:\.\d+)?\)/g)) assert.equal(m[1], newest.split(".").slice(0, 2).join("."), m[0]);
    const parts = (v: string) => v.split(".").map(Number);
    const [a, b] = [parts(newest), parts(leg1)];
    const cmp = a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    assert.ok(cmp >= 0, `the newest (${newest}) is older than leg 1's (${leg1})`);
  });
});
