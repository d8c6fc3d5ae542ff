/**
 * The verdict the provider's own check gives for names across extensions, against the simulator (which
 * models the 7.3.0 API on its own), and the requests of a first and second check of a `.us` domain in one
 * process. Prints; asserts nothing.  `npm run bench:extensions`
 */
import "../tests/support/netGuard";
import { RegistrationProvider } from "../provider/registration/provider";
import { startSim } from "../tests/support/sim";

const US = { us_nexus_category: "C11", us_app_purpose: "P1" };
const CASES: Array<[label: string, news: Record<string, unknown>]> = [
  ["example.com", { domainName: "example.com" }],
  ["example.io", { domainName: "example.io" }],
  ["example.co.uk (no contactExtensions)", { domainName: "example.co.uk" }],
  ["example.co.uk (uk_registrant_type LTD)", { domainName: "example.co.uk", contactExtensions: { uk_registrant_type: "LTD" } }],
  ["www.example.co.uk", { domainName: "www.example.co.uk" }],
  ["sub.example.com", { domainName: "sub.example.com" }],
  ["example.ai (years omitted)", { domainName: "example.ai" }],
  ["example.us (no contactExtensions)", { domainName: "example.us" }],
  ["example.us (with contactExtensions)", { domainName: "example.us", contactExtensions: US }],
  ["example.ca", { domainName: "example.ca" }],
  ["example.cc", { domainName: "example.cc" }],
  ["example.link", { domainName: "example.link" }],
  ["example.zz", { domainName: "example.zz" }],
  ["bücher.de", { domainName: "bücher.de" }],
];

async function main(): Promise<void> {
  const h = await startSim();
  const p = new RegistrationProvider({ client: h.clientOptions(), log: () => undefined });
  console.log("| name | verdict | message or quote |\n| --- | --- | --- |");
  for (const [label, news] of CASES) {
    const { inputs, failures } = await p.check(undefined, news);
    const quote = inputs.quote as { currency: string; firstTermTotal: string; years: number } | undefined;
    const verdict = failures.length ? "refused" : "priced";
    const detail = failures.length
      ? failures.map((f) => `\`${f.property}\`: ${f.reason}`).join("<br>")
      : `${inputs.domainName}: ${quote!.currency} ${quote!.firstTermTotal} for ${quote!.years} year${quote!.years === 1 ? "" : "s"}`;
    console.log(`| ${label} | ${verdict} | ${detail.replace(/\|/g, "\\|")} |`);
  }
  await p.close();

  // A fresh process (a fresh provider): the first and the second check of a .us domain.
  const fresh = new RegistrationProvider({ client: h.clientOptions(), log: () => undefined });
  for (const [which, name] of [
    ["first", "one.us"],
    ["second", "two.us"],
  ] as const) {
    h.sim.clearRequests();
    await fresh.check(undefined, { domainName: name, contactExtensions: US });
    const counts = h.sim.counts();
    const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    console.log(`${which} check of a .us domain in one process: ${total} requests ${JSON.stringify(counts)}`);
  }
  await fresh.close();
  await h.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
