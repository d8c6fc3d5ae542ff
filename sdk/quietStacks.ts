import * as pulumi from "@pulumi/pulumi";

/**
 * A dynamic resource declared without Pulumi's per-promise stack formatting. @pulumi/pulumi's runtime gives
 * every output property of a resource four promises, and for each it reads `new Error().stack`
 * (runtime/debuggable.js, debuggablePromise), which the program process formats through source-map-support:
 * about 0.2 ms each, so ~14 ms per DomainRegistration (17 properties), all spent synchronously in the
 * constructor before the first RegisterResource is even sent. Those traces are only ever shown by
 * PULUMI_DEBUG_PROMISE_LEAKS; the resource's own source position is captured by Resource.callsites(), which
 * sets its own limit, and is unaffected.
 */
export abstract class QuietDynamicResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    const limit = Error.stackTraceLimit;
    if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
    try {
      super(provider, name, props, opts, module, type);
    } catch (err) {
      Error.stackTraceLimit = limit;
      // Traced here, at the full limit: the program's line that declared the resource.
      if (err instanceof Error) Error.captureStackTrace(err);
      throw err;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}
