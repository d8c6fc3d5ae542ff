import { strict as assert } from "node:assert";
import { settingsFromConfig } from "../../provider/host/stackConfig";

describe("renewal warning settings", () => {
  const from = (config: Record<string, string>, env: Record<string, string> = {}) => settingsFromConfig((k) => config[k], env).renewal;

  it("defaults to 30 days, warning only", () => assert.deepEqual(from({}), { warningDays: 30, fail: false }));

  it("reads cloudflare-registrar:expiryWarningDays and failOnExpiryWarning, config before env", () => {
    assert.deepEqual(from({ "cloudflare-registrar:expiryWarningDays": "60", "cloudflare-registrar:failOnExpiryWarning": "true" }), {
      warningDays: 60,
      fail: true,
    });
    assert.deepEqual(from({}, { CLOUDFLARE_REGISTRAR_EXPIRY_WARNING_DAYS: "14", CLOUDFLARE_REGISTRAR_FAIL_ON_EXPIRY_WARNING: "TRUE" }), {
      warningDays: 14,
      fail: true,
    });
    assert.deepEqual(from({ "cloudflare-registrar:failOnExpiryWarning": "false" }, { CLOUDFLARE_REGISTRAR_FAIL_ON_EXPIRY_WARNING: "true" }), {
      warningDays: 30,
      fail: false,
    });
  });

  it("names the key, the value and the fix for a bad value", () => {
    assert.throws(
      () => from({ "cloudflare-registrar:expiryWarningDays": "a month" }),
      /cloudflare-registrar:expiryWarningDays is 'a month', not a whole number of days: `pulumi config set cloudflare-registrar:expiryWarningDays 30`/,
    );
    assert.throws(
      () => from({ "cloudflare-registrar:failOnExpiryWarning": "yes" }),
      /^CredentialsError: Config cloudflare-registrar:failOnExpiryWarning is 'yes', not a boolean/,
    );
  });

  it("names the environment variable when the bad value came from it, not the config key", () => {
    assert.throws(
      () => from({}, { CLOUDFLARE_REGISTRAR_EXPIRY_WARNING_DAYS: "a month" }),
      /^CredentialsError: Env CLOUDFLARE_REGISTRAR_EXPIRY_WARNING_DAYS is 'a month', not a whole number of days/,
    );
    assert.throws(
      () => from({}, { CLOUDFLARE_REGISTRAR_FAIL_ON_EXPIRY_WARNING: "Yes" }),
      /^CredentialsError: Env CLOUDFLARE_REGISTRAR_FAIL_ON_EXPIRY_WARNING is 'Yes', not a boolean: set it to true or false/,
    );
    const priced = (env: Record<string, string>) => settingsFromConfig(() => undefined, env).requirePricedPreview;
    assert.throws(
      () => priced({ CLOUDFLARE_REGISTRAR_REQUIRE_PRICED_PREVIEW: "1" }),
      /^CredentialsError: Env CLOUDFLARE_REGISTRAR_REQUIRE_PRICED_PREVIEW is '1', not a boolean/,
    );
  });
});
