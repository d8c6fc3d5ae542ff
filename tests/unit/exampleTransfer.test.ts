import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { unconfigureShims } from "../support/shims";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}

const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

/** examples/transfer under mocks: the zone first, then the transfer, with the auth code from secret config. */
describe("examples/transfer under pulumi.runtime.setMocks", () => {
  // A shim another suite left configured would be serialized with its live provider (tests/support/shims.ts).
  before(unconfigureShims);
  const registered: Registered[] = [];
  let program: typeof import("../../examples/transfer/index");

  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          if (args.type === "cloudflare:index/zone:Zone") return { id: "zone-9", state: { ...args.inputs, nameServers: ["ada.ns.cloudflare.com"] } };
          return { id: `${args.name}-id`, state: { ...args.inputs, status: "transfer_pending", transferState: "blocked" } };
        },
        call: () => ({}),
      },
      "cloudflare-registrar-transfer",
      "dev",
      true,
    );
    pulumi.runtime.setConfig("cloudflare-registrar-transfer:accountId", "0123456789abcdef0123456789abcdef");
    pulumi.runtime.setConfig("cloudflare-registrar-transfer:domainName", "example.org");
    pulumi.runtime.setConfig("cloudflare-registrar-transfer:authCode", "ex4mple#Code");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    program = require("../../examples/transfer/index");
  });

  it("declares the zone in the account before the transfer, protected, with the code from config as a secret", async () => {
    assert.equal(await value(program.status), "transfer_pending");
    const zone = registered.findIndex((r) => r.type === "cloudflare:index/zone:Zone");
    const transfer = registered.findIndex((r) => r.type === "pulumi-nodejs:dynamic/cloudflare-registrar:DomainTransfer");
    assert.ok(zone >= 0 && zone < transfer, "the zone is declared first");
    assert.equal(registered[zone]!.inputs.name, "example.org");
    assert.deepEqual(registered[zone]!.inputs.account, { id: "0123456789abcdef0123456789abcdef" });
    const inputs = registered[transfer]!.inputs;
    assert.equal(inputs.domainName, "example.org");
    assert.equal(inputs.maxPrice, 15);
    assert.deepEqual(inputs.authCode, { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "ex4mple#Code" });
    assert.equal((program.transfer as unknown as { __protect: boolean }).__protect, true);
  });
});
