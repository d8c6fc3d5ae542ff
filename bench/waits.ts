/**
 * Prints figures, asserts nothing: how long after a workflow ends the provider returns from create (the
 * detection lag), with the provider called directly against the simulator over real HTTP on the real clock;
 * then what long waits cost in status requests, on a virtual clock shared with the simulator.
 * `npm run bench:waits` (BENCH_RUNS=n repeats each real-clock case, default 3)
 */
import "../tests/support/netGuard";
import { RegistrationProvider } from "../provider/registration/provider";
import { TransferProvider } from "../provider/transfer/provider";
import { ACCOUNT, Harness, startSim, VirtualClock } from "../tests/support/sim";
import type { SimulatorOptions } from "../simulator/server";
import type { Workflow } from "../simulator/workflow";
import type { EndpointName } from "../simulator/routes";

const CODE = "bench#Auth!Code";
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** When the simulator's workflow ends: the end of its last timed phase. */
function endOf(wf: Workflow | undefined): number {
  const timed = wf?.phases.flatMap((p) => ("until" in p ? [p.until] : [])) ?? [];
  if (!timed.length) throw new Error("no timed workflow to measure");
  return Math.max(...timed);
}

interface Case {
  label: string;
  sim: SimulatorOptions;
  /** Runs the provider to the end of its wait; returns when the workflow ended (simulator's clock) and its status endpoint. */
  run(h: Harness, poll: { clock?: VirtualClock; deadlineMs?: number }): Promise<{ endedAt: number; endpoint: EndpointName }>;
}

function registration(label: string, domain: string, sim: SimulatorOptions): Case {
  return {
    label,
    sim,
    async run(h, poll) {
      const p = new RegistrationProvider({ client: h.clientOptions(), poll, log: () => undefined });
      try {
        const checked = await p.check(undefined, { domainName: domain });
        if (checked.failures.length) throw new Error(checked.failures.map((f) => f.reason).join(" "));
        await p.create(checked.inputs);
      } finally {
        await p.close();
      }
      return { endedAt: endOf(h.sim.registry.registrationWorkflow(ACCOUNT, domain)), endpoint: "registration-status" as const };
    },
  };
}

function update(label: string, domain: string, durationMs: number): Case {
  return {
    label,
    sim: { registrations: [{ domain_name: domain, auto_renew: false }], domains: { [domain]: { scenario: { kind: "slow_update", durationMs } } } },
    async run(h, poll) {
      const p = new RegistrationProvider({ client: h.clientOptions(), poll, log: () => undefined });
      try {
        await p.update(domain, { domainName: domain, autoRenew: false, status: "active" }, { domainName: domain, autoRenew: true });
      } finally {
        await p.close();
      }
      return { endedAt: endOf(h.sim.registry.updateWorkflow(ACCOUNT, domain)), endpoint: "update-status" as const };
    },
  };
}

function transfer(label: string, transferMs: number, transferWaitMs?: number): Case {
  const domain = "taken-bench.com";
  return {
    label,
    sim: { transferMs, domains: { [domain]: { authCode: CODE } } },
    async run(h, poll) {
      const p = new TransferProvider({ client: h.clientOptions(), poll, transferWaitMs, log: () => undefined });
      try {
        const checked = await p.check(undefined, { domainName: domain, authCode: CODE });
        if (checked.failures.length) throw new Error(checked.failures.map((f) => f.reason).join(" "));
        await p.create(checked.inputs);
      } finally {
        await p.close();
      }
      return { endedAt: endOf(h.sim.registry.transferWorkflow(ACCOUNT, domain)), endpoint: "transfer-in-status" as const };
    },
  };
}

const ms = (n: number) => `${Math.round(n)} ms`.padStart(9);

async function realClock(c: Case): Promise<void> {
  const lags: number[] = [];
  let polls = 0;
  for (let i = 0; i < RUNS; i++) {
    const h = await startSim(c.sim);
    try {
      const { endedAt, endpoint } = await c.run(h, {});
      lags.push(Date.now() - endedAt);
      polls = h.sim.requests({ endpoint }).length;
    } finally {
      await h.stop();
    }
  }
  lags.sort((a, b) => a - b);
  console.log(
    `  ${c.label.padEnd(44)} lag min ${ms(lags[0]!)}  median ${ms(lags[Math.floor(lags.length / 2)]!)}  max ${ms(lags.at(-1)!)}  (${polls} status requests)`,
  );
}

async function virtualClock(c: Case): Promise<void> {
  const clock = new VirtualClock();
  const h = await startSim({ now: clock.now, ...c.sim });
  try {
    const { endedAt, endpoint } = await c.run(h, { clock, deadlineMs: 15 * 60_000 });
    const lag = clock.now() - endedAt;
    const outcome = lag >= 0 ? `noticed ${(lag / 1000).toFixed(1)} s after it ended` : `returned ${(-lag / 1000 / 60).toFixed(0)} min before it ends`;
    console.log(`  ${c.label.padEnd(44)} ${String(h.sim.requests({ endpoint }).length).padStart(4)} status requests, ${outcome}`);
  } finally {
    await h.stop();
  }
}

async function main(): Promise<void> {
  console.log(`Detection lag: provider create/update returns after the simulator's workflow ends (real HTTP, real clock, ${RUNS} runs)`);
  for (const c of [
    registration("registration blocked 3 s", "blocked-bench.com", { domains: { "blocked-bench.com": { scenario: { kind: "blocked", blockedMs: 3_000 } } } }),
    registration("registration 2 s (pending, then in_progress)", "slow-bench.com", {
      domains: { "slow-bench.com": { scenario: { kind: "slow", durationMs: 2_000 } } },
    }),
    update("auto_renew update 2 s", "update-bench.com", 2_000),
    transfer("transfer 2 s (mostly blocked)", 2_000),
  ])
    await realClock(c);

  console.log("\nStatus requests of long waits (virtual clock, 15 min wait)");
  for (const c of [
    registration("registration in progress 60 s", "slow-a.com", { domains: { "slow-a.com": { scenario: { kind: "slow", durationMs: 60_000 } } } }),
    registration("registration in progress 10 min", "slow-b.com", { domains: { "slow-b.com": { scenario: { kind: "slow", durationMs: 600_000 } } } }),
    registration("registration blocked 60 s", "blocked-a.com", { domains: { "blocked-a.com": { scenario: { kind: "blocked", blockedMs: 60_000 } } } }),
    registration("registration blocked 10 min", "blocked-b.com", { domains: { "blocked-b.com": { scenario: { kind: "blocked", blockedMs: 600_000 } } } }),
    transfer("transfer of 5 days, create's default 60 s wait", 5 * 24 * 3_600_000),
    transfer("transfer of 5 days, a 10 min wait", 5 * 24 * 3_600_000, 600_000),
  ])
    await virtualClock(c);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
