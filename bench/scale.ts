/**
 * A whole portfolio in one stack, with the real engine against the simulator under Cloudflare's rate
 * limit (1200 requests per 5 minutes): API requests per command, 429s and wall times, for new domains and
 * for adoption; the preview time against trivial dynamic resources; and whether the engine overlaps Check
 * calls. Prints figures, asserts nothing.  `npm run bench:scale [-- 100 500]`
 *
 * The "taken" portfolio is the refusal path: N names another account holds, so every Check refuses them,
 * each after its one fresh Get Registration (a refusal never rests on the listing alone). Only its preview runs.
 */
import "../tests/support/netGuard";
import { scratchProject } from "../tests/support/packed";
import { ensurePulumi, Stack } from "../tests/support/pulumi";
import { ACCOUNT, Harness, startSim, TOKEN } from "../tests/support/sim";
import type { RequestLogEntry, SimulatorOptions } from "../simulator/server";
import { E2E_PROGRAM, E2E_PULUMI_YAML } from "../tests/e2e/program";

const RATE_LIMIT = { requests: 1200, windowMs: 300_000 };
type Command = "preview" | "up" | "refresh";
const COMMANDS: Record<Command, string[]> = { preview: ["preview"], up: ["up", "--yes"], refresh: ["refresh", "--yes"] };

interface CommandFigures {
  requests: number;
  limited: number;
  ms: number;
  ok: boolean;
  byEndpoint: string;
}

let project: string;
let stackNo = 0;

const domainOf = (i: number, base: string) => `n${i}-${base}`;

async function newStack(h: Harness, config: Record<string, string>): Promise<Stack> {
  const s = new Stack(project, `scale${++stackNo}`);
  await s.init(
    { "cloudflare-registrar:accountId": ACCOUNT, "cloudflare-registrar:baseUrl": h.sim.baseUrl, ...config },
    { "cloudflare-registrar:apiToken": TOKEN },
  );
  return s;
}

function summarise(log: RequestLogEntry[]): Pick<CommandFigures, "requests" | "limited" | "byEndpoint"> {
  const by: Record<string, number> = {};
  for (const e of log) by[e.endpoint] = (by[e.endpoint] ?? 0) + 1;
  return {
    requests: log.length,
    limited: log.filter((e) => e.rateLimited).length,
    byEndpoint: Object.entries(by)
      .map(([k, v]) => `${k}=${v}`)
      .join(" "),
  };
}

type Portfolio = "new" | "adoption" | "taken";
const OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";

/** preview, up, refresh of N DomainRegistrations on one simulator (one rate-limit window for the three). */
async function portfolio(kind: Portfolio, n: number): Promise<Partial<Record<Command, CommandFigures>>> {
  const base = `${{ new: "fresh", adoption: "owned", taken: "taken" }[kind]}${n}.com`;
  const sim: SimulatorOptions = { rateLimit: RATE_LIMIT };
  if (kind === "adoption") sim.registrations = Array.from({ length: n }, (_, i) => ({ domain_name: domainOf(i, base), auto_renew: false }));
  if (kind === "taken")
    sim.registrations = Array.from({ length: n }, (_, i) => ({ domain_name: domainOf(i, base), auto_renew: false, account_id: OTHER_ACCOUNT }));
  const h = await startSim(sim);
  try {
    const s = await newStack(h, { "e2e:domainName": base, "e2e:count": String(n) });
    // The budget paces a large purchase at about 1140 requests per 5 minutes: give it room.
    s.timeoutMs = 3_600_000;
    const out: Partial<Record<Command, CommandFigures>> = {};
    // The taken portfolio's preview fails by design (every name is refused); there is nothing to run after it.
    for (const c of (kind === "taken" ? ["preview"] : ["preview", "up", "refresh"]) as Command[]) {
      h.sim.clearRequests();
      const r = await s.run(...COMMANDS[c]);
      out[c] = { ...summarise(h.sim.requests()), ms: r.ms, ok: r.code === 0 };
      if (r.code !== 0 && kind !== "taken")
        console.error(
          `  (${kind} N=${n} ${c} exited ${r.code}: ${r.output
            .split("\n")
            .filter((l) => /error/i.test(l))
            .slice(0, 3)
            .join(" | ")})`,
        );
    }
    return out;
  } finally {
    await h.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median wall time of `runs` runs of each stack's command, interleaved so both see the same machine. */
async function medianMsPair(a: Stack, b: Stack, args: string[], runs = 5): Promise<[number, number]> {
  const ms: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    ms[0].push((await a.ok(...args)).ms);
    ms[1].push((await b.ok(...args)).ms);
  }
  return [median(ms[0]), median(ms[1])];
}

/** Preview time of N new and of N unchanged registrations against N trivial dynamic resources (median of 5, interleaved). */
async function previewRatio(n: number): Promise<string[]> {
  const h = await startSim();
  try {
    const fresh = await newStack(h, { "e2e:domainName": "ratio-new.com", "e2e:count": String(n) });
    const trivialFresh = await newStack(h, { "e2e:trivial": "true", "e2e:count": String(n) });
    const [freshMs, trivialFreshMs] = await medianMsPair(fresh, trivialFresh, ["preview"]);
    await fresh.ok("up", "--yes");
    await trivialFresh.ok("up", "--yes");
    const [unchangedMs, trivialUnchangedMs] = await medianMsPair(fresh, trivialFresh, ["preview", "--expect-no-changes"]);
    return [
      `| new (create planned) | ${freshMs} | ${trivialFreshMs} | ${(freshMs / trivialFreshMs).toFixed(2)} |`,
      `| unchanged | ${unchangedMs} | ${trivialUnchangedMs} | ${(unchangedMs / trivialUnchangedMs).toFixed(2)} |`,
    ];
  } finally {
    await h.stop();
  }
}

/**
 * Does the engine overlap Check calls? Every domain-check is held 200 ms by the simulator: serial Check
 * calls never overlap; concurrent ones do.
 */
async function checkOverlap(n: number): Promise<string> {
  const h = await startSim({ faults: [{ endpoint: "domain-check", kind: "delay", delayMs: 200 }] });
  try {
    // Names as Outputs: no batch, so every Check makes its own request and overlap, if any, would show.
    const s = await newStack(h, { "e2e:domainName": "overlap.com", "e2e:count": String(n), "e2e:outputNames": "true" });
    const r = await s.ok("preview");
    const spans = h.sim.requests({ endpoint: "domain-check" }).map((e) => [Date.parse(e.startedAt), Date.parse(e.startedAt) + e.durationMs] as const);
    const edges = spans.flatMap(([a, b]) => [[a, 1] as const, [b, -1] as const]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let open = 0;
    let most = 0;
    for (const [, d] of edges) most = Math.max(most, (open += d));
    const names = h.sim.requests({ endpoint: "domain-check" }).length;
    return `${n} new resources, preview ${r.ms} ms: ${names} domain-check requests (each held 200 ms), at most ${most} in flight at once`;
  } finally {
    await h.stop();
  }
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  // BENCH_PARTS=ratio,overlap (say) runs only those parts; default all.
  const parts = new Set((process.env.BENCH_PARTS ?? "portfolio,ratio,overlap").split(","));
  ensurePulumi();
  project = scratchProject({ files: { "index.js": E2E_PROGRAM, "Pulumi.yaml": E2E_PULUMI_YAML } });
  console.log(
    `Rate limit in the simulator: ${RATE_LIMIT.requests} requests per ${RATE_LIMIT.windowMs / 1000} s per token; one window shared by preview, up and refresh.\n`,
  );
  console.log("| N | stack | command | requests | per domain | 429s | wall s | ok | by endpoint |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const n of parts.has("portfolio") ? (sizes.length ? sizes : [100, 500]) : []) {
    // BENCH_KINDS=new (say) runs only that portfolio; default both.
    for (const kind of (process.env.BENCH_KINDS ?? "new,adoption,taken").split(",") as Portfolio[]) {
      const f = await portfolio(kind, n);
      for (const c of ["preview", "up", "refresh"] as Command[]) {
        const x = f[c];
        if (!x) continue;
        // "ok" for the taken portfolio is the refusal: a preview that fails.
        const ok = kind === "taken" ? !x.ok : x.ok;
        console.log(
          `| ${n} | ${kind} | ${c} | ${x.requests} | ${(x.requests / n).toFixed(2)} | ${x.limited} | ${(x.ms / 1000).toFixed(1)} | ${ok ? "yes" : "NO"} | ${x.byEndpoint} |`,
        );
      }
      if (!f.preview || !f.up) continue;
      const both = f.preview.requests + f.up.requests;
      console.log(
        `| ${n} | ${kind} | preview + up | ${both} | ${(both / n).toFixed(2)} | ${f.preview.limited + f.up.limited} | ${((f.preview.ms + f.up.ms) / 1000).toFixed(1)} | | |`,
      );
    }
  }
  if (parts.has("ratio")) {
    console.log("\nPreview time at N=100, median of 5 runs, the two stacks interleaved (ms)\n");
    console.log("| stack | DomainRegistration | trivial | ratio |\n| --- | --- | --- | --- |");
    for (const line of await previewRatio(100)) console.log(line);
  }
  if (parts.has("overlap")) {
    console.log("\nCheck concurrency under the engine\n");
    console.log("  " + (await checkOverlap(50)));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
