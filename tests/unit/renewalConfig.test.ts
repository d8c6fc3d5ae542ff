import { strict as assert } from "node:assert";
import { settingsFromConfig } from "../../provider/config";

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
    assert.throws(() => from({ "cloudflare-registrar:failOnExpiryWarning": "yes" }), /cloudflare-registrar:failOnExpiryWarning is 'yes', not a boolean/);
  });
});
