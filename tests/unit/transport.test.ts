import { strict as assert } from "node:assert";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { RegistrarClient } from "../../provider/api/client";
import { ApiError } from "../../provider/api/errors";

/** A tiny API stand-in whose answers a test scripts, for what the simulator does not misbehave at. */
async function scripted(answer: (url: URL, n: number) => { status: number; body: unknown; headers?: Record<string, string> }) {
  let n = 0;
  const server = http.createServer((req, res) => {
    const a = answer(new URL(req.url ?? "/", "http://x"), n++);
    res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
    res.end(JSON.stringify(a.body));
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
  const client = new RegistrarClient({ apiToken: "t", accountId: "0123456789abcdef0123456789abcdef", baseUrl: base, env: {}, retry: { maxRetries: 0 } });
  return { client, requests: () => n, stop: async () => (await client.close(), server.close()) };
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
    const s = await scripted(() => ({
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
    const s = await scripted((_u, n) => ({
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
    const s = await scripted((u, n) => ({
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
});
