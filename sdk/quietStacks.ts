/**
 * @pulumi/pulumi's runtime gives every output property of a resource four promises, and for each it reads
 * `new Error().stack` (runtime/debuggable.js, debuggablePromise), which the program process formats
 * through source-map-support: about 0.2 ms each, so ~14 ms per DomainRegistration (17 properties),
 * all spent synchronously in the constructor before the first RegisterResource is even sent. Those
 * traces are only ever shown by PULUMI_DEBUG_PROMISE_LEAKS; the resource's own source position is
 * captured by Resource.callsites(), which sets its own limit, and is unaffected.
 */
export function quietPromiseStacks(): () => void {
  const limit = Error.stackTraceLimit;
  if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}
