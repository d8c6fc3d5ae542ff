import { strict as assert } from "node:assert";
import { MockAgent } from "undici";
import { RegistrarClient } from "../../provider/api/client";
import { ApiError, RegistrarError } from "../../provider/api/errors";

const ORIGIN = "https://api.example.test";

/**
 * A client whose requests go to undici's MockAgent, which opens no socket: what a test scripts is what the
 * transport reads. Net connect is off, so a request nothing was scripted for fails instead of leaving.
 */
function scripted(answer: (url: URL, n: number) => { status: number; body: unknown; headers?: Record<string, string> }) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  let n = 0;
  agent
    .get(ORIGIN)
    .intercept({ path: () => true, method: () => true })
    .reply((opts) => {
      const a = answer(new URL(opts.path, ORIGIN), n++);
      return { statusCode: a.status, data: JSON.stringify(a.body), responseOptions: { headers: { "content-type": "application/json", ...a.headers } } };
    })
    .persist();
  const client = new RegistrarClient({
    apiToken: "t",
    accountId: "0123456789abcdef0123456789abcdef",
    baseUrl: `${ORIGIN}/client/v4`,
    env: {},
    retry: { maxRetries: 0 },
    dispatcher: agent,
  });
  return { agent, client, requests: () => n, stop: async () => (await client.close(), await agent.close()) };
}

const reg = (name: string) => ({
  domain_name: name,
  status: "active",
  auto_renew: false,
  locked: true,
  privacy_mode: "redaction",
  created_at: null,
  expires_at: null,
});

describe("the client's transport and pagination", () => {
  it("keeps Cloudflare's cf-ray id on an API error, so support can find the request", async () => {
    const s = scripted(() => ({
      status: 403,
      body: { success: false, errors: [{ code: 9109, message: "Unauthorized" }], messages: [] },
      headers: { "cf-ray": "8f00aa11bb22cc33-LHR" },
    }));
    try {
      await assert.rejects(s.client.getRegistration("a.com"), (err: unknown) => {
        assert.ok(err instanceof ApiError);
        assert.equal(err.request.ray, "8f00aa11bb22cc33-LHR");
        assert.match(err.message, /\(domain a\.com, cf-ray 8f00aa11bb22cc33-LHR\)/);
        return true;
      });
    } finally {
      await s.stop();
    }
  });

  it("stops listing at a cursor it has already followed, instead of looping", async () => {
    const s = scripted((_u, n) => ({
      status: 200,
      body: { success: true, errors: [], messages: [], result: [reg(`d${n}.com`)], result_info: { cursor: "same" } },
    }));
    try {
      const names: string[] = [];
      for await (const r of s.client.listRegistrations()) names.push(r.domain_name);
      assert.deepEqual(names, ["d0.com", "d1.com"]);
      assert.equal(s.requests(), 2);
    } finally {
      await s.stop();
    }
  });

  it("stops listing at an empty page, even when it carries a cursor", async () => {
    const s = scripted((u, n) => ({
      status: 200,
      body: { success: true, errors: [], messages: [], result: n === 0 ? [reg("only.com")] : [], result_info: { cursor: `c${n + 1}` } },
      headers: { "x-cursor": u.searchParams.get("cursor") ?? "" },
    }));
    try {
      const names: string[] = [];
      for await (const r of s.client.listRegistrations()) names.push(r.domain_name);
      assert.deepEqual(names, ["only.com"]);
      assert.equal(s.requests(), 2);
    } finally {
      await s.stop();
    }
  });

  it("invariant: with a dispatcher of the caller's, a link off the API's origin is refused before it reaches the dispatcher", async () => {
    const s = scripted(() => ({
      status: 200,
      body: {
        success: true,
        errors: [],
        messages: [],
        result: { completed: true, state: "succeeded", created_at: "2026-01-01T00:00:00Z", updated_at: "2026-01-01T00:00:00Z", links: { self: "/x" } },
      },
    }));
    s.agent
      .get("https://elsewhere.example.test")
      .intercept({ path: () => true, method: () => true })
      .reply(200, "{}");
    try {
      for (const link of ["https://elsewhere.example.test/client/v4/x", `${ORIGIN}/other/x`, "http://api.example.test/client/v4/x"])
        await assert.rejects(s.client.followWorkflow(link), (err: unknown) => err instanceof RegistrarError && /Refusing to follow/.test(err.message));
      assert.equal(s.requests(), 0, "nothing was sent to the API's origin either");
      const unused = s.agent.pendingInterceptors().filter((i) => i.origin === "https://elsewhere.example.test");
      assert.equal(unused.length, 1, "the other origin's interceptor was never used");
      // The same client follows a link on its origin: the refusals above are the guard, not a broken dispatcher.
      assert.equal((await s.client.followWorkflow(`${ORIGIN}/client/v4/x`)).state, "succeeded");
      assert.equal(s.requests(), 1);
    } finally {
      await s.stop();
    }
  });

  it("leaves a dispatcher it was given open on close: its owner closes it", async () => {
    const s = scripted(() => ({ status: 200, body: { success: true, errors: [], messages: [], result: reg("kept.com") } }));
    await s.client.getRegistration("kept.com");
    await s.client.close();
    const again = new RegistrarClient({
      apiToken: "t",
      accountId: "0123456789abcdef0123456789abcdef",
      baseUrl: `${ORIGIN}/client/v4`,
      env: {},
      dispatcher: s.agent,
    });
    assert.equal((await again.getRegistration("kept.com")).domain_name, "kept.com");
    await s.agent.close();
  });
});
