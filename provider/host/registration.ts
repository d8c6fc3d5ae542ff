/**
 * The dynamic provider as Pulumi runs it. This module's exports *are* the provider object: the SDK
 * hands the module itself to `pulumi.dynamic.Resource`, so the closure serializer writes it into
 * state as `require("pulumi-cloudflare-registrar/dynamic")` — a few hundred bytes with no token,
 * no path and no copy of our code — and the implementation loads from the installed package when
 * the provider runs (provider/host/shim.ts).
 */
import { dynamicProvider } from "./shim";

const provider = dynamicProvider("registration");

export const { configure, check, diff, create, read, update } = provider;
// `delete` is a reserved word for a variable, but a fine export name.
const { delete: delete_ } = provider;
export { delete_ as delete };
