/**
 * Which transport failures prove that a request never left this machine. The registration POST is
 * billable, so only a failure that provably happened before a byte of it could reach the server may be
 * followed by a second POST; every other failure is "maybe sent" (look, never re-POST).
 *
 * What undici 7 throws, and when (lib/dispatcher/client.js `connect`, lib/core/connect.js): undici writes
 * a request only after the socket's `connect` event. Everything before that event fails with Node's own
 * errors, which carry the phase in `syscall`:
 * - DNS (`syscall: "getaddrinfo"`): ENOTFOUND, EAI_AGAIN, EAI_FAIL, ...;
 * - connect(2) (`syscall: "connect"`): ECONNREFUSED (the peer answered our SYN with a reset), a reset
 *   that arrived before the connection completed (ECONNRESET), EHOSTUNREACH, ENETUNREACH, ETIMEDOUT;
 * - undici's ConnectTimeoutError (UND_ERR_CONNECT_TIMEOUT);
 * - with several addresses (Node's autoSelectFamily), one AggregateError of per-address connect errors.
 * After `connect`, a reset, a close or an error (ECONNRESET or EPIPE from `read`/`write`, UND_ERR_SOCKET
 * "other side closed", a parser error, our own timeout's abort) cannot tell whether the server read the
 * request: its bytes may sit in the server's socket buffer, be read and be acted on. A reused keep-alive
 * socket the server had closed fails the same way. All of those are "maybe sent".
 */

/** `never_left`: provably not sent, safe to send again. `maybe_sent`: the server may have acted on it. */
export type ConnectionFate = "never_left" | "maybe_sent";

interface ErrorLike {
  code?: unknown;
  syscall?: unknown;
  errors?: unknown;
  cause?: unknown;
}

/**
 * Codes that only the connect phase produces: name resolution failed (the address was never known),
 * the peer refused the SYN, or undici gave up connecting.
 */
const CONNECT_PHASE_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "ECONNREFUSED", "UND_ERR_CONNECT_TIMEOUT"]);

function provablyUnsent(err: ErrorLike): boolean {
  // Node tags every failure of connect(2) and of the lookup before it with the syscall.
  return CONNECT_PHASE_CODES.has(err.code as string) || err.syscall === "connect" || err.syscall === "getaddrinfo";
}

/** Whether a transport failure (as thrown by undici, or its `cause`) proves the request never left. */
export function connectionFate(err: unknown, timedOut = false): ConnectionFate {
  // Our own timeout aborts whatever phase the request was in, so it proves nothing.
  if (timedOut) return "maybe_sent";
  // Object() lets anything thrown (undefined, a string) be read as an error without a code.
  const e = Object(err) as ErrorLike;
  if (Array.isArray(e.errors) && e.errors.length > 0) {
    return e.errors.every((inner) => connectionFate(inner) === "never_left") ? "never_left" : "maybe_sent";
  }
  if (provablyUnsent(e)) return "never_left";
  return provablyUnsent(Object(e.cause) as ErrorLike) ? "never_left" : "maybe_sent";
}

/** The code to show for a failure: its own, else its cause's, else the first inner error's. */
export function failureCode(err: unknown): string {
  const e = (err ?? {}) as ErrorLike;
  const code = e.code ?? (e.cause as ErrorLike | undefined)?.code ?? (Array.isArray(e.errors) ? (e.errors[0] as ErrorLike | undefined)?.code : undefined);
  return typeof code === "string" ? code : "";
}
