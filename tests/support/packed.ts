/**
 * The package as users get it: packed with `npm pack` and installed into scratch projects. Installs
 * run with --offline: they use only the npm cache, which `npm ci` and scripts/warm-npm-cache (run by
 * `npm test`) filled, so tests never fetch anything.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "../../..");
const GUARD = path.join(REPO_ROOT, "dist/tests/support/netGuard.js");
const PULUMI_VERSION: string = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).devDependencies["@pulumi/pulumi"];

let tarball: string | undefined;

/** `npm pack` the built package once per test run. */
export function packOnce(): string {
  if (!tarball) {
    const dest = mkdtempSync(path.join(tmpdir(), "cfr-pack-"));
    const out = execFileSync("npm", ["pack", "--silent", "--pack-destination", dest], { cwd: REPO_ROOT, encoding: "utf8" });
    tarball = path.join(dest, out.trim().split("\n").pop()!);
  }
  return tarball;
}

/** A scratch project with the packed package (or `tgz`) and @pulumi/pulumi installed. */
export function scratchProject(options: { tgz?: string; files?: Record<string, string>; dependencies?: Record<string, string> } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cfr-project-"));
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: "scratch",
      version: "1.0.0",
      private: true,
      dependencies: { "pulumi-cloudflare-registrar": `file:${options.tgz ?? packOnce()}`, "@pulumi/pulumi": PULUMI_VERSION, ...options.dependencies },
    }),
  );
  for (const [name, text] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  try {
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, stdio: "pipe", encoding: "utf8" });
  } catch (err) {
    // A cold cache fails as ENOTCACHED or, for a peer, as ERESOLVE "@pulumi/pulumi@undefined": say the fix.
    const stderr = (err as { stderr?: string }).stderr ?? "";
    throw new Error(`npm install --offline failed in ${dir}; if the npm cache is cold, run scripts/warm-npm-cache first.\n${stderr}`, { cause: err });
  }
  return dir;
}

/** Environment for child processes: the network guard loaded into every Node process. */
export function guardedEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require ${GUARD}`.trim();
  return env;
}

/** Run a Node script in `cwd`. Asynchronous, so a simulator in this process keeps answering. */
export function runNode(cwd: string, script: string, env: Record<string, string | undefined> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["-e", script], { cwd, env: guardedEnv(env), encoding: "utf8", timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`node failed (${err.message}): ${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * A serialized provider exactly as existing stacks hold it in state (tests/support/serializedProviders.golden.json,
 * written by a program against the package at 449a5fc). State compares it as text: any byte that differs is a diff
 * on every existing resource, so the golden file changes only with a migration note.
 */
export function recordedProvider(module: "pulumi-cloudflare-registrar/dynamic" | "pulumi-cloudflare-registrar/dynamic/transfer"): string {
  const golden: Record<string, string> = JSON.parse(readFileSync(path.join(REPO_ROOT, "tests/support/serializedProviders.golden.json"), "utf8"));
  return golden[module]!;
}
