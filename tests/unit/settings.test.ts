import { strict as assert } from "node:assert";
import { settingsFromConfig } from "../../provider/host/stackConfig";
import { CredentialsError } from "../../provider/api/errors";
import { DEFAULT_BASE_URL, resolveAccountId, resolveBaseUrl, resolveCredentials, resolveSandbox } from "../../provider/api/clientOptions";

const ACCOUNT_A = "0123456789abcdef0123456789abcdef";
const ACCOUNT_B = "fedcba9876543210fedcba9876543210";

/** Asserts `fn` throws a CredentialsError whose message matches every pattern. */
function refuses(fn: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof CredentialsError, `not a CredentialsError: ${err}`);
    for (const p of patterns) assert.match(err.message, p);
    return true;
  });
}

describe("settings resolution: option, then environment", () => {
  describe("resolveCredentials", () => {
    it("prefers the option's token to the environment's", () => {
      assert.deepEqual(resolveCredentials({ apiToken: "from-option", env: { CLOUDFLARE_API_TOKEN: "from-env" } }), { kind: "token", token: "from-option" });
    });

    it("falls back to CLOUDFLARE_API_TOKEN when the option is absent or blank, and trims it", () => {
      const env = { CLOUDFLARE_API_TOKEN: "  from-env \n" };
      assert.deepEqual(resolveCredentials({ env }), { kind: "token", token: "from-env" });
      assert.deepEqual(resolveCredentials({ apiToken: "   ", env }), { kind: "token", token: "from-env" });
    });

    it("prefers a token to a legacy key and email", () => {
      const env = { CLOUDFLARE_API_KEY: "k", CLOUDFLARE_EMAIL: "ada@example.com", CLOUDFLARE_API_TOKEN: "t" };
      assert.equal(resolveCredentials({ env }).kind, "token");
    });

    it("uses a legacy key with its email, mixing option and environment", () => {
      assert.deepEqual(resolveCredentials({ apiKey: "k", env: { CLOUDFLARE_EMAIL: "ada@example.com" } }), { kind: "key", key: "k", email: "ada@example.com" });
    });

    it("names the missing half of a legacy pair, and where to set it", () => {
      refuses(() => resolveCredentials({ env: { CLOUDFLARE_API_KEY: "k" } }), /the email is missing/, /CLOUDFLARE_EMAIL/, /cloudflare-registrar:apiEmail/);
      refuses(() => resolveCredentials({ apiEmail: "ada@example.com", env: {} }), /the key is missing/, /CLOUDFLARE_API_KEY/);
    });

    it("with nothing set, names the option, the config key and the variable", () => {
      refuses(() => resolveCredentials({ env: {} }), /No Cloudflare API credentials/, /apiToken/, /cloudflare-registrar:apiToken/, /CLOUDFLARE_API_TOKEN/);
    });
  });

  describe("resolveAccountId", () => {
    it("prefers the option to CLOUDFLARE_ACCOUNT_ID, and falls back to it when the option is blank", () => {
      const env = { CLOUDFLARE_ACCOUNT_ID: ACCOUNT_B };
      assert.equal(resolveAccountId(ACCOUNT_A, env), ACCOUNT_A);
      assert.equal(resolveAccountId(" ", env), ACCOUNT_B);
      assert.equal(resolveAccountId(undefined, { CLOUDFLARE_ACCOUNT_ID: ` ${ACCOUNT_B} ` }), ACCOUNT_B);
    });

    it("with neither, names every place to set it and where to find it", () => {
      refuses(
        () => resolveAccountId(undefined, {}),
        /accountId/,
        /cloudflare-registrar:accountId/,
        /CLOUDFLARE_ACCOUNT_ID/,
        /https:\/\/dash\.cloudflare\.com\/<account id>/,
      );
    });
  });

  describe("resolveBaseUrl", () => {
    it("defaults to the public API", () => {
      assert.equal(resolveBaseUrl(undefined, {}).href, DEFAULT_BASE_URL);
      assert.equal(DEFAULT_BASE_URL, "https://api.cloudflare.com/client/v4");
    });

    it("prefers the option to CLOUDFLARE_BASE_URL, and drops trailing slashes", () => {
      const env = { CLOUDFLARE_BASE_URL: "http://127.0.0.1:9/from-env/" };
      assert.equal(resolveBaseUrl("http://127.0.0.1:8/from-option//", env).href, "http://127.0.0.1:8/from-option");
      assert.equal(resolveBaseUrl(undefined, env).href, "http://127.0.0.1:9/from-env");
    });

    it("refuses a value that is not a URL, or not http(s), naming it", () => {
      refuses(() => resolveBaseUrl("api.cloudflare.com", {}), /'api\.cloudflare\.com' is not a URL/, /cloudflare-registrar:baseUrl/, /CLOUDFLARE_BASE_URL/);
      refuses(() => resolveBaseUrl(undefined, { CLOUDFLARE_BASE_URL: "ftp://example.com" }), /'ftp:\/\/example\.com' must be http\(s\)/);
    });
  });

  describe("resolveSandbox", () => {
    it("reads CLOUDFLARE_REGISTRAR_SANDBOX in any case, as true/1/false/0, default false", () => {
      assert.equal(resolveSandbox(undefined, { CLOUDFLARE_REGISTRAR_SANDBOX: "TRUE" }), true);
      assert.equal(resolveSandbox(undefined, { CLOUDFLARE_REGISTRAR_SANDBOX: "1" }), true);
      assert.equal(resolveSandbox(undefined, { CLOUDFLARE_REGISTRAR_SANDBOX: "0" }), false);
      assert.equal(resolveSandbox(undefined, { CLOUDFLARE_REGISTRAR_SANDBOX: "false" }), false);
      assert.equal(resolveSandbox(undefined, {}), false);
    });

    it("lets the option win over the environment, both ways", () => {
      assert.equal(resolveSandbox(false, { CLOUDFLARE_REGISTRAR_SANDBOX: "true" }), false);
      assert.equal(resolveSandbox(true, { CLOUDFLARE_REGISTRAR_SANDBOX: "false" }), true);
    });

    it("refuses anything else, naming the variable and the value", () => {
      refuses(
        () => resolveSandbox(undefined, { CLOUDFLARE_REGISTRAR_SANDBOX: "yes" }),
        /CLOUDFLARE_REGISTRAR_SANDBOX='yes' is not a boolean/,
        /'true' or 'false'/,
      );
    });
  });
});

describe("settingsFromConfig: stack config, then the environment", () => {
  const config = (values: Record<string, string>) => (key: string) => values[key];

  it("reads cloudflare-registrar:* before cloudflare:*", () => {
    const { client } = settingsFromConfig(
      config({
        "cloudflare-registrar:apiToken": "registrar-token",
        "cloudflare:apiToken": "cloudflare-token",
        "cloudflare-registrar:apiKey": "registrar-key",
        "cloudflare:apiKey": "cloudflare-key",
        "cloudflare-registrar:apiEmail": "registrar@example.com",
        "cloudflare:email": "cloudflare@example.com",
      }),
      {},
    );
    assert.deepEqual([client.apiToken, client.apiKey, client.apiEmail], ["registrar-token", "registrar-key", "registrar@example.com"]);
  });

  it("falls back to the cloudflare provider's keys when ours are absent or blank, trimmed", () => {
    const { client } = settingsFromConfig(
      config({
        "cloudflare-registrar:apiToken": "  ",
        "cloudflare:apiToken": " cloudflare-token ",
        "cloudflare:apiKey": "k",
        "cloudflare:email": "cloudflare@example.com",
      }),
      {},
    );
    assert.deepEqual([client.apiToken, client.apiKey, client.apiEmail], ["cloudflare-token", "k", "cloudflare@example.com"]);
  });

  it("leaves what config does not set to the environment the client resolves from", () => {
    const env = { CLOUDFLARE_API_TOKEN: "env-token", CLOUDFLARE_ACCOUNT_ID: ACCOUNT_B, CLOUDFLARE_REGISTRAR_SANDBOX: "1" };
    const { client } = settingsFromConfig(config({}), env);
    assert.deepEqual(resolveCredentials(client), { kind: "token", token: "env-token" });
    assert.equal(resolveAccountId(client.accountId, client.env), ACCOUNT_B);
    assert.equal(resolveSandbox(client.sandbox, client.env), true);
  });

  it("lets config win over the environment", () => {
    const env = { CLOUDFLARE_API_TOKEN: "env-token", CLOUDFLARE_ACCOUNT_ID: ACCOUNT_B, CLOUDFLARE_REGISTRAR_SANDBOX: "1" };
    const { client } = settingsFromConfig(
      config({ "cloudflare-registrar:apiToken": "config-token", "cloudflare-registrar:accountId": ACCOUNT_A, "cloudflare-registrar:sandbox": "false" }),
      env,
    );
    assert.deepEqual(resolveCredentials(client), { kind: "token", token: "config-token" });
    assert.equal(resolveAccountId(client.accountId, client.env), ACCOUNT_A);
    assert.equal(resolveSandbox(client.sandbox, client.env), false);
  });

  it("reads the sandbox switch as a boolean, and names the key, the value and the fix otherwise", () => {
    assert.equal(settingsFromConfig(config({ "cloudflare-registrar:sandbox": "true" }), {}).client.sandbox, true);
    refuses(
      () => settingsFromConfig(config({ "cloudflare-registrar:sandbox": "yes" }), {}),
      /Config cloudflare-registrar:sandbox is 'yes', not a boolean/,
      /`pulumi config set cloudflare-registrar:sandbox true`/,
    );
  });

  it("turns the workflow timeout into a poll deadline, config first, then the environment", () => {
    const env = { CLOUDFLARE_REGISTRAR_WORKFLOW_TIMEOUT_SECONDS: "90" };
    assert.deepEqual(settingsFromConfig(config({ "cloudflare-registrar:workflowTimeoutSeconds": "1.5" }), env).poll, { deadlineMs: 1500 });
    assert.deepEqual(settingsFromConfig(config({}), env).poll, { deadlineMs: 90_000 });
  });
});

describe("settingsFromConfig: every value held to the rules of the equivalent input", () => {
  const config = (values: Record<string, string>) => (key: string) => values[key];

  it("refuses a malformed account id from config or the environment, naming where it came from, before any request", () => {
    refuses(
      () => settingsFromConfig(config({ "cloudflare-registrar:accountId": "acme-corp" }), {}),
      /^Config cloudflare-registrar:accountId is 'acme-corp', not a Cloudflare account id: 32 lower-case hex characters/,
      /pulumi config set cloudflare-registrar:accountId/,
    );
    refuses(() => settingsFromConfig(config({}), { CLOUDFLARE_ACCOUNT_ID: ACCOUNT_A.toUpperCase() }), /^Env CLOUDFLARE_ACCOUNT_ID is '0123456789ABCDEF/);
    // Config wins, so a good config value is not failed by a stale variable it overrides.
    assert.equal(settingsFromConfig(config({ "cloudflare-registrar:accountId": ACCOUNT_A }), { CLOUDFLARE_ACCOUNT_ID: "stale" }).client.accountId, ACCOUNT_A);
  });

  it("refuses the same account id as an option of the client (checkDomains' accountId)", () => {
    refuses(() => resolveAccountId("acct", {}), /'acct', not a Cloudflare account id/);
  });

  it("refuses a base URL or a sandbox switch when the settings are read, not when a client is first needed", () => {
    refuses(
      () => settingsFromConfig(config({ "cloudflare-registrar:baseUrl": "localhost:8787" }), {}),
      /'localhost:8787' must be http\(s\)/,
      /cloudflare-registrar:baseUrl/,
    );
    refuses(() => settingsFromConfig(config({}), { CLOUDFLARE_BASE_URL: "ftp://x" }), /must be http\(s\)/);
    refuses(() => settingsFromConfig(config({}), { CLOUDFLARE_REGISTRAR_SANDBOX: "yes" }), /CLOUDFLARE_REGISTRAR_SANDBOX='yes' is not a boolean/);
  });

  it("refuses a workflow timeout that is not a positive number of seconds, instead of ignoring it", () => {
    refuses(
      () => settingsFromConfig(config({ "cloudflare-registrar:workflowTimeoutSeconds": "10m" }), {}),
      /^Config cloudflare-registrar:workflowTimeoutSeconds is '10m', not a positive number of seconds/,
    );
    refuses(
      () => settingsFromConfig(config({}), { CLOUDFLARE_REGISTRAR_WORKFLOW_TIMEOUT_SECONDS: "0" }),
      /^Env CLOUDFLARE_REGISTRAR_WORKFLOW_TIMEOUT_SECONDS is '0', not a positive number/,
    );
  });

  it("names the environment variable, not a config key, when the transfer wait comes from the environment", () => {
    refuses(
      () => settingsFromConfig(config({}), { CLOUDFLARE_REGISTRAR_TRANSFER_WAIT_SECONDS: "-1" }),
      /^Env CLOUDFLARE_REGISTRAR_TRANSFER_WAIT_SECONDS is '-1', not a number of seconds/,
    );
  });
});
