// One domain, bought once, from a Go program. The provider settings come from stack config
// (cloudflare-registrar:accountId, :apiToken as a secret, :baseUrl for a simulator), as for TypeScript.
package main

import (
	registrar "github.com/pulumi-cloudflare-registrar/sdk/go/cloudflareregistrar"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		site, err := registrar.NewDomainRegistration(ctx, "site", &registrar.DomainRegistrationArgs{
			DomainName: pulumi.String(cfg.Require("domainName")),
			AutoRenew:  pulumi.Bool(true),
			// The preview prints the price; up refuses to buy above this (in the quote's currency).
			MaxPrice: pulumi.Float64(25),
		})
		if err != nil {
			return err
		}
		ctx.Export("status", site.Status)
		ctx.Export("expiresAt", site.ExpiresAt)
		ctx.Export("firstTermTotal", site.Quote.FirstTermTotal())
		return nil
	})
}
