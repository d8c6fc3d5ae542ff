/** The Pulumi program the DomainTransfer end-to-end tests deploy; stack config chooses what it declares. */
export const TRANSFER_PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { DomainTransfer } = require("pulumi-cloudflare-registrar");
const cfg = new pulumi.Config("e2e");
const t = new DomainTransfer("moving", {
  domainName: cfg.require("domainName"),
  authCode: cfg.getSecret("authCode"),
  autoRenew: cfg.getBoolean("autoRenew"),
  maxPrice: cfg.getNumber("maxPrice"),
});
exports.status = t.status;
exports.transferState = t.transferState;
exports.quote = t.quote;
exports.renewalRisk = t.renewalRisk;
exports.daysUntilExpiry = t.daysUntilExpiry;
`;

export const TRANSFER_PULUMI_YAML = `name: registrar-transfer-e2e
runtime: nodejs
description: End-to-end tests of DomainTransfer
`;

/** The DomainTransfer resource in a checkpoint file, as the engine recorded it. */
export function transferInState(stateFile: string): { inputs: Record<string, unknown>; outputs: Record<string, unknown> } | undefined {
  const checkpoint = JSON.parse(stateFile) as {
    checkpoint: { latest?: { resources?: Array<{ type: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }> } };
  };
  return checkpoint.checkpoint.latest?.resources?.find((r) => r.type.endsWith(":DomainTransfer"));
}
