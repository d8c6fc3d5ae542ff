import { strict as assert } from "node:assert";
import * as net from "node:net";
import { RegistrarClient } from "../../../provider/api/client";
import { NetworkError, OutcomeUnknownError, ResponseShapeError } from "../../../provider/api/errors";
import { VirtualClock } from "../../support/sim";

const ACCOUNT = "0123456789abcdef0123456789abcdef";

/** A clock that records the retry waits, so a test can count retries without sleeping. */
class RecordingClock extends VirtualClock {
  waits: number[] = [];
  override sleep = async (ms: number) => {
    this.waits.push(ms);
    this.t += ms;
  };
}

interface RawServer {
  url: string;
  connections: number;
  /** Requests read in full (headers and body). */
  requests: string[];
  close(): Promise<void>;
}

/** A bare TCP server: `onRequest` decides what happens to the socket once a whole request arrived. */
async function rawServer(handlers: { onConnection?: (s: net.Socket) => void; onRequest?: (s: net.Socket) => void }): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const state: RawServer = { url: "", connections: 0, requests: [], close: async () => {} };
  const server = net.createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket)).on("error", () => {});
    if (handlers.onConnection) return handlers.onConnection(socket);
    let buf = "";
    socket.on("data", (chunk) => {
      buf += chunk.toString("latin1");
      const end = buf.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(buf.slice(0, end))?.[1] ?? 0);
      if (buf.length < end + 4 + length) return;
      state.requests.push(buf.slice(0, end + 4 + length));
      buf = "";
      handlers.onRequest?.(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/client/v4`;
  state.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return state;
}

describe("connection faults through real sockets", () => {
  let clock: RecordingClock;
  let clients: RegistrarClient[];
  let servers: RawServer[];
  beforeEach(() => {
    clock = new RecordingClock();
    clients = [];
    servers = [];
  });
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.close()));
  });
  const client = (baseUrl: string, timeoutMs = 5_000) => {
    const c = new RegistrarClient({
      apiToken: "t",
      accountId: ACCOUNT,
      baseUrl,
      env: {},
      clock,
      timeoutMs,
      retry: { maxRetries: 2, initialDelayMs: 100, maxDelayMs: 100, maxElapsedMs: 60_000 },
    });
    clients.push(c);
    return c;
  };
  const server = async (handlers: Parameters<typeof rawServer>[0]) => {
    const s = await rawServer(handlers);
    servers.push(s);
    return s;
  };
  const register = (c: RegistrarClient) => c.createRegistration({ domain_name: "once.com" });
  const closedPort = async () => {
    const s = net.createServer();
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const { port } = s.address() as net.AddressInfo;
    await new Promise((resolve) => s.close(resolve));
    return `http://127.0.0.1:${port}/client/v4`;
  };

  it("invariant: a refused connection never left, so even the registration POST is sent again", async () => {
    await assert.rejects(register(client(await closedPort())), (e: unknown) => {
      assert.ok(e instanceof NetworkError, String(e));
      assert.equal(e.notSent, true);
      assert.equal(e.timedOut, false);
      assert.match(e.detail, /^ECONNREFUSED: /);
      return true;
    });
    assert.equal(clock.waits.length, 2, "retried up to maxRetries");
  });

  it("invariant: a name that does not resolve never left, so the registration POST is sent again", async () => {
    await assert.rejects(register(client("http://nonexistent.invalid/client/v4")), (e: unknown) => {
      assert.ok(e instanceof NetworkError, String(e));
      assert.equal(e.notSent, true);
      assert.match(e.detail, /^ENOTFOUND: getaddrinfo ENOTFOUND nonexistent\.invalid/);
      return true;
    });
    assert.equal(clock.waits.length, 2);
  });

  it("invariant: a reset after the registration POST was written is 'maybe sent': OutcomeUnknownError, one POST (no double charge)", async () => {
    const s = await server({ onRequest: (socket) => socket.resetAndDestroy() });
    await assert.rejects(register(client(s.url)), (e: unknown) => {
      assert.ok(e instanceof OutcomeUnknownError, String(e));
      assert.ok(e.cause instanceof NetworkError && e.cause.notSent === false);
      assert.match(e.message, /POST .*registrations.*the request was sent but its outcome is unknown/);
      return true;
    });
    assert.equal(s.requests.length, 1);
    assert.match(s.requests[0]!, /^POST \/client\/v4\/accounts\/[0-9a-f]+\/registrar\/registrations HTTP\/1\.1\r\n[^]*"domain_name":"once\.com"/);
    assert.deepEqual(clock.waits, []);
  });

  it("invariant: a reset before the request was written (ECONNRESET in connect) never left, so the POST is sent again", async () => {
    const s = await server({ onConnection: (socket) => socket.resetAndDestroy() });
    await assert.rejects(register(client(s.url)), (e: unknown) => {
      assert.ok(e instanceof NetworkError, String(e));
      assert.equal(e.notSent, true);
      assert.match(e.detail, /^ECONNRESET: connect ECONNRESET/);
      return true;
    });
    assert.equal(s.connections, 3, "each attempt was reset before a byte was written");
    assert.equal(clock.waits.length, 2);
  });

  it("invariant: a registration POST that timed out is 'maybe sent': OutcomeUnknownError, one POST", async () => {
    const s = await server({ onRequest: () => {} });
    await assert.rejects(register(client(s.url, 150)), (e: unknown) => {
      assert.ok(e instanceof OutcomeUnknownError, String(e));
      assert.ok(e.cause instanceof NetworkError && e.cause.timedOut && !e.cause.notSent);
      assert.ok(e.cause.cause instanceof Error, "the abort is kept as the cause");
      assert.match(e.message, /no answer within 150 ms/);
      return true;
    });
    assert.equal(s.requests.length, 1);
  });

  it("retries an idempotent request after a reset once written, up to maxRetries", async () => {
    const s = await server({ onRequest: (socket) => socket.resetAndDestroy() });
    await assert.rejects(client(s.url).getRegistration("x.com"), (e: unknown) => e instanceof NetworkError && !e.notSent);
    assert.equal(s.requests.length, 3);
    assert.equal(clock.waits.length, 2);
  });
});

describe("the client's reading of an answer, through a bare server", () => {
  let servers: RawServer[] = [];
  let clients: RegistrarClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    clients = [];
  });
  /** A server that answers every request with `status` and `body` and closes. */
  const answering = async (status: number, body: string) => {
    const s = await rawServer({
      onRequest: (socket) =>
        socket.end(`HTTP/1.1 ${status} X\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`),
    });
    servers.push(s);
    const c = new RegistrarClient({
      apiToken: "t",
      accountId: ACCOUNT,
      baseUrl: s.url,
      env: {},
      clock: new VirtualClock(),
      retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1, maxElapsedMs: 60_000 },
    });
    clients.push(c);
    return { s, c };
  };
  const envelope = (success: boolean, errors: unknown[] = [], result: unknown = null) => JSON.stringify({ success, errors, messages: [], result });

  it("sends JSON headers only with a body, and names itself", async () => {
    const { s, c } = await answering(404, envelope(false, [{ code: 1, message: "nope" }]));
    await assert.rejects(c.getRegistration("x.com"));
    await assert.rejects(c.createRegistration({ domain_name: "x.com" }));
    const [get, post] = s.requests;
    assert.doesNotMatch(get!, /content-type/i);
    assert.match(get!, /\r\nuser-agent: pulumi-cloudflare-registrar\r\n/i);
    assert.match(get!, /\r\naccept: application\/json\r\n/i);
    assert.match(post!, /\r\ncontent-type: application\/json\r\n/i);
  });

  it("invariant: only a 2xx with success: true is a success (a 200 saying success: false is an error, sent once)", async () => {
    const { s, c } = await answering(200, envelope(false, [{ code: 1001, message: "bad" }]));
    await assert.rejects(c.getRegistration("x.com"), /1001/);
    assert.equal(s.requests.length, 1);
  });

  it("invariant: a 3xx or 4xx is never a success, even with success: true", async () => {
    for (const status of [300, 302, 400]) {
      const { c } = await answering(status, envelope(true, [], { domain_name: "x.com" }));
      await assert.rejects(c.getRegistration("x.com"), new RegExp(`${status}`));
    }
  });

  it("invariant: a 2xx that is not the envelope is a ResponseShapeError, not retried as a network fault", async () => {
    const { s, c } = await answering(200, "not json");
    await assert.rejects(c.getRegistration("x.com"), (e: Error) => e instanceof ResponseShapeError && /\(envelope\).*got not json/.test(e.message));
    assert.equal(s.requests.length, 1);
    const empty = await answering(200, "");
    await assert.rejects(empty.c.getRegistration("x.com"), /got an empty body/);
    const long = await answering(200, "x".repeat(300));
    await assert.rejects(long.c.getRegistration("x.com"), (e: Error) => e.message.includes(`got ${"x".repeat(120)}`) && !e.message.includes("x".repeat(121)));
    const multiple = await answering(300, "not json");
    await assert.rejects(multiple.c.getRegistration("x.com"), /non-JSON 300 answer: not json/);
  });

  it("shows a non-JSON error answer's start, or says it was empty", async () => {
    const html = await answering(404, "<html>gone</html>");
    await assert.rejects(html.c.getRegistration("x.com"), /non-JSON 404 answer: <html>gone<\/html>/);
    const empty = await answering(404, "");
    await assert.rejects(empty.c.getRegistration("x.com"), /non-JSON 404 answer: \(empty body\)/);
    const long = await answering(404, "y".repeat(300));
    await assert.rejects(
      long.c.getRegistration("x.com"),
      (e: Error) => e.message.includes(`answer: ${"y".repeat(200)}`) && !e.message.includes("y".repeat(201)),
    );
  });

  it("invariant: a 5xx to the registration POST is OutcomeUnknownError carrying Cloudflare's code and message, or 'no detail'", async () => {
    const { s, c } = await answering(
      500,
      envelope(false, [
        { code: 7000, message: "boom" },
        { code: 7001, message: "bang" },
      ]),
    );
    await assert.rejects(
      c.createRegistration({ domain_name: "x.com" }),
      (e: Error) => e instanceof OutcomeUnknownError && /\(HTTP 500: \[7000\] boom; \[7001\] bang\)/.test(e.message),
    );
    assert.equal(s.requests.length, 1);
    const bare = await answering(502, envelope(false));
    await assert.rejects(
      bare.c.createRegistration({ domain_name: "x.com" }),
      (e: Error) => e instanceof OutcomeUnknownError && /\(HTTP 502: no detail\)/.test(e.message),
    );
  });

  it("leaves no timer behind once an answer arrived (a CLI would otherwise wait out the timeout)", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const { c } = await answering(404, envelope(false, [{ code: 1, message: "nope" }]));
    const before = timers();
    await assert.rejects(c.getRegistration("x.com"));
    assert.equal(timers(), before);
  });

  it("keeps the transport error as the NetworkError's cause", async () => {
    const c = new RegistrarClient({
      apiToken: "t",
      accountId: ACCOUNT,
      baseUrl: "http://nonexistent.invalid/client/v4",
      env: {},
      clock: new VirtualClock(),
      retry: { maxRetries: 0 },
    });
    clients.push(c);
    await assert.rejects(c.getRegistration("x.com"), (e: unknown) => e instanceof NetworkError && (e.cause as { code?: string }).code === "ENOTFOUND");
  });
});
