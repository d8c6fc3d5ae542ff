import * as pulumi from "@pulumi/pulumi";
import { DomainRegistration } from "pulumi-cloudflare-registrar";

const config = new pulumi.Config();

const site = new DomainRegistration(
  "site",
  {
    domainName: config.get("domainName") ?? "my-new-startup.dev",
    autoRenew: config.getBoolean("autoRenew") ?? true,
    years: 1,
    // The preview fails, and nothing is bought, if the first term would cost more than this.
    maxPrice: 25,
  },
  // Registrations are non-refundable: protect them from `pulumi destroy` and accidental removal.
  { protect: true },
);

export const domainName = site.domainName;
export const status = site.status;
export const expiresAt = site.expiresAt;
export const price = site.quote;
