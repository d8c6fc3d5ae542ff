import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { unconfigureShims } from "../support/shims";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}

const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

/**
 * examples/dns-zone under mocks: the zone and records hang off the registration's outputs. The
 * program imports the package by its name, as a user's program does.
 */
describe("examples/dns-zone under pulumi.runtime.setMocks", () => {
  // A shim another suite left configured would be serialized with its live provider (tests/support/shims.ts).
  before(unconfigureShims);
  const registered: Registered[] = [];
  let program: typeof import("../../examples/dns-zone/index");

  before(() => {
    pulumi.runtime.setMocks(
      {
        newResource(args) {
          registered.push({ type: args.type, name: args.name, inputs: args.inputs });
          if (args.type.endsWith("cloudflare-registrar:DomainRegistration")) {
            // The provider normalises the name; the zone must use the output, not the raw input.
            return { id: "brand", state: { ...args.inputs, domainName: String(args.inputs.domainName).toLowerCase(), status: "active" } };
          }
          if (args.type === "cloudflare:index/zone:Zone") {
            return { id: "zone-123", state: { ...args.inputs, nameServers: ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"] } };
          }
          return { id: `${args.name}-id`, state: args.inputs };
        },
        call: () => ({}),
      },
      "cloudflare-registrar-dns-zone",
      "dev",
      true,
    );
    pulumi.runtime.setConfig("cloudflare-registrar-dns-zone:accountId", "0123456789abcdef0123456789abcdef");
    pulumi.runtime.setConfig("cloudflare-registrar-dns-zone:domainName", "Example-Brand.com");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    program = require("../../examples/dns-zone/index");
  });

  const find = (type: string, name: string) => registered.find((r) => r.type === type && r.name === name)!;

  it("names the zone after the registration's output, in the registration's account", async () => {
    assert.deepEqual(await value(program.nameServers), ["ada.ns.cloudflare.com", "bob.ns.cloudflare.com"]);
    const zone = find("cloudflare:index/zone:Zone", "brand");
    assert.equal(zone.inputs.name, "example-brand.com");
    assert.deepEqual(zone.inputs.account, { id: "0123456789abcdef0123456789abcdef" });
    const reg = find("pulumi-nodejs:dynamic/cloudflare-registrar:DomainRegistration", "brand");
    assert.equal(reg.inputs.domainName, "Example-Brand.com");
    assert.equal(reg.inputs.autoRenew, true);
    assert.equal(reg.inputs.maxPrice, 15);
  });

  it("puts the records in that zone, www pointing at the apex", async () => {
    await value(program.www.id);
    await value(program.apex.id);
    const www = find("cloudflare:index/dnsRecord:DnsRecord", "www");
    const apex = find("cloudflare:index/dnsRecord:DnsRecord", "apex");
    assert.equal(www.inputs.zoneId, "zone-123");
    assert.equal(apex.inputs.zoneId, "zone-123");
    assert.equal(www.inputs.name, "www.example-brand.com");
    assert.equal(www.inputs.content, "example-brand.com");
    assert.equal(www.inputs.type, "CNAME");
  });

  it("protects the registration from destroy", async () => {
    const urn = await value(program.registration.urn);
    assert.match(urn, /DomainRegistration::brand$/);
    assert.equal((program.registration as unknown as { __protect: boolean }).__protect, true);
  });
});
