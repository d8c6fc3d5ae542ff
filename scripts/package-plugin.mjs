#!/usr/bin/env node
// Writes pulumi-resource-cloudflare-registrar-v<version>-linux-amd64.tar.gz (into the directory given, else
// the repository root): the compiled provider, the production node_modules it loads, and the shim, pruned.
// Install it with `pulumi plugin install resource cloudflare-registrar <version> --file <tarball>`.
// Expects `npm run build` first (`npm run package:plugin` does both).
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { lostLicences, prunable } from "./plugin-files.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.resolve(process.argv[2] ?? root);
mkdirSync(out, { recursive: true });
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const name = `pulumi-resource-cloudflare-registrar-v${version}-linux-amd64.tar.gz`;
const stage = mkdtempSync(path.join(tmpdir(), "cfr-plugin-"));

// Only what runs: the provider's JavaScript, not its declarations or source maps (the SDK and simulator stay out).
const code = (src) => statSync(src).isDirectory() || src.endsWith(".js");
cpSync(path.join(root, "dist/provider"), path.join(stage, "dist/provider"), { recursive: true, filter: code });
for (const f of ["package.json", "package-lock.json"]) copyFileSync(path.join(root, f), path.join(stage, f));
execFileSync("npm", ["ci", "--omit=dev", "--omit=peer", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: stage, stdio: "inherit" });

// @pulumi/pulumi is a peer of the package, and the plugin needs only its generated protocol stubs (and its licence).
const pulumi = path.join(root, "node_modules/@pulumi/pulumi");
cpSync(path.join(pulumi, "proto"), path.join(stage, "node_modules/@pulumi/pulumi/proto"), { recursive: true, filter: code });
for (const f of ["package.json", "LICENSE"]) copyFileSync(path.join(pulumi, f), path.join(stage, "node_modules/@pulumi/pulumi", f));

function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) prune(p);
    else if (prunable(entry.name)) rmSync(p);
  }
}
prune(path.join(stage, "node_modules"));
const lost = lostLicences(path.join(stage, "node_modules"), path.join(root, "node_modules"));
if (lost.length > 0) {
  rmSync(stage, { recursive: true, force: true });
  throw new Error(`the tarball would lose the licence files of ${lost.join(", ")}: keep them (scripts/plugin-files.mjs).`);
}
rmSync(path.join(stage, "package-lock.json"));

const shim = path.join(stage, "pulumi-resource-cloudflare-registrar");
copyFileSync(path.join(root, "bin/pulumi-resource-cloudflare-registrar"), shim);
chmodSync(shim, 0o755);

const tarball = path.join(out, name);
execFileSync("tar", ["-czf", tarball, "-C", stage, "."]);
rmSync(stage, { recursive: true, force: true });
const bytes = statSync(tarball).size;
console.log(`${tarball}\n${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes} bytes)`);
