// Mutation testing of the code where a bug costs money or trust (issue 13). `npm run test:mutation`
// runs the money modules (stryker.money.config.mjs, break at 90), the purchase path
// (stryker.purchase.config.mjs, 90), the rest of the lifecycle (stryker.lifecycle.config.mjs, 80) and then
// this set (break at 80).
// Stryker mutates the TypeScript sources in a sandbox, compiles the sandbox with tsc, and runs mocha
// over the compiled tests; coverage per test picks the tests that can see each mutant.
// Reports go outside the repository, to $TMPDIR (or /tmp)/stryker-reports/<set>/. The sandbox stays in
// .stryker-tmp/<set> (gitignored): tsc in the sandbox finds the types by walking up to node_modules/.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const reports = (set) => join(process.env.TMPDIR || tmpdir(), "stryker-reports", set);

/** Lines `from` (the first line containing it) to the end of a file: a range that follows edits elsewhere. */
function fromLine(file, from) {
  const lines = readFileSync(new URL(file, import.meta.url), "utf8").split("\n");
  const start = lines.findIndex((l) => l.includes(from)) + 1;
  if (start === 0) throw new Error(`stryker config: '${from}' not found in ${file}`);
  return `${file}:${start}-${lines.length}`;
}

/** Lines from the first line containing `from` to the line before the first after it containing `to`. */
export function between(file, from, to) {
  const lines = readFileSync(new URL(file, import.meta.url), "utf8").split("\n");
  const start = lines.findIndex((l) => l.includes(from));
  const end = lines.findIndex((l, i) => i > start && l.includes(to));
  if (start < 0 || end < 0) throw new Error(`stryker config: '${from}' … '${to}' not found in ${file}`);
  return `${file}:${start + 1}-${end}`;
}

/** The shared settings; each set adds what it mutates, which tests see it, and its threshold. */
export function strykerSet(set, { mutate, spec, breakAt, typeCheck }) {
  return {
    $schema: "./node_modules/@stryker-mutator/core/schema/stryker-schema.json",
    packageManager: "npm",
    testRunner: "mocha",
    // STRYKER_TYPECHECK=off skips the checker: it only sorts out mutants that would not compile, which the
    // tests kill anyway (on the money set it changed no result: 116 of 116 killed either way), and it costs
    // most of the run's time on 2 cores. CI uses it so; `npm run test:mutation` keeps the checker.
    checkers: typeCheck && process.env.STRYKER_TYPECHECK !== "off" ? ["typescript"] : [],
    tsconfigFile: "tsconfig.json",
    buildCommand: "tsc -p tsconfig.json",
    coverageAnalysis: "perTest",
    // .mocharc.json still gives the network guard and the timeout; only the spec is narrowed.
    mochaOptions: { spec },
    mutate,
    ignorePatterns: ["dist", ".pulumi-state", "*.tgz", ".stryker-tmp"],
    tempDirName: `.stryker-tmp/${set}`,
    cleanTempDir: "always",
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: join(reports(set), "index.html") },
    jsonReporter: { fileName: join(reports(set), "mutation.json") },
    concurrency: 2,
    thresholds: { high: 95, low: breakAt, break: breakAt },
  };
}

export default strykerSet("guards", {
  mutate: [
    // When a request is sent again, and which failures prove it never left.
    "provider/api/retry.ts",
    "provider/api/connection.ts",
    // The client's transport: the retry loop, one attempt, and the mapping of transport errors.
    fromLine("provider/api/transport.ts", "  async send("),
    // The workflow poller and the factory both serialized dynamic-provider shims are built from.
    "provider/workflow/poll.ts",
    "provider/host/shim.ts",
    // The preview's batched domain-check and the rest of provider/purchase/ are in stryker.lifecycle.config.mjs.
  ],
  spec: [
    "dist/tests/unit/**/*.test.js",
    // The shims, the connection faults and the lifecycle's waits, against sockets and the simulator.
    "dist/tests/integration/client/connection.test.js",
    "dist/tests/integration/client/client.test.js",
    "dist/tests/integration/host/dynamic.test.js",
    "dist/tests/integration/host/expectedErrors.test.js",
    "dist/tests/integration/host/warnings.test.js",
    "dist/tests/integration/host/secretsShims.test.js",
    "dist/tests/integration/purchase/lifecycle.test.js",
    "dist/tests/integration/purchase/domainChecks.test.js",
    "dist/tests/integration/registration/provider.test.js",
    "dist/tests/integration/workflow/awaitWorkflow.test.js",
    "dist/tests/integration/workflow/progressLifecycle.test.js",
  ],
  breakAt: 80,
  // Without the type checker: on 2 shared cores it took this set from 7 minutes to an estimated hour
  // (it type-checks the project per mutant group), and on the money set it changed no verdict: the
  // mutants it rejects as type errors are also killed by the tests.
  typeCheck: false,
});
