/**
 * The plugin against the dynamic provider, in the same run: `pulumi preview` of N unchanged (adopted)
 * DomainRegistrations, from one Node program on each, and from YAML on the plugin; with the API requests
 * each preview sent, and the requests a new domain costs across preview + up (the plugin gets no
 * declared-alongside hint). Prints figures, asserts nothing.  `npm run bench:plugin [-- 100]`
 */
import "../tests/support/netGuard";
import { scratchProject } from "../tests/support/packed";
import { ensurePulumi, Stack } from "../tests/support/pulumi";
import { ACCOUNT, Harness, startSim, TOKEN } from "../tests/support/sim";
import { PLUGIN_BIN_DIR, yamlProject } from "../tests/e2e/pluginYaml";

const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const cfg = new pulumi.Config("e2e");
const n = cfg.requireNumber("count");
const lib = cfg.getBoolean("plugin") ? require("pulumi-cloudflare-registrar/plugin") : require("pulumi-cloudflare-registrar");
for (let i = 0; i < n; i++) new lib.DomainRegistration("site-" + i, { domainName: "n" + i + "-" + cfg.require("base") });
`;

const PULUMI_YAML = `name: registrar-bench
runtime: nodejs
plugins:
  providers:
    - name: cloudflare-registrar
      path: ${PLUGIN_BIN_DIR}
`;

function yamlProgram(n: number, base: string): string {
  const lines = ["resources:"];
  for (let i = 0; i < n; i++)
    lines.push(`  site-${i}:`, "    type: cloudflare-registrar:index:DomainRegistration", "    properties:", `      domainName: n${i}-${base}`);
  return `${lines.join("\n")}\n`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function stackOn(project: string, h: Harness, name: string, config: Record<string, string>): Promise<Stack> {
  const s = new Stack(project, name);
  await s.init(
    { "cloudflare-registrar:accountId": ACCOUNT, "cloudflare-registrar:baseUrl": h.sim.baseUrl, ...config },
    { "cloudflare-registrar:apiToken": TOKEN },
  );
  return s;
}

async function unchangedPreview(h: Harness, s: Stack, runs = 3): Promise<{ ms: number; requests: number }> {
  await s.ok("up", "--yes");
  const times: number[] = [];
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const before = h.sim.requests().length;
    times.push((await s.ok("preview")).ms);
    requests = h.sim.requests().length - before;
  }
  return { ms: median(times), requests };
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 100);
  ensurePulumi(["yaml"]);
  const node = scratchProject({ files: { "index.js": PROGRAM, "Pulumi.yaml": PULUMI_YAML } });
  const base = "owned-bench.com";
  const h = await startSim({ registrations: Array.from({ length: n }, (_, i) => ({ domain_name: `n${i}-${base}` })) });
  try {
    const rows: Array<[string, { ms: number; requests: number }]> = [];
    rows.push(["dynamic (Node program)", await unchangedPreview(h, await stackOn(node, h, "dyn", { "e2e:count": String(n), "e2e:base": base }))]);
    rows.push([
      "plugin (Node program)",
      await unchangedPreview(h, await stackOn(node, h, "plug", { "e2e:count": String(n), "e2e:plugin": "true", "e2e:base": base })),
    ]);
    rows.push(["plugin (YAML program)", await unchangedPreview(h, await stackOn(yamlProject(yamlProgram(n, base)), h, "yaml", {}))]);
    console.log(`pulumi preview of ${n} unchanged DomainRegistrations (median of 3):`);
    for (const [what, f] of rows) console.log(`  ${what.padEnd(24)} ${String(f.ms).padStart(6)} ms  ${f.requests} API requests`);

    // One new domain among N unchanged ones: requests across preview + up.
    for (const [what, project, config] of [
      ["dynamic (Node program)", node, { "e2e:count": String(n + 1), "e2e:base": base }],
      ["plugin (Node program)", node, { "e2e:count": String(n + 1), "e2e:plugin": "true", "e2e:base": base }],
    ] as const) {
      const fresh = await startSim({ registrations: Array.from({ length: n }, (_, i) => ({ domain_name: `n${i}-${base}` })) });
      try {
        const s = await stackOn(project, fresh, `new-${what.startsWith("dynamic") ? "dyn" : "plug"}`, { ...config, "e2e:count": String(n) });
        await s.ok("up", "--yes");
        await s.ok("config", "set", "e2e:count", String(n + 1));
        const before = fresh.sim.requests().length;
        await s.ok("preview");
        await s.ok("up", "--yes");
        console.log(`  one new domain beside ${n}, ${what}: ${fresh.sim.requests().length - before} API requests across preview + up`);
      } finally {
        await fresh.stop();
      }
    }
  } finally {
    await h.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
