/**
 * The Go and Python SDKs generated from the plugin's schema (scripts/gen-sdks, codegen/): committed, so
 * they must be what the schema makes; Python cannot run here (no package index), so it must at least
 * byte-compile; and a Go program on sdk/go must build. Needs Go and the module proxy (as ensure-pulumi).
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../../support/packed";

const SDK_GO = path.join(REPO_ROOT, "sdk/go/cloudflareregistrar");
const SDK_PY = path.join(REPO_ROOT, "sdk/python/pulumi_cloudflare_registrar");
const SCHEMA = JSON.parse(readFileSync(path.join(REPO_ROOT, "provider/host/plugin/schema.json"), "utf8"));

const GO_ENV = { ...process.env, GOSUMDB: "off", GOFLAGS: `-mod=mod ${process.env.GOFLAGS ?? ""}`.trim(), GOTOOLCHAIN: "local" };

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 16 * 1024 * 1024, ...opts });
  return { code: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

interface Secrets {
  file: string;
  inputs: string[];
  outputs: string[];
}

/** Each resource's (and the provider's) secret inputs and outputs, in the schema's names, as it marks them. */
function schemaSecrets(): Record<string, Secrets> {
  const marked = (props: Record<string, { secret?: boolean }> = {}) =>
    Object.entries(props)
      .filter(([, p]) => p.secret)
      .map(([k]) => k)
      .sort();
  const entries: [string, any][] = [...Object.entries<any>(SCHEMA.resources), ["cloudflare-registrar:index:Provider", SCHEMA.provider]];
  return Object.fromEntries(
    entries.map(([token, res]) => {
      const name = token.split(":").pop()!;
      return [name, { file: name.charAt(0).toLowerCase() + name.slice(1), inputs: marked(res.inputProperties), outputs: marked(res.properties) }];
    }),
  );
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const goField = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const files = (dir: string, ext: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .sort();

describe("the generated Go and Python SDKs", function () {
  // A first run builds the generator from pkg/v3 (about 1.5 minutes cold) and the Go program (minutes cold).
  this.timeout(900_000);

  it("invariant: the committed sdk/go and sdk/python are what gen-sdks makes of schema.json", () => {
    const r = run(path.join(REPO_ROOT, "scripts/gen-sdks"), ["--check"]);
    assert.equal(r.code, 0, r.output);
  });

  it("invariant: what the schema marks secret is sent as a secret and kept one, in both SDKs", () => {
    const secrets = schemaSecrets();
    // The schema's own marks, so a lost mark fails here rather than passing unnoticed below.
    assert.deepEqual(secrets.DomainTransfer.inputs, ["authCode", "contactExtensions", "contacts"]);
    assert.deepEqual(secrets.DomainRegistration.outputs, ["contactExtensions", "contacts"]);
    assert.ok(secrets.Provider.inputs.includes("apiToken"), String(secrets.Provider.inputs));
    for (const [resource, { file, inputs, outputs }] of Object.entries(secrets)) {
      const go = readFileSync(path.join(SDK_GO, `${file}.go`), "utf8");
      const py = readFileSync(path.join(SDK_PY, `${snake(file)}.py`), "utf8");
      for (const name of inputs) {
        assert.match(go, new RegExp(`args\\.${goField(name)} = pulumi\\.ToSecret\\(args\\.${goField(name)}\\)`), `Go ${resource}.${name}`);
        assert.match(
          py,
          new RegExp(`\\["${snake(name)}"\\] = None if ${snake(name)} is None else pulumi\\.Output\\.secret\\(${snake(name)}\\)`),
          `Python ${resource}.${name}`,
        );
      }
      const goList = go.match(/pulumi\.AdditionalSecretOutputs\(\[\]string\{([^}]*)\}\)/)?.[1] ?? "";
      const pyList = py.match(/additional_secret_outputs=\[([^\]]*)\]/)?.[1] ?? "";
      for (const name of outputs) {
        assert.ok(goList.includes(`"${name}"`), `${resource}.${name} is not kept secret by the Go SDK: {${goList}}`);
        assert.ok(pyList.includes(`"${name}"`), `${resource}.${name} is not kept secret by the Python SDK: [${pyList}]`);
      }
    }
  });

  it("the Python SDK byte-compiles, every module of it, and declares each resource and function of the schema", () => {
    const cache = mkdtempSync(path.join(tmpdir(), "cfr-pycache-"));
    try {
      // The cache prefix keeps __pycache__ out of the committed tree (gen-sdks --check compares it).
      const r = run("python3", ["-m", "compileall", "-q", "-f", path.join(REPO_ROOT, "sdk/python")], {
        env: { ...process.env, PYTHONPYCACHEPREFIX: cache },
      });
      assert.equal(r.code, 0, r.output);
      const sources = files(path.join(REPO_ROOT, "sdk/python"), ".py");
      assert.ok(sources.length >= 10, String(sources));
      assert.equal(files(cache, ".pyc").length, sources.length, "one .pyc per module");
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
    const init = readFileSync(path.join(SDK_PY, "__init__.py"), "utf8");
    for (const token of Object.keys(SCHEMA.resources)) assert.match(init, new RegExp(`"${token}": "${token.split(":").pop()}"`));
    for (const token of Object.keys(SCHEMA.functions)) {
      const fn = snake(token.split(":").pop()!);
      assert.match(readFileSync(path.join(SDK_PY, `${fn}.py`), "utf8"), new RegExp(`^def ${fn}\\(`, "m"));
    }
  });

  it("a Go program on sdk/go (examples/go, through its replace) builds and vets", () => {
    const out = mkdtempSync(path.join(tmpdir(), "cfr-goprog-"));
    try {
      const cwd = path.join(REPO_ROOT, "examples/go");
      const build = run("go", ["build", "-o", path.join(out, "program"), "."], { cwd, env: GO_ENV });
      assert.equal(build.code, 0, build.output);
      const vet = run("go", ["vet", "./...", "github.com/pulumi-cloudflare-registrar/sdk/go/..."], { cwd, env: GO_ENV });
      assert.equal(vet.code, 0, vet.output);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
