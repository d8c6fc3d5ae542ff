import { strict as assert } from "node:assert";
import { connectionFate, failureCode } from "../../provider/api/connection";

const err = (code: string | undefined, syscall?: string, extra: object = {}) => Object.assign(new Error(`${syscall ?? "x"} ${code}`), { code, syscall }, extra);

describe("connection: which failures prove the request never left", () => {
  const neverLeft: Array<[string, unknown]> = [
    ["a refused connection (the SYN was answered with a reset)", err("ECONNREFUSED", "connect")],
    ["a refusal without a syscall (as the test network guard raises it)", err("ECONNREFUSED")],
    ["a name that does not resolve", err("ENOTFOUND", "getaddrinfo")],
    ["a DNS server that did not answer", err("EAI_AGAIN", "getaddrinfo")],
    ["a DNS failure without a syscall", err("EAI_FAIL")],
    ["a name that does not resolve, without a syscall", err("ENOTFOUND")],
    ["a DNS timeout, without a syscall", err("EAI_AGAIN")],
    ["a name without an address, without a syscall", err("EAI_NODATA")],
    ["any failure of the lookup", err("EAI_SERVICE", "getaddrinfo")],
    ["a reset before the connection completed", err("ECONNRESET", "connect")],
    ["an unreachable host", err("EHOSTUNREACH", "connect")],
    ["a connect(2) that timed out", err("ETIMEDOUT", "connect")],
    ["undici's connect timeout", err("UND_ERR_CONNECT_TIMEOUT")],
    ["every address refused (autoSelectFamily)", new AggregateError([err("ECONNREFUSED", "connect"), err("ECONNREFUSED", "connect")])],
    ["a wrapper whose cause is a refusal", err("UND_ERR", undefined, { cause: err("ECONNREFUSED", "connect") })],
  ];
  for (const [what, e] of neverLeft) it(`never_left: ${what}`, () => assert.equal(connectionFate(e), "never_left"));

  const maybeSent: Array<[string, unknown, boolean?]> = [
    ["a reset once connected", err("ECONNRESET", "read")],
    ["a reset without a syscall", err("ECONNRESET")],
    ["a broken pipe while writing", err("EPIPE", "write")],
    ["a read that timed out", err("ETIMEDOUT", "read")],
    ["undici's 'other side closed'", err("UND_ERR_SOCKET")],
    ["undici's headers timeout", err("UND_ERR_HEADERS_TIMEOUT")],
    ["an abort", Object.assign(new Error("aborted"), { name: "AbortError" })],
    ["our own timeout, even during connect", err("ECONNREFUSED", "connect"), true],
    ["one address refused, another reset", new AggregateError([err("ECONNREFUSED", "connect"), err("ECONNRESET", "read")])],
    ["a wrapper whose cause is a reset", new TypeError("fetch failed", { cause: err("ECONNRESET", "read") })],
    ["a wrapper whose cause is not an object", Object.assign(new Error("x"), { cause: "ECONNREFUSED" })],
    ["something that is not an error", "ECONNREFUSED"],
    ["an AggregateError with no inner errors, reset itself", Object.assign(new AggregateError([]), { code: "ECONNRESET" })],
    ["nothing", undefined],
  ];
  for (const [what, e, timedOut] of maybeSent) it(`maybe_sent: ${what}`, () => assert.equal(connectionFate(e, timedOut), "maybe_sent"));

  it("names the failure by its own code, else its cause's, else its first inner error's", () => {
    assert.equal(failureCode(err("ECONNRESET", "read", { cause: err("EPIPE") })), "ECONNRESET");
    assert.equal(failureCode(new TypeError("fetch failed", { cause: err("ECONNRESET") })), "ECONNRESET");
    assert.equal(failureCode(new AggregateError([err("ECONNREFUSED"), err("ETIMEDOUT")])), "ECONNREFUSED");
    assert.equal(failureCode(new Error("plain")), "");
    assert.equal(failureCode(Object.assign(new Error("numeric"), { code: 42 })), "");
    assert.equal(failureCode(undefined), "");
    assert.equal(failureCode(new AggregateError([])), "");
  });
});
