#!/usr/bin/env node
/**
 * cloudflare-registrar-simulator: run the local Registrar on 127.0.0.1 so a stack can be tried offline.
 *
 *   cloudflare-registrar-simulator [--port N] [--config simulator.json] [--port-file FILE]
 *
 * Point a stack at it with CLOUDFLARE_BASE_URL (or config cloudflare-registrar:baseUrl), the token
 * `sim-token` and the account id it prints.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN, RegistrarSimulator, SimulatorOptions } from "./server";

function parseArgs(argv: string[]): { port?: number; config?: string; portFile?: string } {
  const out: { port?: number; config?: string; portFile?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--port") out.port = Number(value());
    else if (flag === "--config") out.config = value();
    else if (flag === "--port-file") out.portFile = value();
    else if (flag === "--help" || flag === "-h") {
      console.log("usage: cloudflare-registrar-simulator [--port N] [--config simulator.json] [--port-file FILE]");
      process.exit(0);
    } else {
      console.error(`unknown argument ${argv[i]}; see --help`);
      process.exit(2);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const options: SimulatorOptions = args.config ? JSON.parse(readFileSync(args.config, "utf8")) : {};
  if (args.port !== undefined) options.port = args.port;
  const sim = new RegistrarSimulator(options);
  const base = await sim.start();
  if (args.portFile) writeFileSync(args.portFile, base);
  console.log(`Cloudflare Registrar simulator listening at ${base}`);
  console.log(`  CLOUDFLARE_BASE_URL=${base}`);
  console.log(`  CLOUDFLARE_API_TOKEN=${Object.keys(options.tokens ?? { [DEFAULT_TOKEN]: "*" })[0]}`);
  console.log(`  CLOUDFLARE_ACCOUNT_ID=${(options.accounts ?? [DEFAULT_ACCOUNT_ID])[0]}`);
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
