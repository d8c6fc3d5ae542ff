/**
 * Prints figures, asserts nothing: for one DomainTransfer with the real Pulumi engine against the
 * simulator, the requests of `pulumi preview` and `pulumi up` per endpoint, and `up`'s wall time with
 * `transferWaitSeconds` at its default (60) and at 5, for a transfer that takes far longer (as real ones do);
 * and for one that lands in 2 s, which `up` should follow to the end and no longer.
 * `npm run bench:transfer`
 */
import "../tests/support/netGuard";
import { scratchProject } from "../tests/support/packed";
import { ensurePulumi, Stack } from "../tests/support/pulumi";
import { ACCOUNT, startSim, TOKEN } from "../tests/support/sim";
import { TRANSFER_PROGRAM, TRANSFER_PULUMI_YAML } from "../tests/e2e/transferProgram";

const CODE = "bench#Auth!Code";

async function run(project: string, label: string, waitSeconds: string | undefined, transferMs = 30 * 60_000): Promise<void> {
  const h = await startSim({ transferMs, domains: { "taken-bench.com": { authCode: CODE } } });
  try {
    const s = new Stack(project, `bench-${label}`);
    await s.init(
      {
        "cloudflare-registrar:accountId": ACCOUNT,
        "cloudflare-registrar:baseUrl": h.sim.baseUrl,
        "e2e:domainName": "taken-bench.com",
        ...(waitSeconds === undefined ? {} : { "cloudflare-registrar:transferWaitSeconds": waitSeconds }),
      },
      { "cloudflare-registrar:apiToken": TOKEN, "e2e:authCode": CODE },
    );
    const counts = () =>
      Object.entries(h.sim.counts())
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
    const preview = await s.ok("preview");
    console.log(`  preview                          ${String(preview.ms).padStart(6)} ms  requests=${h.sim.requests().length} ${counts()}`);
    h.sim.clearRequests();
    const up = await s.ok("up", "--yes", "--skip-preview");
    const returned = Date.now();
    const state = /transferState\s*:\s*"(\w+)"/.exec(up.output)?.[1];
    const wf = h.sim.registry.transferWorkflow(ACCOUNT, "taken-bench.com");
    const endedAt = Math.max(...(wf?.phases ?? []).flatMap((p) => ("until" in p ? [p.until] : [])));
    const landed = endedAt <= returned ? `, pulumi returned ${returned - endedAt} ms after the transfer landed` : "";
    console.log(
      `  up (transferWaitSeconds ${(waitSeconds ?? "default 60").padEnd(10)}) ${String(up.ms).padStart(6)} ms  requests=${h.sim.requests().length} ${counts()}  ends ${state}${landed}`,
    );
  } finally {
    await h.stop();
  }
}

async function main(): Promise<void> {
  ensurePulumi();
  const project = scratchProject({ files: { "index.js": TRANSFER_PROGRAM, "Pulumi.yaml": TRANSFER_PULUMI_YAML } });
  console.log("DomainTransfer, one transfer that lands in 2 s (simulated), real engine:");
  await run(project, "landing", undefined, 2_000);
  console.log("DomainTransfer, one transfer of a 30-minute (simulated) transfer, real engine:");
  await run(project, "default", undefined);
  await run(project, "five", "5");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
