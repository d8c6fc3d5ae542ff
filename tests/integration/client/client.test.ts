import { strict as assert } from "node:assert";
import * as diagnostics from "node:diagnostics_channel";
import { once } from "node:events";
import { AddressInfo, createServer } from "node:net";
import { RegistrarClient } from "../../../provider/api/client";
import {
  AuthenticationError,
  ConflictError,
  CredentialsError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  PermissionDeniedError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  ValidationError,
} from "../../../provider/api/errors";
import { blockedConnections } from "../../support/netGuard";
import { ACCOUNT, FAST_RETRY, Harness, startSim, TOKEN, VirtualClock } from "../../support/sim";

/** A loopback port with nothing listening on it (until a test starts something there). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

/**
 * What the client put on the wire to `port`, in order: the code of each failed connection attempt
 * (ECONNREFUSED) and the method of each request sent. Read from undici's diagnostics channels, so
 * refused attempts count too, which no server could see.
 */
function wireLog(port: number) {
  const events: string[] = [];
  const result = {
    events,
    onFirstRefusal: undefined as undefined | (() => Promise<void>),
    stop() {
      diagnostics.unsubscribe("undici:client:connectError", failed);
      diagnostics.unsubscribe("undici:client:sendHeaders", sent);
    },
  };
  const failed = (m: unknown) => {
    const { connectParams, error } = m as { connectParams: { port?: string }; error: { code?: string } };
    if (Number(connectParams.port) !== port) return;
    events.push(error.code ?? String(error));
    if (events.length === 1 && error.code === "ECONNREFUSED") void result.onFirstRefusal?.();
  };
  const sent = (m: unknown) => {
    const { request, socket } = m as { request: { method: string }; socket: { remotePort?: number } };
    if (socket.remotePort === port) events.push(request.method);
  };
  diagnostics.subscribe("undici:client:connectError", failed);
  diagnostics.subscribe("undici:client:sendHeaders", sent);
  return result;
}

const processedPosts = (h: Harness) => h.sim.requests({ endpoint: "create-registration" }).filter((r) => r.status >= 200 && r.status < 300).length;

describe("RegistrarClient against the simulator", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSim();
  });
  afterEach(() => h.stop());

  describe("endpoints", () => {
    it("searches, suggesting names on supported extensions with prices", async () => {
      const results = await h.client().search({ query: "acme corp", extensions: ["com", "dev", "io"], limit: 3 });
      assert.deepEqual(
        results.map((r) => r.name),
        ["acmecorp.com", "acmecorp.dev", "acmecorp.io"],
      );
      assert.equal(results[0]!.registrable, true);
      assert.equal(results[0]!.pricing?.registration_cost, "10.44");
      const req = h.sim.requests({ endpoint: "domain-search" })[0]!;
      assert.match(req.query, /q=acme\+corp/);
      assert.match(req.query, /limit=3/);
      assert.match(req.query, /extensions=com&extensions=dev&extensions=io/, "repeated keys, as the API expects; never one comma-joined value");
    });

    it("searches one extension filter only as repeated keys: names on other extensions stay out", async () => {
      const results = await h.client().search({ query: "rocket", extensions: ["app", "dev"], limit: 10 });
      assert.ok(results.length >= 2);
      assert.deepEqual([...new Set(results.map((r) => r.name.slice(r.name.indexOf(".") + 1)))].sort(), ["app", "dev"]);
    });

    it("checks domains, splitting lists longer than 20 into batches and merging them in order", async () => {
      const names = Array.from({ length: 45 }, (_, i) => `name${i}.com`);
      const results = await h.client().check(names);
      assert.deepEqual(
        results.map((r) => r.name),
        names,
      );
      assert.equal(h.sim.requests({ endpoint: "domain-check" }).length, 3);
    });

    it("reports each kind of unregistrable domain", async () => {
      const [free, taken, premium, dashboard, unsupported] = await h.client().check(["free.com", "taken-one.com", "premium-one.com", "brand.cc", "brand.zz"]);
      assert.deepEqual(free!.pricing, { currency: "USD", registration_cost: "10.44", renewal_cost: "10.44" });
      assert.equal(taken!.reason, "domain_unavailable");
      assert.equal(premium!.reason, "domain_premium");
      assert.equal(premium!.tier, "premium");
      assert.equal(premium!.pricing, undefined, "pricing only when registrable");
      assert.equal(dashboard!.reason, "extension_not_supported_via_api");
      assert.equal(unsupported!.reason, "extension_not_supported");
    });

    it("creates a registration: 201 with a finished workflow inside the wait window", async () => {
      const { httpStatus, workflow } = await h.client().createRegistration({ domain_name: "fast.com", years: 2 });
      assert.equal(httpStatus, 201);
      assert.equal(workflow.state, "succeeded");
      assert.equal(workflow.completed, true);
      assert.equal(workflow.links.self, `/accounts/${ACCOUNT}/registrar/registrations/fast.com/registration-status`);
      const reg = await h.client().getRegistration("fast.com");
      assert.equal(reg.status, "active");
      assert.equal(new Date(reg.expires_at!).getUTCFullYear() - new Date(reg.created_at!).getUTCFullYear(), 2);
    });

    it("creates with Prefer: respond-async: 202 at once, expires_at null while pending", async () => {
      const { httpStatus, workflow } = await h.client().createRegistration({ domain_name: "async.com" }, { respondAsync: true });
      assert.equal(httpStatus, 202);
      assert.equal(workflow.completed, false);
      const reg = await h.client().getRegistration("async.com");
      assert.equal(reg.status, "registration_pending");
      assert.equal(reg.expires_at, null);
    });

    it("lists registrations across cursor pages", async () => {
      for (let i = 0; i < 25; i++) h.sim.registry.seed(ACCOUNT, { domain_name: `d${String(i).padStart(2, "0")}.com` });
      const names: string[] = [];
      for await (const reg of h.client().listRegistrations({ perPage: 10, sortBy: "name", direction: "desc" })) names.push(reg.domain_name);
      assert.equal(names.length, 25);
      assert.equal(names[0], "d24.com");
      assert.equal(h.sim.requests({ endpoint: "list-registrations" }).length, 3);
      const last = await h.client().listRegistrationsPage({ perPage: 50 });
      assert.equal(last.cursor, "");
    });

    it("gets a registration, and maps 404 to NotFoundError (or undefined from findRegistration)", async () => {
      h.sim.registry.seed(ACCOUNT, { domain_name: "owned.com", auto_renew: true });
      const reg = await h.client().getRegistration("owned.com");
      assert.equal(reg.auto_renew, true);
      await assert.rejects(h.client().getRegistration("nope.com"), NotFoundError);
      assert.equal(await h.client().findRegistration("nope.com"), undefined);
    });

    it("updates auto_renew: 200 when quick; 202 then update-status when slow", async () => {
      h.sim.registry.seed(ACCOUNT, { domain_name: "owned.com" });
      const quick = await h.client().updateRegistration("owned.com", { auto_renew: true });
      assert.equal(quick.httpStatus, 200);
      assert.equal((await h.client().getRegistration("owned.com")).auto_renew, true);

      h.sim.registry.seed(ACCOUNT, { domain_name: "slow-update-x.com" });
      const slow = await h.client().updateRegistration("slow-update-x.com", { auto_renew: true }, { respondAsync: true });
      assert.equal(slow.httpStatus, 202);
      assert.equal((await h.client().updateStatus("slow-update-x.com")).state, "in_progress");
      assert.equal((await h.client().getRegistration("slow-update-x.com")).auto_renew, false, "applies only on completion");
    });

    it("rejects a PATCH of anything but auto_renew with a ValidationError", async () => {
      h.sim.registry.seed(ACCOUNT, { domain_name: "owned.com" });
      await assert.rejects(h.client().updateRegistration("owned.com", { auto_renew: true, locked: false } as never), (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.match(err.message, /Only auto_renew can be updated; not locked/);
        return true;
      });
    });

    it("reads registration-status, and follows links.self as a relative path or an absolute URL on the API origin", async () => {
      const { workflow } = await h.client().createRegistration({ domain_name: "slow-w.com" }, { respondAsync: true });
      const byStatus = await h.client().registrationStatus("slow-w.com");
      const relative = await h.client().followWorkflow(workflow.links.self);
      const absolute = await h.client().followWorkflow(h.sim.baseUrl + workflow.links.self);
      for (const w of [byStatus, relative, absolute]) assert.equal(w.context?.domain_name, "slow-w.com");
      await assert.rejects(h.client().followWorkflow("http://127.0.0.2:1/client/v4/x"), /Refusing to follow/);
    });
  });

  describe("authentication and errors", () => {
    it("sends the legacy X-Auth-Key/X-Auth-Email pair when no token is given", async () => {
      await h.stop();
      h = await startSim({ tokens: {}, legacyKeys: [{ key: "k123", email: "ops@example.com" }] });
      const c = h.client({ apiToken: undefined, apiKey: "k123", apiEmail: "ops@example.com" });
      assert.deepEqual(await c.check(["a.com"]).then((r) => r.length), 1);
    });

    it("takes settings from the environment when options are absent", async () => {
      const c = new RegistrarClient({ env: { CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_ACCOUNT_ID: ACCOUNT, CLOUDFLARE_BASE_URL: h.sim.baseUrl } });
      try {
        assert.equal((await c.check(["env.com"]))[0]!.registrable, true);
      } finally {
        await c.close();
      }
    });

    it("names the option, env var and config key when credentials or the account are missing", () => {
      assert.throws(
        () => new RegistrarClient({ env: {} }),
        (err: unknown) => {
          assert.ok(err instanceof CredentialsError);
          assert.match(err.message, /apiToken/);
          assert.match(err.message, /CLOUDFLARE_API_TOKEN/);
          assert.match(err.message, /cloudflare-registrar:apiToken/);
          return true;
        },
      );
      const c = new RegistrarClient({ apiToken: "x", env: {} });
      assert.throws(
        () => c.accountId(),
        (err: unknown) => {
          assert.ok(err instanceof CredentialsError);
          assert.match(err.message, /accountId option/);
          assert.match(err.message, /CLOUDFLARE_ACCOUNT_ID/);
          assert.match(err.message, /cloudflare-registrar:accountId/);
          return true;
        },
      );
      void c.close();
    });

    it("maps 401 and 403 to their classes, with status, code, method and path but never the token", async () => {
      const secret = "very-secret-token-value";
      await assert.rejects(h.client({ apiToken: secret }).getRegistration("x.com"), (err: unknown) => {
        assert.ok(err instanceof AuthenticationError);
        assert.equal(err.status, 401);
        assert.deepEqual(err.codes, [10000]);
        assert.match(err.message, /GET \/accounts\/.*\/registrar\/registrations\/x\.com/);
        assert.ok(!err.message.includes(secret) && !JSON.stringify(err).includes(secret));
        return true;
      });
      await assert.rejects(h.client({ accountId: "ffffffffffffffffffffffffffffffff" }).check(["x.com"]), PermissionDeniedError);
    });

    it("maps 400 and 409 to ValidationError and ConflictError", async () => {
      await assert.rejects(h.client().createRegistration({ domain_name: "x.com", years: 11 }), (err: unknown) => {
        assert.ok(err instanceof ValidationError);
        assert.match(err.message, /years: must be an integer from 1 to 10/);
        return true;
      });
      await h.client().createRegistration({ domain_name: "twice.com" });
      await assert.rejects(h.client().createRegistration({ domain_name: "twice.com" }), ConflictError);
      await assert.rejects(h.client().createRegistration({ domain_name: "taken-x.com" }), ConflictError);
      await assert.rejects(h.client().createRegistration({ domain_name: "premium-x.com" }), ValidationError);
      await assert.rejects(h.client().createRegistration({ domain_name: "brand.cc" }), ValidationError);
    });

    it("invariant: a conflicting create is one POST, never retried (the official SDK's defaults send three)", async () => {
      h.sim.registry.seed(ACCOUNT, { domain_name: "mine.com" });
      await assert.rejects(h.client().createRegistration({ domain_name: "mine.com" }), ConflictError);
      assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 1);
    });

    it("names the endpoint and field when a response does not fit the reference", async () => {
      h.sim.addFault({ endpoint: "get-registration", kind: "malformed", times: 1 });
      await assert.rejects(h.client().getRegistration("x.com"), (err: unknown) => {
        assert.ok(err instanceof ResponseShapeError);
        assert.equal(err.endpoint, "get registration");
        assert.equal(err.field, "result.domain_name");
        return true;
      });
    });
  });

  describe("retries", () => {
    it("retries a 429, honouring Retry-After", async () => {
      h.sim.addFault({ endpoint: "get-registration", kind: "status", status: 429, retryAfterSeconds: 1, times: 1 });
      h.sim.registry.seed(ACCOUNT, { domain_name: "owned.com" });
      const clock = new VirtualClock();
      await h.client({ clock }).getRegistration("owned.com");
      const reqs = h.sim.requests({ endpoint: "get-registration" });
      assert.deepEqual(
        reqs.map((r) => r.status),
        [429, 200],
      );
      // The Retry-After, then one step of the rate budget, which restarts empty after a 429.
      const waited = clock.now() - new VirtualClock().now();
      assert.ok(waited >= 1_000 && waited <= 1_300, `waited ${waited} ms: the Retry-After (1000 ms) and at most one budget step`);
    });

    it("retries 5xx, dropped connections and timeouts on idempotent requests", async () => {
      h.sim.addFault({ endpoint: "domain-check", kind: "status", status: 503, times: 1 });
      h.sim.addFault({ endpoint: "domain-check", kind: "drop", times: 1 });
      h.sim.addFault({ endpoint: "domain-check", kind: "delay", delayMs: 800, times: 1 });
      const result = await h.client({ timeoutMs: 300 }).check(["x.com"]);
      assert.equal(result.length, 1);
      assert.deepEqual(
        h.sim.requests({ endpoint: "domain-check" }).map((r) => r.fault ?? r.status),
        ["status", "drop", "delay", 200],
      );
    });

    it("meets a fault on every Nth request and recovers each time", async () => {
      h.sim.addFault({ endpoint: "domain-check", kind: "status", status: 502, every: 2 });
      for (const name of ["a.com", "b.com", "c.com"]) assert.equal((await h.client().check([name]))[0]!.name, name);
      assert.deepEqual(
        h.sim.requests({ endpoint: "domain-check" }).map((r) => r.status),
        [200, 502, 200, 502, 200],
      );
    });

    it("gives up after the retry budget with the last error", async () => {
      h.sim.addFault({ endpoint: "get-registration", kind: "status", status: 500 });
      await assert.rejects(h.client().getRegistration("x.com"), ServerError);
      assert.equal(h.sim.requests({ endpoint: "get-registration" }).length, FAST_RETRY.maxRetries + 1);
    });

    it("reports a persistent timeout as a NetworkError that says it timed out", async () => {
      h.sim.addFault({ endpoint: "get-registration", kind: "delay", delayMs: 500 });
      await assert.rejects(h.client({ timeoutMs: 100, retry: { ...FAST_RETRY, maxRetries: 1 } }).getRegistration("x.com"), (err: unknown) => {
        assert.ok(err instanceof NetworkError);
        assert.equal(err.timedOut, true);
        return true;
      });
    });

    it("stops retrying at the total time bound", async () => {
      h.sim.addFault({ endpoint: "get-registration", kind: "status", status: 429, retryAfterSeconds: 2 });
      const started = Date.now();
      await assert.rejects(
        h.client({ retry: { ...FAST_RETRY, maxElapsedMs: 1_000 } }).getRegistration("x.com"),
        (e: unknown) => e instanceof RateLimitError && e.retryAfterMs === 2_000,
      );
      assert.equal(h.sim.requests({ endpoint: "get-registration" }).length, 1, "a 2 s wait does not fit a 1 s budget");
      assert.ok(Date.now() - started < 1_000);
    });
  });

  describe("the registration POST is never repeated blindly", () => {
    const cases: Array<[string, Parameters<Harness["sim"]["addFault"]>[0], number]> = [
      ["a 500 answer", { endpoint: "create-registration", kind: "status", status: 500, times: 1 }, 0],
      ["a 502 answer", { endpoint: "create-registration", kind: "status", status: 502, times: 1 }, 0],
      ["a connection dropped before processing", { endpoint: "create-registration", kind: "drop", times: 1 }, 0],
      ["an answer lost after the registration was recorded", { endpoint: "create-registration", kind: "drop_after", times: 1 }, 1],
      ["a timeout", { endpoint: "create-registration", kind: "delay", delayMs: 1_500, times: 1 }, 1],
    ];
    for (const [what, fault, recorded] of cases) {
      it(`on ${what}: one POST, OutcomeUnknownError`, async () => {
        h.sim.addFault(fault);
        await assert.rejects(h.client({ timeoutMs: 500 }).createRegistration({ domain_name: "once.com" }), OutcomeUnknownError);
        assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 1);
        await new Promise((r) => setTimeout(r, fault.kind === "delay" ? 1_200 : 0));
        assert.equal(h.sim.registry.list(ACCOUNT).length, recorded);
      });
    }

    it("on the lost_answer scenario: one POST, recorded, answer lost", async () => {
      await assert.rejects(h.client().createRegistration({ domain_name: "lost-x.com" }), OutcomeUnknownError);
      assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 1);
      assert.equal((await h.client().getRegistration("lost-x.com")).domain_name, "lost-x.com");
    });

    it("on a 429: retried, because a 429 was not processed; one POST processed", async () => {
      h.sim.addFault({ endpoint: "create-registration", kind: "status", status: 429, retryAfterSeconds: 0, times: 1 });
      const { workflow } = await h.client().createRegistration({ domain_name: "ratelimited.com" });
      assert.equal(workflow.state, "succeeded");
      assert.deepEqual(
        h.sim.requests({ endpoint: "create-registration" }).map((r) => r.status),
        [429, 201],
      );
      assert.equal(processedPosts(h), 1);
    });

    it("on a refused connection: nothing was sent, so it retries, and the registration goes through once", async () => {
      // A port that refuses the first connection, then accepts: the simulator starts on it only
      // once undici reports that attempt refused (the retry waits at least 100 ms).
      const port = await freePort();
      const wire = wireLog(port);
      let late: Harness | undefined;
      wire.onFirstRefusal = async () => {
        late = await startSim({ port });
      };
      const c = h.client({ baseUrl: `http://127.0.0.1:${port}/client/v4`, retry: { ...FAST_RETRY, initialDelayMs: 200, maxDelayMs: 200 } });
      try {
        const { workflow } = await c.createRegistration({ domain_name: "refused-first.com" });
        assert.equal(workflow.state, "succeeded");
        // Refused (once, unless the simulator was slow to start), then the one POST.
        assert.match(wire.events.join(), /^(ECONNREFUSED,)+POST$/);
        assert.equal(late!.sim.requests({ endpoint: "create-registration" }).length, 1);
      } finally {
        wire.stop();
        await late?.stop();
      }
    });

    it("on a refused connection to the end: a NetworkError that says nothing was sent", async () => {
      const port = await freePort();
      const wire = wireLog(port);
      try {
        await assert.rejects(h.client({ baseUrl: `http://127.0.0.1:${port}/client/v4` }).createRegistration({ domain_name: "x.com" }), (err: unknown) => {
          assert.ok(err instanceof NetworkError, String(err));
          assert.equal(err.notSent, true);
          return true;
        });
        assert.deepEqual(wire.events, Array(FAST_RETRY.maxRetries + 1).fill("ECONNREFUSED"), "every attempt the retry budget allows");
      } finally {
        wire.stop();
      }
    });

    for (const [what, fault] of [
      ["an answer lost after the registration was recorded", { endpoint: "create-registration", kind: "drop_after", times: 1 }],
      ["a timeout", { endpoint: "create-registration", kind: "delay", delayMs: 1_500, times: 1 }],
    ] as const) {
      it(`after ${what}: the POST is sent once and never again`, async () => {
        h.sim.addFault(fault);
        const port = Number(new URL(h.sim.baseUrl).port);
        const wire = wireLog(port);
        try {
          const outcome = await h
            .client({ timeoutMs: 500 })
            .createRegistration({ domain_name: "once.com" })
            .then(
              () => "answered",
              (err: unknown) => err,
            );
          // Longer than the retry budget's backoff: a retry would have been sent by now.
          await new Promise((r) => setTimeout(r, 4 * FAST_RETRY.maxDelayMs));
          assert.deepEqual(wire.events, ["POST"], "requests on the wire");
          assert.equal(h.sim.requests({ endpoint: "create-registration" }).length, 1);
          assert.ok(outcome instanceof OutcomeUnknownError, String(outcome));
        } finally {
          wire.stop();
        }
      });
    }
  });

  it("cannot reach the internet: a client aimed at api.cloudflare.com is refused locally", async () => {
    const before = blockedConnections.length;
    const c = new RegistrarClient({
      apiToken: "x",
      accountId: ACCOUNT,
      baseUrl: "https://api.cloudflare.com/client/v4",
      retry: { ...FAST_RETRY, maxRetries: 0 },
      env: {},
    });
    await assert.rejects(c.check(["x.com"]), NetworkError);
    await c.close();
    assert.deepEqual(blockedConnections.slice(before), ["api.cloudflare.com"]);
    assert.equal(process.env.CLOUDFLARE_BASE_URL, "http://127.0.0.1:9/client/v4");
  });
});
