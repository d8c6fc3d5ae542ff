/**
 * Prints figures, asserts nothing: poller noticing delay and poll counts, API requests per endpoint
 * for check + create in each simulator scenario, and the real engine's preview time for 100
 * unchanged registrations against 100 trivial dynamic resources.  `npm run bench`
 */
import "../tests/support/netGuard";
import { RegistrationProvider } from "../provider/registration/provider";
import { awaitWorkflow } from "../provider/workflow/poll";
import { realClock } from "../provider/api/clock";
import { scratchProject } from "../tests/support/packed";
import { ensurePulumi, Stack } from "../tests/support/pulumi";
import { ACCOUNT, startSim, TOKEN, VirtualClock } from "../tests/support/sim";
import type { SimulatorOptions } from "../simulator/server";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "../tests/e2e/program";

async function pollerFigures(durationMs: number, virtual: boolean): Promise<string> {
  const clock = virtual ? new VirtualClock() : realClock;
  const h = await startSim({ registrationMs: durationMs, ...(virtual ? { now: clock.now } : {}) });
  const c = h.client();
  const started = clock.now();
  const { workflow } = await c.createRegistration({ domain_name: "bench.com" }, { respondAsync: true });
  const outcome = await awaitWorkflow(workflow, (l) => c.followWorkflow(l), { clock });
  const noticed = clock.now() - (started + durationMs);
  await h.stop();
  return `${(durationMs / 1000).toFixed(1).padStart(5)} s workflow (${virtual ? "virtual" : "real"} clock): ${outcome.kind}, ${outcome.polls} polls, noticed ${Math.round(noticed)} ms after it finished`;
}

async function scenarioCounts(label: string, domain: string, sim: SimulatorOptions = {}, prepare?: (s: Awaited<ReturnType<typeof startSim>>) => void) {
  const h = await startSim(sim);
  prepare?.(h);
  const p = new RegistrationProvider({ client: h.clientOptions(), poll: { deadlineMs: 3_000 }, log: () => undefined });
  let result = "ok";
  try {
    const checked = await p.check(undefined, { domainName: domain });
    if (checked.failures.length) result = "refused in preview";
    else await p.create(checked.inputs);
  } catch (err) {
    result = (err as Error).name;
  }
  const counts = Object.entries(h.sim.counts())
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  console.log(`  ${label.padEnd(22)} ${result.padEnd(26)} total=${String(h.sim.requests().length).padEnd(3)} ${counts}`);
  await p.close();
  await h.stop();
}

/** Median wall time of `runs` previews of an unchanged stack. */
async function previewMs(s: Stack, runs = 3): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await s.ok("preview", "--expect-no-changes")).ms);
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function previewFigures(count: number): Promise<void> {
  console.log(`\nPreview of ${count} unchanged resources, real Pulumi CLI (median of 3)`);
  try {
    ensurePulumi();
  } catch {
    console.log("  skipped: no Pulumi CLI (scripts/ensure-pulumi could not provide one)");
    return;
  }
  const project = scratchProject({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML } });
  const h = await startSim();
  try {
    const registrations = new Stack(project, "bench-registrations");
    await registrations.init(
      { "cloudflare-registrar:accountId": ACCOUNT, "cloudflare-registrar:baseUrl": h.sim.baseUrl, "e2e:domainName": "bulk.com", "e2e:count": String(count) },
      { "cloudflare-registrar:apiToken": TOKEN },
    );
    await registrations.ok("up", "--yes", "--parallel", "16");
    const trivial = new Stack(project, "bench-trivial");
    await trivial.init({ "e2e:trivial": "true", "e2e:count": String(count) });
    await trivial.ok("up", "--yes", "--parallel", "16");
    h.sim.clearRequests();
    const ours = await previewMs(registrations);
    const baseline = await previewMs(trivial);
    console.log(
      `  DomainRegistration ${ours} ms (${h.sim.requests().length} API requests), trivial dynamic resource ${baseline} ms, ratio ${(ours / baseline).toFixed(2)}`,
    );
  } finally {
    await h.stop();
  }
}

async function main(): Promise<void> {
  console.log("Workflow poller");
  for (const [ms, virtual] of [
    [1_500, false],
    [1_500, true],
    [60_000, true],
  ] as const)
    console.log("  " + (await pollerFigures(ms, virtual)));
  console.log("\nAPI requests for check + create, per scenario");
  await scenarioCounts("available (201)", "happy.com");
  await scenarioCounts("slow (202 + polls)", "slow-x.com", { domains: { "slow-x.com": { scenario: { kind: "slow", durationMs: 2_000 } } } });
  await scenarioCounts("owned (adopted)", "owned.com", { registrations: [{ domain_name: "owned.com" }] });
  await scenarioCounts("unavailable", "taken-x.com");
  await scenarioCounts("premium", "premium-x.com");
  await scenarioCounts("unsupported extension", "brand.zz");
  await scenarioCounts("dashboard-only", "brand.cc");
  await scenarioCounts("blocked 1 s", "blocked-x.com", { domains: { "blocked-x.com": { scenario: { kind: "blocked", blockedMs: 1_000 } } } });
  await scenarioCounts("action_required", "action-x.com");
  await scenarioCounts("failed", "failed-x.com");
  await scenarioCounts("lost answer", "lost-x.com");
  await scenarioCounts("429 on check", "limited.com", {}, (h) =>
    h.sim.addFault({ endpoint: "domain-check", kind: "status", status: 429, retryAfterSeconds: 0, times: 1 }),
  );
  await scenarioCounts("503 on POST", "flaky.com", {}, (h) => h.sim.addFault({ endpoint: "create-registration", kind: "status", status: 503, times: 1 }));
  await previewFigures(100);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
