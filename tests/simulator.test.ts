import { strict as assert } from "node:assert";
import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { RegistrarClient } from "../provider/client";
import { NotFoundError } from "../provider/errors";
import { ACCOUNT, FAST_RETRY, TOKEN } from "./support/sim";

/** The simulator as users run it: the package's bin, configured by a file, steered over HTTP. */
describe("the simulator command and its control API", () => {
  let child: ChildProcess;
  let base: string;
  let client: RegistrarClient;
  const control = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${base.replace(/\/client\/v4$/, "")}/__simulator${p}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as { success: boolean; result: any };
  };

  before(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cfr-sim-"));
    writeFileSync(
      path.join(dir, "sim.json"),
      JSON.stringify({
        registrationMs: 100,
        registrations: [{ domain_name: "preowned.com", auto_renew: true }],
        domains: { "wait.com": { scenario: { kind: "action_required", action: "accept_terms" } }, "pricey.com": { price: { registration: "49.99", renewal: "19.99" } } },
      }),
    );
    const portFile = path.join(dir, "base-url");
    child = spawn(process.execPath, [path.resolve(__dirname, "../simulator/cli.js"), "--config", path.join(dir, "sim.json"), "--port-file", portFile], { stdio: "pipe" });
    for (let i = 0; i < 100 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
    base = readFileSync(portFile, "utf8");
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    client = new RegistrarClient({ apiToken: TOKEN, accountId: ACCOUNT, baseUrl: base, retry: FAST_RETRY, env: {} });
  });
  after(async () => {
    await client.close();
    child.kill("SIGTERM");
  });

  it("serves the configured registrations, scenarios and prices", async () => {
    assert.equal((await client.getRegistration("preowned.com")).auto_renew, true);
    const [pricey] = await client.check(["pricey.com"]);
    assert.deepEqual(pricey!.pricing, { currency: "USD", registration_cost: "49.99", renewal_cost: "19.99" });
    const { workflow } = await client.createRegistration({ domain_name: "wait.com" });
    assert.equal(workflow.state, "action_required");
    assert.equal(workflow.context?.action, "accept_terms");
  });

  it("resolves action_required, seeds and changes registrations, and logs requests over HTTP", async () => {
    await control("POST", `/accounts/${ACCOUNT}/registrations/wait.com/resolve`);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await client.registrationStatus("wait.com")).state, "succeeded");

    await control("POST", `/accounts/${ACCOUNT}/registrations`, { domain_name: "seeded.dev", status: "expired" });
    assert.equal((await client.getRegistration("seeded.dev")).status, "expired");
    await control("PATCH", `/accounts/${ACCOUNT}/registrations/seeded.dev`, { auto_renew: true });
    assert.equal((await client.getRegistration("seeded.dev")).auto_renew, true);

    await control("DELETE", "/requests");
    await client.findRegistration("absent.com");
    const log = (await control("GET", "/requests")).result as Array<{ method: string; endpoint: string; status: number; durationMs: number }>;
    assert.equal(log.length, 1);
    assert.deepEqual([log[0]!.method, log[0]!.endpoint, log[0]!.status], ["GET", "get-registration", 404]);
  });

  it("injects faults added over HTTP, and changes scenarios at run time", async () => {
    await control("POST", "/faults", { endpoint: "get-registration", kind: "status", status: 503, times: 1 });
    await assert.rejects(client.getRegistration("nothing.com"), NotFoundError); // retried past the 503
    const statuses = ((await control("GET", "/requests")).result as Array<{ status: number; endpoint: string }>).filter((r) => r.endpoint === "get-registration").map((r) => r.status);
    assert.deepEqual(statuses.slice(-2), [503, 404]);
    await control("PUT", "/domains/later.com", { scenario: { kind: "unavailable" } });
    assert.equal((await client.check(["later.com"]))[0]!.reason, "domain_unavailable");
  });
});
