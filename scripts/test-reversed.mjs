#!/usr/bin/env node
// The non-e2e tests of every tier (what `npm run test:no-e2e` runs) with the test files in reverse order, in one mocha
// process. Reversing flips the order of every pair of files, so a suite that leaves state behind for a
// later one (a configured shim, a handler, an env var) fails in one of the two orders whichever file it
// lands in. Extra arguments go to mocha (e.g. `-- --bail`). Run after a build: `npm run test:no-e2e:reversed`.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = "dist/tests";
const files = readdirSync(root, { recursive: true })
  .filter((f) => f.endsWith(".test.js"))
  .map((f) => join(root, f))
  .sort()
  .reverse();
if (files.length === 0) {
  console.error(`no test files under ${root}: build first (npm run build)`);
  process.exit(1);
}
console.log(`mocha, ${files.length} files in reverse order: ${files.map((f) => f.slice(root.length + 1)).join(", ")}`);
const mocha = createRequire(import.meta.url).resolve("mocha/bin/mocha.js");
const run = spawnSync(process.execPath, [mocha, "--grep", "@e2e", "--invert", ...process.argv.slice(2), ...files], { stdio: "inherit" });
process.exit(run.status ?? 1);
