/**
 * Warnings that the engine counts as warnings. The engine reads a provider's stderr as info-level
 * text (3.248 sdk/go/common/resource/plugin/plugin.go logs every stderr line with `Infoerrf`), so a
 * line that merely starts with "warning:" is counted as a message, never a warning. But the engine
 * starts every provider plugin, the dynamic-provider host included, with the address of its own
 * `pulumirpc.Engine` service as the last argument (plugin.NewProvider passes `host.ServerAddr()`), and
 * that service's `Log` is what `pulumi.log.warn` calls from a program. The host ignores the address;
 * we use it. The host never tells a provider method its resource's URN, so a warning is sent without
 * one: the engine puts it on the stack's row, and the message names the domain.
 */
import * as path from "node:path";

type LogRequest = { setSeverity(s: number): void; setMessage(m: string): void; setUrn(u: string): void };
type EngineClient = { log(req: LogRequest, done: (err: Error | null) => void): void };

interface Engine {
  client: EngineClient;
  request(message: string): LogRequest;
}

/** How long the provider waits for the engine to take its warnings before it answers. */
const FLUSH_LIMIT_MS = 5_000;

let engine: Engine | null | undefined;
const pending = new Set<Promise<void>>();

/**
 * The engine's address when this process is Pulumi's Node dynamic-provider host, else undefined
 * (a test, a script, a program): the last argument, as the engine appends it after any flags.
 */
export function engineAddress(argv: readonly string[] = process.argv, main: string | undefined = require.main?.filename): string | undefined {
  if (!main || path.basename(path.dirname(main)) !== "dynamic-provider") return undefined;
  const last = argv.at(-1);
  return last !== undefined && /^[\w.-]+:\d+$|^\[[\da-f:]+\]:\d+$/i.test(last) ? last : undefined;
}

type Loader = (id: string) => Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The host's own copies (resolved from its main module), so the request classes match its gRPC stack. */
const fromHost: Loader = (id) => require.main!.require(id.replace("@pulumi/pulumi/", "../../"));

function connect(address: string, load: Loader): Engine {
  const grpc = load("@grpc/grpc-js");
  const rpc = load("@pulumi/pulumi/proto/engine_grpc_pb");
  const proto = load("@pulumi/pulumi/proto/engine_pb");
  const client = new rpc.EngineClient(address, grpc.credentials.createInsecure()) as EngineClient;
  return {
    client,
    request(message) {
      const req = new proto.LogRequest() as LogRequest;
      req.setSeverity(proto.LogSeverity.WARNING as number);
      req.setMessage(message);
      req.setUrn("");
      return req;
    },
  };
}

function theEngine(): Engine | null {
  if (engine === undefined) {
    const address = engineAddress();
    try {
      engine = address ? connect(address, fromHost) : null;
    } catch {
      engine = null;
    }
  }
  return engine;
}

/** Send a warning to the engine; outside the provider host, or if the engine does not take it, stderr has it. */
export function warnEngine(message: string, sink: (line: string) => void = (l) => console.error(l)): void {
  const e = theEngine();
  if (!e) {
    sink(`warning: ${message}`);
    return;
  }
  const sent = new Promise<void>((resolve) => {
    e.client.log(e.request(message), (err) => {
      if (err) sink(`warning: ${message}`);
      resolve();
    });
  });
  pending.add(sent);
  void sent.then(() => pending.delete(sent));
}

/** Wait until the engine has every warning sent so far, so each is shown before the answer it belongs to. */
export async function flushWarnings(limitMs = FLUSH_LIMIT_MS): Promise<void> {
  if (pending.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)));
  await Promise.race([Promise.all([...pending]), limit]);
  clearTimeout(timer);
}

/** For tests: send warnings to the engine at this address (null: to stderr), with this package's own gRPC. */
export function useEngineForTests(address: string | null): void {
  engine = address === null ? null : connect(address, require as Loader);
}
