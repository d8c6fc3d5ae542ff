/**
 * Bring a domain in from another registrar. A transfer needs the domain's zone in the Cloudflare account
 * first (transfer-check answers `zone_not_found` otherwise), so the zone is declared here and the
 * transfer depends on it. The auth code stays in secret config:
 *
 *   pulumi config set accountId <account id>
 *   pulumi config set domainName example.org
 *   pulumi config set --secret authCode '<the code exactly as the current registrar shows it>'
 *
 * `pulumi preview` prints the transfer price (or, for each reason it cannot move, what to do);
 * `pulumi up` starts the transfer once and returns within `cloudflare-registrar:transferWaitSeconds`
 * with `status: transfer_pending`; `pulumi refresh` over the next days follows it to `active`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudflare from "@pulumi/cloudflare";
import { DomainTransfer } from "pulumi-cloudflare-registrar";

const config = new pulumi.Config();
const accountId = config.require("accountId");
const domainName = config.require("domainName");

export const zone = new cloudflare.Zone("moving", {
  account: { id: accountId },
  name: domainName,
  type: "full",
});

export const transfer = new DomainTransfer(
  "moving",
  {
    domainName,
    // Absent for .uk names: Nominet has no auth codes.
    authCode: config.getSecret("authCode"),
    accountId,
    autoRenew: true,
    maxPrice: 15,
  },
  { dependsOn: [zone], protect: true },
);

export const nameServers = zone.nameServers;
export const status = transfer.status;
export const transferState = transfer.transferState;
export const expiresAt = transfer.expiresAt;
