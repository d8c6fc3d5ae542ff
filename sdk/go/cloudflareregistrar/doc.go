// Register and transfer domains through Cloudflare Registrar with a priced preview and no double purchases.
package cloudflareregistrar
