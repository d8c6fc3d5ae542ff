/**
 * The ResourceProvider gRPC service, served on @pulumi/pulumi's generated stubs rather than through
 * `@pulumi/pulumi/provider`'s `main()`: its Configure ignores its arguments (so an explicit provider would
 * be silently ignored), and its read fails on an import, which sends no properties. Each method unwraps
 * the engine's values, runs the lifecycle with the call's URN for its messages, and wraps secrets on the
 * way out; an expected error is one clean message, a bug keeps its stack.
 */
import type * as grpcJs from "@grpc/grpc-js";
import { RegistrarError } from "../../api/errors";
import { failuresForEngine, redact, redactError, rememberSecret, rememberSecretInputs, LABELS } from "../../api/secrets";
import { PartialStateError } from "../../purchase/partial";
import { atValues, isExpected } from "../expectedErrors";
import { settingsFromConfig } from "../stackConfig";
import { checkConfig, configLookup, configureArgs } from "./config";
import { FUNCTIONS } from "./invokes";
import type { Messages } from "./messages";
import { Resources, typeOfUrn } from "./resources";
import { SECRET_CONFIG } from "./schema";
import { unwrapSecrets, wrapSecrets } from "./values";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- generated protobuf stubs, untyped here */
const proto = require("@pulumi/pulumi/proto/provider_pb") as any;
const pluginProto = require("@pulumi/pulumi/proto/plugin_pb") as any;
const statusProto = require("@pulumi/pulumi/proto/status_pb") as any;
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as any;
const { Empty } = require("google-protobuf/google/protobuf/empty_pb") as any;
const { Any } = require("google-protobuf/google/protobuf/any_pb") as any;
/* eslint-enable @typescript-eslint/no-require-imports */

type Props = Record<string, unknown>;
type Call = { request: any };
type Callback = (err: Partial<grpcJs.StatusObject> | null, value?: unknown) => void;

export interface PluginOptions {
  version: string;
  schema: string;
  messages: Messages;
  grpc: typeof grpcJs;
  env?: Record<string, string | undefined>;
}

const structOf = (s: any): Props => (s ? (s.toJavaScript() as Props) : {});

/** The inputs the program marked secret, for the partial state an unfinished purchase records (set where the inputs are known). */
const partialSecretKeys = new WeakMap<PartialStateError, Set<string>>();

async function keepingSecrets<T>(secretKeys: Set<string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof PartialStateError) partialSecretKeys.set(err, secretKeys);
    throw err;
  }
}

export class ProviderServer {
  private resources?: Resources;
  private resourcesError?: unknown;
  private configured: Props = {};
  /**
   * Set by Cancel (the engine's first Ctrl-C). The engine then waits for running steps, so a purchase
   * under way keeps its clients and finishes (or is recorded as partial state); only a purchase not yet
   * begun is refused, because a user who pressed Ctrl-C has not agreed to pay for one more domain.
   */
  private cancelled = false;

  constructor(private readonly opts: PluginOptions) {}

  /** The service implementation for `server.addService(ResourceProviderService, ...)`. */
  service(): Record<string, (call: Call, callback: Callback) => void> {
    const m = this.opts.messages;
    const unary = (urnOf: (req: any) => string, handler: (req: any) => Promise<unknown>) => (call: Call, callback: Callback) => {
      m.during(urnOf(call.request), () => handler(call.request)).then(
        (res) => callback(null, res),
        (err: unknown) => callback(this.grpcError(err)),
      );
    };
    const urn = (req: any) => req.getUrn?.() ?? "";
    const none = () => "";
    return {
      getPluginInfo: unary(none, async () => new pluginProto.PluginInfo().setVersion(this.opts.version)),
      getSchema: unary(none, async (req) => {
        if (req.getVersion() !== 0) throw new RegistrarError(`unsupported schema version ${req.getVersion()}`);
        return new proto.GetSchemaResponse().setSchema(this.opts.schema);
      }),
      checkConfig: unary(urn, (req) => this.checkConfig(req)),
      diffConfig: unary(urn, (req) => this.diffConfig(req)),
      configure: unary(none, (req) => this.configure(req)),
      check: unary(urn, (req) => this.check(req)),
      diff: unary(urn, (req) => this.diff(req)),
      create: unary(urn, (req) => this.create(req)),
      read: unary(urn, (req) => this.read(req)),
      update: unary(urn, (req) => this.update(req)),
      delete: unary(urn, (req) => this.delete(req)),
      invoke: unary(none, (req) => this.invoke(req)),
      cancel: unary(none, async () => {
        this.cancelled = true;
        return new Empty();
      }),
    };
  }

  // ---- the provider's own configuration ----------------------------------------------------------

  private async checkConfig(req: any) {
    const { values, secretKeys } = unwrapSecrets(structOf(req.getNews()));
    for (const k of SECRET_CONFIG) rememberSecret(values[k], LABELS.token);
    const res = new proto.CheckResponse().setInputs(Struct.fromJavaScript(wrapSecrets(values, secretKeys, SECRET_CONFIG)));
    res.setFailuresList(checkConfig(values, this.opts.env).map((f) => new proto.CheckFailure().setProperty(f.property).setReason(f.reason)));
    return res;
  }

  private async diffConfig(req: any) {
    const olds = unwrapSecrets(structOf(req.getOlds())).values;
    const news = unwrapSecrets(structOf(req.getNews())).values;
    const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    // A new token or endpoint applies in place: replacing the provider would replace every domain under it.
    return new proto.DiffResponse()
      .setChanges(changed.length ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE)
      .setDiffsList(changed);
  }

  private async configure(req: any) {
    const args = configureArgs(unwrapSecrets(structOf(req.getArgs())).values, req.getVariablesMap().toArray());
    for (const k of SECRET_CONFIG) rememberSecret(args[k], LABELS.token);
    await this.resources?.close();
    this.configured = args;
    this.resources = undefined;
    this.resourcesError = undefined;
    return new proto.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(false).setAcceptresources(false).setAcceptoutputs(false);
  }

  /** The lifecycles for this configuration; a malformed setting fails the call that needs it, as in the dynamic provider. */
  private served(type: string) {
    if (!this.resources && this.resourcesError === undefined) {
      try {
        const m = this.opts.messages;
        this.resources = new Resources({ ...settingsFromConfig(configLookup(this.configured), this.opts.env), log: m.info, warn: m.warn });
      } catch (err) {
        this.resourcesError = err;
      }
    }
    if (this.resourcesError !== undefined) throw this.resourcesError;
    const lifecycle = this.resources!.of(type);
    if (!lifecycle) throw new RegistrarError(`The cloudflare-registrar plugin has no resource type '${type}'.`);
    return lifecycle;
  }

  // ---- resources ---------------------------------------------------------------------------------

  private async check(req: any) {
    const olds = unwrapSecrets(structOf(req.getOlds()));
    const news = unwrapSecrets(structOf(req.getNews()));
    rememberSecretInputs(news.values);
    const res = new proto.CheckResponse();
    let result: { inputs?: Props; failures?: Array<{ property: string; reason: string }> };
    try {
      const existing = Object.keys(olds.values).length > 0 ? olds.values : undefined;
      result = atValues(await this.served(typeOfUrn(req.getUrn())).check(existing, news.values));
    } catch (err) {
      if (!isExpected(err)) throw err;
      result = { inputs: news.values, failures: [{ property: "", reason: err.message }] };
    }
    res.setInputs(Struct.fromJavaScript(wrapSecrets(result.inputs ?? news.values, news.secretKeys)));
    res.setFailuresList(failuresForEngine(result.failures ?? []).map((f) => new proto.CheckFailure().setProperty(f.property).setReason(f.reason)));
    return res;
  }

  private async diff(req: any) {
    const olds = unwrapSecrets(structOf(req.getOlds())).values;
    const news = unwrapSecrets(structOf(req.getNews())).values;
    const d = await this.served(typeOfUrn(req.getUrn())).diff(req.getId(), olds, news);
    const Changes = proto.DiffResponse.DiffChanges;
    const res = new proto.DiffResponse().setChanges(d.changes === undefined ? Changes.DIFF_UNKNOWN : d.changes ? Changes.DIFF_SOME : Changes.DIFF_NONE);
    res.setReplacesList(d.replaces ?? []).setDeletebeforereplace(d.deleteBeforeReplace ?? false);
    // autoRenew is the only input that changes in place (the lifecycle refuses every other change in check).
    if (d.changes) {
      res.setDiffsList(["autoRenew"]).setHasdetaileddiff(true);
      res.getDetaileddiffMap().set("autoRenew", new proto.PropertyDiff().setKind(proto.PropertyDiff.Kind.UPDATE).setInputdiff(true));
    }
    return res;
  }

  private async create(req: any) {
    const inputs = unwrapSecrets(structOf(req.getProperties()));
    rememberSecretInputs(inputs.values);
    if (this.cancelled) {
      throw new RegistrarError(
        `${String(inputs.values.domainName ?? req.getUrn())}: not started, because this run was cancelled (Ctrl-C) before its purchase began; nothing was bought. Run \`pulumi up\` again to buy it.`,
      );
    }
    const { id, outs } = await keepingSecrets(inputs.secretKeys, () => this.served(typeOfUrn(req.getUrn())).create(inputs.values));
    return new proto.CreateResponse().setId(id).setProperties(Struct.fromJavaScript(wrapSecrets(outs as Props, inputs.secretKeys)));
  }

  /** Refresh (with the recorded state) and import (with the id alone: no properties, no inputs). */
  private async read(req: any) {
    const props = unwrapSecrets(structOf(req.getProperties()));
    rememberSecretInputs(props.values);
    const r = await this.served(typeOfUrn(req.getUrn())).read(req.getId(), props.values);
    const res = new proto.ReadResponse().setId(r.id ?? "");
    res.setProperties(Struct.fromJavaScript(wrapSecrets((r.props ?? {}) as Props, props.secretKeys)));
    if (r.inputs) res.setInputs(Struct.fromJavaScript(wrapSecrets(r.inputs as Props, props.secretKeys)));
    return res;
  }

  private async update(req: any) {
    const olds = unwrapSecrets(structOf(req.getOlds()));
    const news = unwrapSecrets(structOf(req.getNews()));
    rememberSecretInputs(news.values);
    const secretKeys = new Set([...news.secretKeys, ...olds.secretKeys]);
    const { outs } = await keepingSecrets(secretKeys, () => this.served(typeOfUrn(req.getUrn())).update(req.getId(), olds.values, news.values));
    return new proto.UpdateResponse().setProperties(Struct.fromJavaScript(wrapSecrets(outs as Props, secretKeys)));
  }

  private async delete(req: any) {
    await this.served(typeOfUrn(req.getUrn())).delete(req.getId(), unwrapSecrets(structOf(req.getProperties())).values);
    return new Empty();
  }

  // ---- functions ---------------------------------------------------------------------------------

  private async invoke(req: any) {
    const fn = FUNCTIONS[req.getTok()];
    if (!fn) throw new RegistrarError(`The cloudflare-registrar plugin has no function '${req.getTok()}'.`);
    const args = unwrapSecrets(structOf(req.getArgs())).values;
    if (Array.isArray(args.domains)) for (const d of args.domains) rememberSecret((d as Props | null)?.authCode, LABELS.authCode);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- undici and zod load when a request is made, not at start
    const { RegistrarClient } = require("../../api/client") as typeof import("../../api/client");
    const client = new RegistrarClient(settingsFromConfig(configLookup(this.configured), this.opts.env).client);
    try {
      const results = await fn(client, args);
      return new proto.InvokeResponse().setReturn(Struct.fromJavaScript({ results } as Props));
    } finally {
      await client.close();
    }
  }

  // ---- errors ------------------------------------------------------------------------------------

  /**
   * An error as the engine shows it on the resource's row: redacted; a bug with its stack; an unfinished
   * purchase with its id and outputs, so the engine records it and the next `pulumi up` resumes it.
   */
  private grpcError(thrown: unknown): Partial<grpcJs.StatusObject> {
    const { grpc } = this.opts;
    const err: Error = thrown instanceof Error ? redactError(thrown) : new Error(redact(String(thrown)));
    const trace = err.stack ?? err.message;
    const details = isExpected(err) ? err.message : `cloudflare-registrar: unexpected error (a bug; please report it): ${trace}`;
    const metadata = new grpc.Metadata();
    if (err instanceof PartialStateError) {
      const init = new proto.ErrorResourceInitFailed().setId(err.id).setReasonsList(err.reasons);
      init.setProperties(Struct.fromJavaScript(wrapSecrets(err.properties as Props, partialSecretKeys.get(err))));
      const any = new Any();
      any.pack(init.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
      const status = new statusProto.Status().setCode(grpc.status.UNKNOWN).setMessage(details);
      status.addDetails(any);
      metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return { code: grpc.status.UNKNOWN, details, metadata };
  }
}
