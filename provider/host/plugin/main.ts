/**
 * The plugin's process: `pulumi-resource-cloudflare-registrar [flags] <engine address>`. The engine reads
 * the port from the first line of stdout; everything else this process says goes to the engine's Log
 * service (its stdout and stderr are hidden from the user).
 */
import * as grpc from "@grpc/grpc-js";
import { type LogSink, Messages, engineSink } from "./messages";
import { packageSchema } from "./schema";
import { ProviderServer } from "./server";
import { packageVersion } from "./schemaFile";

/** The engine's address: the last argument, which the engine appends after any flags (`--tracing <url>` among them). */
export function engineAddressOf(args: readonly string[]): string | undefined {
  const last = args.at(-1);
  return last !== undefined && !last.startsWith("-") ? last : undefined;
}

/** Serve on a free loopback port, and say which; `sink` (tests) instead of the engine at the address in `args`. */
export async function serve(args: readonly string[], sink?: LogSink, env?: Record<string, string | undefined>): Promise<{ port: number; server: grpc.Server }> {
  const version = packageVersion();
  const messages = new Messages(sink ?? engineSink(engineAddressOf(args), grpc));
  const provider = new ProviderServer({ version, schema: JSON.stringify(packageSchema(version)), messages, grpc, env });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- generated stubs
  const { ResourceProviderService } = require("@pulumi/pulumi/proto/provider_grpc_pb") as { ResourceProviderService: grpc.ServiceDefinition };
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(ResourceProviderService, provider.service() as unknown as grpc.UntypedServiceImplementation);
  return new Promise((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve({ port, server }))),
  );
}

if (require.main === module) {
  serve(process.argv.slice(2)).then(
    ({ port }) => process.stdout.write(`${port}\n`),
    (err: unknown) => {
      process.stderr.write(`cloudflare-registrar: the plugin could not start: ${String(err)}\n`);
      process.exit(1);
    },
  );
}
