/**
 * scripts/ensure-pulumi is code a fresh machine runs before anything else (issue 18): here it runs
 * against a stand-in `go` that answers as the module proxy may, so each answer's effect is checked
 * without a network or a 10-minute build. The stand-in records every call and fails the step it is told to.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";

const SCRIPT = path.join(REPO_ROOT, "scripts/ensure-pulumi");

// The stand-in: `go build -o OUT` writes an executable that prints its version; `go list -m -f …`
// prints FAKE_GO_LIST; the step named in FAKE_GO_FAIL (tidy-cli, build-cli, tidy-host, build-host,
// tidy-fallback, tidy-yaml, build-yaml, tidy-gohost, build-gohost) fails with a compiler-like message.
const FAKE_GO = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_GO_CALLS"
step() { case "$PWD" in */cli) echo "$1-cli" ;; */host) grep -q 'v3.68.0' go.mod && echo "$1-fallback" || echo "$1-host" ;; */yaml) echo "$1-yaml" ;; */gohost) echo "$1-gohost" ;; esac; }
case "$1 $2" in
  "version "*) echo "go version go1.26.8 linux/amd64" ;;
  "mod tidy")
    [ "$(step tidy)" = "$FAKE_GO_FAIL" ] && { echo "go: github.com/pulumi/pulumi/pkg/v3@v9.9.9: reading …: 404 Not Found"; exit 1; }
    exit 0 ;;
  "build "*)
    [ "$(step build)" = "$FAKE_GO_FAIL" ] && { echo "# some/package"; echo "compile: out of memory"; exit 2; }
    out=; prev=; for a in "$@"; do [ "$prev" = "-o" ] && out=$a; prev=$a; done
    printf '#!/bin/sh\\necho v-built-by-fake\\n' > "$out"; chmod +x "$out" ;;
  "list -m") printf '%s\\n' "$FAKE_GO_LIST" ;;
  *) echo "fake go: unexpected $*" >&2; exit 3 ;;
esac
`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  calls: string[];
  cache: string;
  /** What the version's directory held when the script ended (the temporary home is gone after). */
  installed: string[] | undefined;
}

/** `cached` lays these files in the version's directory first, as an earlier run would have left them. */
function ensurePulumi(env: { list: string; fail?: string; version?: string; cached?: string[]; hosts?: string }): Run {
  const dir = mkdtempSync(path.join(tmpdir(), "cfr-ensure-"));
  const bin = path.join(dir, "bin");
  const go = path.join(bin, "go");
  mkdirSync(bin);
  writeFileSync(go, FAKE_GO);
  chmodSync(go, 0o755);
  const calls = path.join(dir, "calls");
  writeFileSync(calls, "");
  const cache = path.join(dir, "cache");
  for (const file of env.cached ?? []) {
    mkdirSync(path.join(cache, `pulumi-v${env.version ?? "3.248.0"}`), { recursive: true });
    writeFileSync(path.join(cache, `pulumi-v${env.version ?? "3.248.0"}`, file), "#!/bin/sh\necho cached\n", { mode: 0o755 });
  }
  const result = spawnSync(SCRIPT, [], {
    encoding: "utf8",
    env: {
      PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: dir,
      PULUMI_FORCE_BUILD: "1",
      PULUMI_CLI_CACHE: cache,
      PULUMI_VERSION: env.version ?? "3.248.0",
      FAKE_GO_LIST: env.list,
      FAKE_GO_FAIL: env.fail ?? "",
      FAKE_GO_CALLS: calls,
      PULUMI_LANGUAGE_HOSTS: env.hosts ?? "yaml,go",
    },
  });
  const versionDir = path.join(cache, `pulumi-v${env.version ?? "3.248.0"}`);
  const installed = existsSync(versionDir) ? readdirSync(versionDir).sort() : undefined;
  const run = {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    calls: readFileSync(calls, "utf8").split("\n").filter(Boolean),
    cache,
    installed,
  };
  rmSync(dir, { recursive: true, force: true });
  return run;
}

const NO_STACK = /TypeError|ReferenceError|\[eval\]|^\s+at /m;
const hostBuild = (run: Run) => run.calls.find((c) => c.startsWith("build") && c.includes("pulumi-language-nodejs"));

describe("scripts/ensure-pulumi (the CLI's set-up path, against a stand-in go)", function () {
  this.timeout(20_000);

  it("invariant: a proxy answer with no commit (no .Origin) falls back to the v3.68.0 host in one line and finishes", () => {
    // What `go list -m -f '{{.Time}} {{with .Origin}}…'` prints for today's answer: a time, no hash.
    const run = ensurePulumi({ list: "20260624180030 " });
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, NO_STACK);
    assert.equal(run.stdout.trim(), path.join(run.cache, "pulumi-v3.248.0"));
    const fallbacks = run.stderr.split("\n").filter((l) => l.includes("language host:"));
    assert.equal(fallbacks.length, 1, run.stderr);
    assert.match(fallbacks[0], /names no commit; building the one from github\.com\/pulumi\/pulumi\/sdk\/v3@v3\.68\.0/);
    assert.match(hostBuild(run) ?? "", /sdk\/v3\/nodejs\/cmd\/pulumi-language-nodejs$/);
  });

  it("an answer with neither time nor commit falls back the same way", () => {
    const run = ensurePulumi({ list: " " });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /names no commit/);
  });

  it("with a commit, builds the host's own module at the release's pseudo-version", () => {
    const run = ensurePulumi({ list: "20260624180030 a05d88f24d05c0ffee" });
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /instead/);
    assert.equal(hostBuild(run)?.split(" ").pop(), "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3");
    assert.match(run.stderr, /language host github\.com\/pulumi\/pulumi\/sdk\/nodejs\/cmd\/pulumi-language-nodejs\/v3@v3\.0\.0-20260624180030-a05d88f24d05 in/);
  });

  it("a host module the proxy refuses falls back in one line and finishes", () => {
    const run = ensurePulumi({ list: "20260624180030 a05d88f24d05c0ffee", fail: "tidy-host" });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /v3\.0\.0-20260624180030-a05d88f24d05 is not served by the module proxy; building the one from .*v3\.68\.0 instead/);
    assert.match(hostBuild(run) ?? "", /sdk\/v3\/nodejs\/cmd\/pulumi-language-nodejs$/);
  });

  for (const [fail, step] of [
    ["tidy-cli", "resolve the CLI's modules"],
    ["build-cli", "build the CLI"],
    ["tidy-fallback", "build the Node language host"],
  ] as const) {
    it(`a failure at ${fail} names the step, what to do and the tool's last lines, with no stack trace, and caches nothing`, () => {
      const run = ensurePulumi({ list: "", fail });
      assert.equal(run.code, 1);
      assert.equal(run.stdout, "");
      assert.doesNotMatch(run.stderr, NO_STACK);
      assert.match(run.stderr, new RegExp(`FAILED at step "${step}`));
      assert.match(run.stderr, /the last lines it printed:\n {4}\S/);
      assert.equal(run.installed, undefined);
    });
  }

  it("builds the YAML host from pulumi-yaml and the Go host from sdk/v3@v3.62.0 into the CLI's directory", () => {
    const run = ensurePulumi({ list: "" });
    assert.equal(run.code, 0, run.stderr);
    const built = (name: string) => run.calls.find((c) => c.startsWith("build") && c.includes(`-o `) && c.includes(`/${name} `));
    assert.match(
      built("pulumi-language-yaml") ?? "",
      /pulumi-yaml\/pkg\/version\.Version=v1\.25\.0 .* github\.com\/pulumi\/pulumi-yaml\/cmd\/pulumi-language-yaml$/,
    );
    assert.match(built("pulumi-language-go") ?? "", /common\/version\.Version=v3\.62\.0 .* github\.com\/pulumi\/pulumi\/sdk\/v3\/go\/pulumi-language-go$/);
    assert.match(run.stderr, /built pulumi-language-yaml \(github\.com\/pulumi\/pulumi-yaml@v1\.25\.0\) in \d+s/);
    assert.match(run.stderr, /built pulumi-language-go \(github\.com\/pulumi\/pulumi\/sdk\/v3@v3\.62\.0\) in \d+s/);
    assert.deepEqual(run.installed, ["pulumi", "pulumi-language-go", "pulumi-language-nodejs", "pulumi-language-yaml", "pulumi-resource-pulumi-nodejs"]);
  });

  it("with the CLI already cached, builds only the language hosts that are missing, and nothing when none is", () => {
    const cli = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"];
    const one = ensurePulumi({ list: "", cached: [...cli, "pulumi-language-yaml"] });
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stdout.trim(), path.join(one.cache, "pulumi-v3.248.0"));
    const builds = one.calls.filter((c) => c.startsWith("build"));
    assert.equal(builds.length, 1, builds.join("\n"));
    assert.match(builds[0], /pulumi-language-go$/);
    const none = ensurePulumi({ list: "", cached: [...cli, "pulumi-language-yaml", "pulumi-language-go"] });
    assert.equal(none.code, 0, none.stderr);
    assert.deepEqual(none.calls, []);
  });

  for (const [fail, step] of [
    ["tidy-yaml", "resolve the YAML language host's modules (go mod tidy, github.com/pulumi/pulumi-yaml@v1.25.0)"],
    ["build-yaml", "build the YAML language host"],
    ["tidy-gohost", "resolve the Go language host's modules (go mod tidy, github.com/pulumi/pulumi/sdk/v3@v3.62.0)"],
    ["build-gohost", "build the Go language host"],
  ] as const) {
    it(`a failure at ${fail} names the step and the tool's last lines, keeps the CLI, and installs no half host`, () => {
      const run = ensurePulumi({ list: "", fail });
      assert.equal(run.code, 1);
      assert.equal(run.stdout, "");
      assert.doesNotMatch(run.stderr, NO_STACK);
      assert.ok(run.stderr.includes(`FAILED at step "${step}`), run.stderr);
      assert.match(run.stderr, /the last lines it printed:\n {4}\S/);
      assert.ok(run.installed?.includes("pulumi"), "the CLI built before the failure is kept");
      const host = fail.endsWith("yaml") ? "pulumi-language-yaml" : "pulumi-language-go";
      assert.equal(
        run.installed?.some((f) => f.includes(host)),
        false,
        String(run.installed),
      );
    });
  }

  it("by default builds no language host besides Node's: the demo and TypeScript programs need no other", () => {
    const run = ensurePulumi({ list: "", hosts: "" });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.installed, ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"]);
    assert.equal(run.calls.filter((c) => /pulumi-language-(yaml|go)/.test(c)).length, 0, run.calls.join("\n"));
    const cli = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs"];
    const cached = ensurePulumi({ list: "", cached: cli, hosts: "" });
    assert.deepEqual(cached.calls, [], "a cached CLI is enough when no other host is asked for");
    const yamlOnly = ensurePulumi({ list: "", cached: cli, hosts: "yaml" });
    assert.deepEqual(yamlOnly.installed, [...cli, "pulumi-language-yaml"].sort());
  });

  it("a language host it does not know is refused, naming it and the ones it builds", () => {
    const run = ensurePulumi({ list: "", hosts: "yaml,python" });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /FAILED at step "choose the language hosts".*from: yaml, go; got 'python'/);
    assert.deepEqual(run.calls, []);
  });

  it("a version that is not a version is refused before anything runs", () => {
    const run = ensurePulumi({ list: "", version: "latest" });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /FAILED at step "choose the version".*got 'latest'/);
    assert.deepEqual(run.calls, []);
  });
});
