/**
 * A test process plays both parts that Pulumi keeps apart: the provider process, where the engine calls
 * `configure` on a shim (provider/host/registration.ts, provider/host/transfer.ts) and the shim keeps one live
 * provider for the process, and the program process, where `new DomainRegistration(...)` serializes the
 * shim as `__provider`. Loaded from dist/ rather than node_modules, the shim is serialized by value, its
 * module state included, and a live provider cannot be serialized (its methods' arrow functions capture
 * `this`): the resource's registration rejects, its outputs never resolve and the program's test times
 * out. Every suite that configures a shim hands it back unconfigured, as a program process finds it.
 */
import * as dynamic from "../../provider/host/registration";
import * as transfer from "../../provider/host/transfer";

export async function unconfigureShims(): Promise<void> {
  // configure() drops the provider instance; an absent config is the state the module loads in.
  await dynamic.configure({ config: undefined } as never);
  await transfer.configure({ config: undefined } as never);
}
