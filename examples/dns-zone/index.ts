/**
 * A domain beside the DNS that uses it: the zone's name comes from the registration's output, so the
 * zone and its records are created only once the domain is registered (or adopted).
 */
import * as pulumi from "@pulumi/pulumi";
import * as cloudflare from "@pulumi/cloudflare";
import { DomainRegistration } from "pulumi-cloudflare-registrar";

const config = new pulumi.Config();
const accountId = config.require("accountId");

export const registration = new DomainRegistration(
  "brand",
  {
    domainName: config.get("domainName") ?? "example-brand.com",
    accountId,
    autoRenew: true,
    maxPrice: 15,
  },
  { protect: true },
);

export const zone = new cloudflare.Zone("brand", {
  account: { id: accountId },
  name: registration.domainName,
  type: "full",
});

export const apex = new cloudflare.DnsRecord("apex", {
  zoneId: zone.id,
  name: "@",
  type: "A",
  content: "192.0.2.10",
  ttl: 1,
  proxied: true,
});

export const www = new cloudflare.DnsRecord("www", {
  zoneId: zone.id,
  name: pulumi.interpolate`www.${registration.domainName}`,
  type: "CNAME",
  content: registration.domainName,
  ttl: 1,
  proxied: true,
});

export const nameServers = zone.nameServers;
export const expiresAt = registration.expiresAt;
