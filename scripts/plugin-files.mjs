// Which files the packaged plugin keeps (scripts/package-plugin.mjs), apart so a unit test can hold the rule.
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";

/** Licence and notice files stay: the licences of the code the tarball redistributes require them. */
export const LICENCE = /^(LICEN[CS]E|COPYING|NOTICE)/i;

/** Declarations, maps, sources and docs are never loaded. */
const NEVER_LOADED = /(\.d\.[cm]?ts|\.map|\.md|\.markdown|\.ts|\.tsbuildinfo)$|^(CHANGELOG|HISTORY)/i;

export function prunable(name) {
  return !LICENCE.test(name) && !name.endsWith(".js") && NEVER_LOADED.test(name);
}

/** The package directories under a node_modules (scoped ones included). */
export function packagesIn(nodeModules) {
  return readdirSync(nodeModules, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .flatMap((e) => (e.name.startsWith("@") ? readdirSync(path.join(nodeModules, e.name)).map((n) => `${e.name}/${n}`) : [e.name]));
}

const hasLicence = (dir) => existsSync(dir) && readdirSync(dir).some((n) => LICENCE.test(n));

/** Packages in `staged` that ship a licence file in `source` but lost it on the way. */
export function lostLicences(staged, source) {
  return packagesIn(staged).filter((p) => hasLicence(path.join(source, p)) && !hasLicence(path.join(staged, p)));
}
