/**
 * schema.json as committed: the text `npm run schema` writes and the staleness test compares. Run as a
 * script, it writes the file beside the sources (not dist/), where the SDK generators read it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { packageSchema } from "./schema";

/** The repository root, from this module's place in either the sources or dist/. */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../../../.." : "../../..");

export const SCHEMA_PATH = path.join(REPO_ROOT, "provider/host/plugin/schema.json");

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

export function schemaText(version = packageVersion()): string {
  return `${JSON.stringify(packageSchema(version), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_PATH)}`);
}
