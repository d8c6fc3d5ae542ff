/**
 * Prints figures, asserts nothing: poller noticing delay and poll counts, and API requests per
 * endpoint for check + create in each simulator scenario.  `npm run bench`
 */
import "../support/netGuard";
import { RegistrationProvider } from "../../provider/lifecycle";
import { awaitWorkflow, realClock } from "../../provider/workflow";
import { startSim, VirtualClock } from "../support/sim";
import type { SimulatorOptions } from "../../simulator/server";

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
  const counts = Object.entries(h.sim.counts()).map(([k, v]) => `${k}=${v}`).join(" ");
  console.log(`  ${label.padEnd(22)} ${result.padEnd(26)} total=${String(h.sim.requests().length).padEnd(3)} ${counts}`);
  await p.close();
  await h.stop();
}

async function main(): Promise<void> {
  console.log("Workflow poller");
  for (const [ms, virtual] of [[1_500, false], [1_500, true], [60_000, true]] as const) console.log("  " + (await pollerFigures(ms, virtual)));
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
  await scenarioCounts("429 on check", "limited.com", {}, (h) => h.sim.addFault({ endpoint: "domain-check", kind: "status", status: 429, retryAfterSeconds: 0, times: 1 }));
  await scenarioCounts("503 on POST", "flaky.com", {}, (h) => h.sim.addFault({ endpoint: "create-registration", kind: "status", status: 503, times: 1 }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
