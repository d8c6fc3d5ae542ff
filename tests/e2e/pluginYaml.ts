/** YAML projects for the plugin's real-engine tests: no SDK, no npm install, only the plugin. */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";
import { ensurePulumi } from "../support/pulumi";

/** The CLI's directory, which must also hold the YAML language host (scripts/ensure-pulumi installs it there). */
export function ensurePulumiWithYaml(): string {
  const dir = ensurePulumi();
  if (!existsSync(path.join(dir, "pulumi-language-yaml"))) {
    throw new Error(`pulumi-language-yaml is not in ${dir}: YAML programs need it beside the CLI (scripts/ensure-pulumi builds it).`);
  }
  return dir;
}

/** The directory holding the plugin's executable in this checkout (built by `npm run build`). */
export const PLUGIN_BIN_DIR = path.join(REPO_ROOT, "bin");

/**
 * A YAML project whose program is `body` (the `resources:`/`outputs:` sections). With `pluginDir` the
 * project points the engine at the plugin there; without, the engine finds it installed in PULUMI_HOME.
 */
export function yamlProject(body: string, pluginDir: string | undefined = PLUGIN_BIN_DIR): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cfr-yaml-"));
  mkdirSync(dir, { recursive: true });
  const plugins = pluginDir ? `plugins:\n  providers:\n    - name: cloudflare-registrar\n      path: ${pluginDir}\n` : "";
  writeFileSync(path.join(dir, "Pulumi.yaml"), `name: registrar-yaml\nruntime: yaml\n${plugins}${body}`);
  return dir;
}

export const SITE_PROGRAM = `resources:
  site:
    type: cloudflare-registrar:index:DomainRegistration
    properties:
      domainName: \${domain}
      autoRenew: \${autoRenew}
config:
  domain:
    type: string
  autoRenew:
    type: boolean
    default: false
outputs:
  status: \${site.status}
  autoRenew: \${site.autoRenew}
  quote: \${site.quote}
`;
