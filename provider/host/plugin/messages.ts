/**
 * Messages on the resource's row. The engine hides a native plugin's stdout and stderr, so every line the
 * lifecycle emits during a call (a price, an adoption, a warning, a long wait's progress) goes to the
 * engine's Log service with the URN of the resource being served. Calls run concurrently in one process,
 * so the URN travels with the call (AsyncLocalStorage), not in a global.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export enum Severity {
  Debug = 0,
  Info = 1,
  Warning = 2,
  Error = 3,
}

/** Where a message goes: the engine's Log RPC, resolved once the engine has it. */
export type LogSink = (severity: Severity, message: string, urn: string) => Promise<void>;

interface Call {
  urn: string;
  sent: Set<Promise<void>>;
}

const calls = new AsyncLocalStorage<Call>();

/** How long an answer waits for its messages to reach the engine. */
const FLUSH_LIMIT_MS = 5_000;

export class Messages {
  constructor(private readonly sink: LogSink) {}

  /** Run one call with its resource's URN; its messages are delivered before it answers. */
  async during<T>(urn: string, call: () => Promise<T>): Promise<T> {
    const sent = new Set<Promise<void>>();
    try {
      return await calls.run({ urn, sent }, call);
    } finally {
      await delivered(sent);
    }
  }

  info = (message: string): void => this.send(Severity.Info, message);
  warn = (message: string): void => this.send(Severity.Warning, message);

  private send(severity: Severity, message: string): void {
    const call = calls.getStore();
    // A message never fails the call it belongs to; a sink that cannot reach the engine has its own fallback.
    const sent = this.sink(severity, message, call?.urn ?? "").catch(() => undefined);
    call?.sent.add(sent);
  }
}

async function delivered(sent: Set<Promise<void>>): Promise<void> {
  if (sent.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_LIMIT_MS)));
  await Promise.race([Promise.all(sent), limit]);
  clearTimeout(timer);
}

type Grpc = typeof import("@grpc/grpc-js");

/** The engine's Log service at `address` (the plugin's first argument); stderr when there is none. */
export function engineSink(address: string | undefined, grpc: Grpc): LogSink {
  if (!address) return async (severity, message) => void process.stderr.write(`${Severity[severity].toLowerCase()}: ${message}\n`);
  /* eslint-disable @typescript-eslint/no-require-imports -- the engine's generated stubs have no typed ES exports */
  const rpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as { EngineClient: new (a: string, c: unknown) => EngineClient };
  const proto = require("@pulumi/pulumi/proto/engine_pb") as { LogRequest: new () => LogRequest };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const client = new rpc.EngineClient(address, grpc.credentials.createInsecure());
  return (severity, message, urn) =>
    new Promise((resolve) => {
      const req = new proto.LogRequest();
      req.setSeverity(severity);
      req.setMessage(message);
      req.setUrn(urn);
      client.log(req, (err) => {
        if (err) process.stderr.write(`${message}\n`);
        resolve();
      });
    });
}

type LogRequest = { setSeverity(s: number): void; setMessage(m: string): void; setUrn(u: string): void };
type EngineClient = { log(req: LogRequest, done: (err: Error | null) => void): void };
