/** The Pulumi program the end-to-end tests deploy; stack config chooses what it declares. */
export const E2E_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { DomainRegistration } = require("pulumi-cloudflare-registrar");
const cfg = new pulumi.Config("e2e");
const count = cfg.getNumber("count") ?? 1;

if (cfg.getBoolean("trivial")) {
  // A baseline: the cheapest possible dynamic resources, for the preview-time ratio.
  const provider = { async create(inputs) { return { id: inputs.n, outs: inputs }; } };
  class Trivial extends pulumi.dynamic.Resource {
    constructor(name, args) { super(provider, name, args, {}); }
  }
  for (let i = 0; i < count; i++) new Trivial("trivial-" + i, { n: String(i) });
} else {
  const base = cfg.require("domainName");
  for (let i = 0; i < count; i++) {
    const r = new DomainRegistration(count === 1 ? "site" : "site-" + i, {
      // e2e:outputNames gives the names as Outputs: unknown to the SDK, so each Check asks on its own.
      domainName: (cfg.getBoolean("outputNames") ? pulumi.output : (x) => x)(count === 1 ? base : "n" + i + "-" + base),
      autoRenew: cfg.getBoolean("autoRenew"),
      years: cfg.getNumber("years"),
      maxPrice: cfg.getNumber("maxPrice"),
      contacts: cfg.getObject("contacts"),
    });
    if (count === 1) {
      exports.status = r.status;
      exports.expiresAt = r.expiresAt;
      exports.quote = r.quote;
      exports.autoRenew = r.autoRenew;
    }
  }
}
`;

export const E2E_PULUMI_YAML = `name: registrar-e2e
runtime: nodejs
description: End-to-end tests of pulumi-cloudflare-registrar
`;
