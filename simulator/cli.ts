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
import { parseArgs } from "node:util";
import { DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN, RegistrarSimulator, SimulatorOptions } from "./server";

const USAGE = "usage: cloudflare-registrar-simulator [--port N] [--config simulator.json] [--port-file FILE]";

function readArgs(argv: string[]): { port?: number; config?: string; portFile?: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { port: { type: "string" }, config: { type: "string" }, "port-file": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    return { port: values.port === undefined ? undefined : Number(values.port), config: values.config, portFile: values["port-file"] };
  } catch (err) {
    console.error(`${(err as Error).message}; see --help`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const options: SimulatorOptions = args.config ? JSON.parse(readFileSync(args.config, "utf8")) : {};
  if (args.port !== undefined) options.port = args.port;
  const sim = new RegistrarSimulator(options);
  const base = await sim.start();
  if (args.portFile) writeFileSync(args.portFile, base);
  console.log(`Cloudflare Registrar simulator listening at ${base}`);
  console.log(`  CLOUDFLARE_BASE_URL=${base}`);
  console.log(`  CLOUDFLARE_API_TOKEN=${Object.keys(options.tokens ?? { [DEFAULT_TOKEN]: "*" })[0]}`);
  console.log(`  CLOUDFLARE_ACCOUNT_ID=${(options.accounts ?? [DEFAULT_ACCOUNT_ID])[0]}`);
  console.log("  (the Registrar Sandbox answers under /accounts/{id}/registrar-sandbox/, with its own books)");
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
