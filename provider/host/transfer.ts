/**
 * DomainTransfer's provider as Pulumi runs it: the same scaffold as provider/host/registration.ts. The SDK
 * hands this module to `pulumi.dynamic.Resource`, so state holds only
 * `require("pulumi-cloudflare-registrar/dynamic/transfer")`: no token, no path, no auth code, no copy of
 * our code. The implementation loads from the installed package when the provider runs (provider/host/shim.ts).
 */
import { dynamicProvider } from "./shim";

const provider = dynamicProvider("transfer");

export const { configure, check, diff, create, read, update } = provider;
// `delete` is a reserved word for a variable, but a fine export name.
const { delete: delete_ } = provider;
export { delete_ as delete };
