/** YAML projects for the plugin's real-engine tests: no SDK, no npm install, only the plugin. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../support/packed";

/** The provider plugin's executable in this checkout (`npm run build`); CFR_PLUGIN_DIR points at another build of it. */
export const PLUGIN_BIN_DIR = process.env.CFR_PLUGIN_DIR ?? path.join(REPO_ROOT, "bin");

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
