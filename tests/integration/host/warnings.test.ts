import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as dynamic from "../../../provider/host/registration";
import { engineAddress, flushWarnings, useEngineForTests, warnEngine } from "../../../provider/host/engineLog";
import { atValues } from "../../../provider/host/expectedErrors";
import { RegistrationProvider } from "../../../provider/registration/provider";
import { settingsFromConfig } from "../../../provider/host/stackConfig";
import { unpricedPreview } from "../../../provider/purchase/unpriced";
import type { SimulatorOptions } from "../../../simulator/server";
import { ACCOUNT, Harness, startSim, TOKEN } from "../../support/sim";
import { unconfigureShims } from "../../support/shims";
import { stderrOf } from "../../support/stderr";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engineProto = require("@pulumi/pulumi/proto/engine_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");

interface Logged {
  severity: number;
  message: string;
  urn: string;
}

/** A real gRPC server speaking pulumirpc.Engine, as the CLI's host server does, recording each Log call. */
async function fakeEngine(): Promise<{ address: string; logged: Logged[]; stop: () => void }> {
  const logged: Logged[] = [];
  const server = new grpc.Server();
  server.addService(engineRpc.EngineService, {
    log(call: { request: { getSeverity(): number; getMessage(): string; getUrn(): string } }, done: (e: null, r: unknown) => void) {
      logged.push({ severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
      done(null, new Empty());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, logged, stop: () => server.forceShutdown() };
}

describe("warnings the engine counts as warnings", () => {
  after(unconfigureShims);
  let engine: Awaited<ReturnType<typeof fakeEngine>> | undefined;
  let h: Harness | undefined;
  afterEach(() => {
    useEngineForTests(null);
    engine?.stop();
    h?.stop();
    engine = h = undefined;
  });

  it("finds the engine's address only in the dynamic-provider host: its last argument", () => {
    const host = "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
    assert.equal(engineAddress(["node", host, "127.0.0.1:40123"], host), "127.0.0.1:40123");
    assert.equal(engineAddress(["node", host, "--logtostderr", "-v=9", "--tracing", "x", "127.0.0.1:40123"], host), "127.0.0.1:40123");
    assert.equal(engineAddress(["node", "/usr/bin/mocha", "127.0.0.1:40123"], "/usr/bin/mocha"), undefined);
    assert.equal(engineAddress(["node", host], host), undefined);
  });

  it("sends a warning to the engine's Log at WARNING severity, delivered before the call that raised it answers", async () => {
    engine = await fakeEngine();
    useEngineForTests(engine.address);
    const printed = await stderrOf(async () => {
      warnEngine("cloudflare-registrar: keep.com expires in 10 days and will not renew; set autoRenew: true or renew in the dashboard.");
      await flushWarnings();
    });
    assert.equal(printed, "", "nothing on stderr, where the engine would count it as a message");
    assert.deepEqual(engine.logged, [
      {
        severity: engineProto.LogSeverity.WARNING,
        message: "cloudflare-registrar: keep.com expires in 10 days and will not renew; set autoRenew: true or renew in the dashboard.",
        urn: "",
      },
    ]);
  });

  it("falls back to stderr when the engine does not take it, and outside the provider host", async () => {
    useEngineForTests("127.0.0.1:9"); // nothing listens there
    const refused = await stderrOf(async () => {
      warnEngine("cloudflare-registrar: x.com is SUSPENDED");
      await flushWarnings();
    });
    assert.equal(refused, "warning: cloudflare-registrar: x.com is SUSPENDED\n");
    useEngineForTests(null);
    assert.equal(await stderrOf(() => warnEngine("no engine here")), "warning: no engine here\n");
  });

  it("the dynamic shim's check delivers an unpriced preview's warning to the engine before it answers", async () => {
    engine = await fakeEngine();
    useEngineForTests(engine.address);
    await dynamic.configure({ config: { get: (key: string) => ({ "cloudflare-registrar:accountId": ACCOUNT })[key] } } as never);
    const env = process.env.CLOUDFLARE_API_TOKEN;
    delete process.env.CLOUDFLARE_API_TOKEN;
    try {
      const result = await dynamic.check({}, { domainName: "launch.dev" });
      assert.deepEqual(result.failures, []);
    } finally {
      if (env !== undefined) process.env.CLOUDFLARE_API_TOKEN = env;
    }
    assert.equal(engine.logged.length, 1);
    assert.equal(engine.logged[0]!.severity, engineProto.LogSeverity.WARNING);
    assert.match(
      engine.logged[0]!.message,
      /^cloudflare-registrar: launch\.dev was NOT PRICED: this run has no API token \(config cloudflare-registrar:apiToken/,
    );
  });
});

describe("an unpriced preview is loud", () => {
  it("names exactly the setting that is missing, config key and env var", () => {
    const token = unpricedPreview("a.dev", "registering", { credentials: true, accountId: false }, false);
    assert.ok("warning" in token);
    assert.match(token.warning, /no API token \(config cloudflare-registrar:apiToken, set with --secret, or env CLOUDFLARE_API_TOKEN\), so/);
    assert.doesNotMatch(token.warning, /account id/);
    const account = unpricedPreview("a.dev", "registering", { credentials: false, accountId: true }, false);
    assert.ok("warning" in account);
    assert.match(account.warning, /no account id \(input accountId, config cloudflare-registrar:accountId or env CLOUDFLARE_ACCOUNT_ID\)/);
    assert.doesNotMatch(account.warning, /apiToken/);
    const both = unpricedPreview("a.dev", "registering", { credentials: true, accountId: true }, false);
    assert.ok("warning" in both);
    assert.match(both.warning, /CLOUDFLARE_API_TOKEN\) and no account id/);
    assert.match(both.warning, /set cloudflare-registrar:requirePricedPreview \(or env CLOUDFLARE_REGISTRAR_REQUIRE_PRICED_PREVIEW\) to true/);
  });

  it("with requirePricedPreview it is a failure on the resource instead", () => {
    const v = unpricedPreview("a.dev", "registering", { credentials: true, accountId: false }, true);
    assert.ok("failure" in v);
    assert.equal(v.failure.property, "");
    assert.match(v.failure.reason, /^a\.dev was NOT PRICED: .*CLOUDFLARE_API_TOKEN.*cloudflare-registrar:requirePricedPreview is true/);
  });

  it("reads cloudflare-registrar:requirePricedPreview, config before env, and refuses a non-boolean", () => {
    const from = (config: Record<string, string>, env: Record<string, string> = {}) => settingsFromConfig((k) => config[k], env).requirePricedPreview;
    assert.equal(from({}), false);
    assert.equal(from({ "cloudflare-registrar:requirePricedPreview": "true" }), true);
    assert.equal(from({}, { CLOUDFLARE_REGISTRAR_REQUIRE_PRICED_PREVIEW: "TRUE" }), true);
    assert.equal(from({ "cloudflare-registrar:requirePricedPreview": "false" }, { CLOUDFLARE_REGISTRAR_REQUIRE_PRICED_PREVIEW: "true" }), false);
    assert.throws(() => from({ "cloudflare-registrar:requirePricedPreview": "yes" }), /requirePricedPreview is 'yes', not a boolean/);
  });

  it("the provider warns, or fails with the switch, and sends nothing to the API either way", async () => {
    const h = await startSim();
    try {
      const warned: string[] = [];
      const env = { CLOUDFLARE_ACCOUNT_ID: ACCOUNT };
      const loose = new RegistrationProvider({ client: { baseUrl: h.sim.baseUrl, env }, warn: (m) => warned.push(m), log: () => {} });
      const passed = await loose.check(undefined, { domainName: "launch.dev" });
      assert.deepEqual(passed.failures, []);
      assert.equal(warned.length, 1);
      assert.match(warned[0]!, /launch\.dev was NOT PRICED: this run has no API token/);
      const strict = new RegistrationProvider({ client: { baseUrl: h.sim.baseUrl, env }, requirePricedPreview: true, warn: (m) => warned.push(m) });
      const failed = await strict.check(undefined, { domainName: "launch.dev" });
      assert.equal(failed.failures.length, 1);
      assert.match(failed.failures[0]!.reason, /requirePricedPreview is true/);
      assert.equal(warned.length, 1, "a failure, not also a warning");
      assert.equal(h.sim.requests().length, 0);
    } finally {
      h.stop();
    }
  });
});

describe("check failures the engine can show", () => {
  it("keeps a failure on a top-level input that has a value; moves a nested path or an absent input to the resource", () => {
    const result = atValues({
      inputs: { domainName: "brand.us", maxPrice: 1, contactExtensions: { us_nexus_category: "C99" } },
      failures: [
        { property: "maxPrice", reason: "a" },
        { property: "contactExtensions.us_nexus_category", reason: "b" },
        { property: "acknowledgements", reason: "c" },
        { property: "", reason: "d" },
      ],
    });
    assert.deepEqual(
      result.failures!.map((f) => f.property),
      ["maxPrice", "", "", ""],
    );
    assert.deepEqual(
      result.failures!.map((f) => f.reason),
      ["a", "b", "c", "d"],
    );
  });
});

/** A simulator, and the registration shim configured against it with `apiToken`, as the engine configures it. */
async function shimAgainstSim(apiToken: string, options: SimulatorOptions = {}): Promise<Harness> {
  const h = await startSim(options);
  const values: Record<string, string> = {
    "cloudflare-registrar:apiToken": apiToken,
    "cloudflare-registrar:accountId": ACCOUNT,
    "cloudflare-registrar:baseUrl": h.sim.baseUrl,
  };
  await dynamic.configure({ config: { get: (key: string) => values[key] } } as never);
  return h;
}

/** What the shim's read of `domain` throws; it must throw. */
const readError = (domain: string): Promise<Error> =>
  dynamic.read(domain, { domainName: domain, accountId: ACCOUNT, status: "active" }).then(
    () => assert.fail("read must fail"),
    (e: Error) => e,
  );

describe("refresh's refused credentials say which credentials refresh uses", () => {
  after(unconfigureShims);
  let h: Harness;
  afterEach(() => h?.stop());

  it("a 401 in read names the recorded credentials and what to run; the host's stderr copy is still dropped", async () => {
    h = await shimAgainstSim("not-the-token");
    const err = await readError("launch.dev");
    assert.match(
      err.message,
      /HTTP 401: \[10000\] Authentication error\. Check the API token .*`pulumi refresh` uses the credentials recorded by the last `pulumi up`/,
    );
    assert.match(err.message, /run `pulumi up` to record the new ones, or `pulumi refresh --run-program`/);
    assert.equal(err.name, "AuthenticationError");
    const hostLine = `${err}: ${err.stack}`;
    assert.equal(await stderrOf(() => console.error(hostLine)), "");
    // Were that copy printed after all, it would carry no token.
    assert.doesNotMatch(hostLine, /not-the-token/);
  });

  it("one failed listing shared by many reads: the host's copy is dropped for every read", async () => {
    h = await shimAgainstSim(TOKEN, { faults: [{ endpoint: "list-registrations", kind: "status", status: 404 }] });
    const errs = await Promise.all(["a.dev", "b.dev", "c.dev"].map(readError));
    const printed = await stderrOf(() => errs.forEach((e) => console.error(`${e}: ${e.stack}`)));
    assert.equal(printed, "");
  });
});

describe("the README's sample messages are what the provider says", () => {
  after(unconfigureShims);
  const readme = readFileSync(path.join(__dirname, "../../../../README.md"), "utf8");
  const ray = (s: string) => s.replace(/cf-ray [0-9a-f]+-SIM/g, "cf-ray <ray>");
  let h: Harness;
  afterEach(() => h?.stop());

  it("the 401 sample (preview) and the 401 in refresh (read), from the same wrong token", async () => {
    h = await shimAgainstSim("not-the-token");
    const reason = (await dynamic.check({}, { domainName: "launch.dev" })).failures![0]!.reason;
    const sample = readme.match(/^ {2}error: \S+ resource 'site' has a problem: (.*HTTP 401.*)$/m)?.[1];
    assert.equal(ray(sample ?? "(no 401 sample in the README)"), ray(reason));
    const read = await readError("launch.dev");
    const tail = readme.match(/^… failed with HTTP 401: (.*)$/m)?.[1];
    assert.ok(tail && read.message.endsWith(tail), `README: ${tail}\nprovider: ${read.message}`);
  });

  it("the unpriced preview's warning", async () => {
    const h2 = await startSim();
    try {
      const warned: string[] = [];
      const p = new RegistrationProvider({ client: { baseUrl: h2.sim.baseUrl, env: { CLOUDFLARE_ACCOUNT_ID: ACCOUNT } }, warn: (m) => warned.push(m) });
      await p.check(undefined, { domainName: "launch.dev" });
      assert.ok(readme.includes(`\nwarning: ${warned[0]}\n`), `the README shows: warning: ${warned[0]}`);
    } finally {
      h2.stop();
    }
  });
});
