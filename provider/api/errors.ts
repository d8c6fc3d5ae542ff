/**
 * Error classes, one per meaning, so callers branch on `instanceof` rather than on message text.
 * Messages never contain credentials: they are built only from the method, the path (which holds the
 * account id and domain, neither secret), the status and Cloudflare's own error list.
 */

export interface CloudflareMessage {
  code: number;
  message: string;
  documentation_url?: string;
}

export interface RequestInfo {
  method: string;
  /** Path relative to the API base, e.g. `/accounts/<id>/registrar/registrations`. */
  path: string;
  /** The domain the request concerns, when there is one. */
  domain?: string;
  /** The cf-ray id of Cloudflare's answer, when it gave one. */
  ray?: string;
}

export class RegistrarError extends Error {
  override name = "RegistrarError";
}

/** A setting the client needs (credential, account id) was not given anywhere it looks. */
export class CredentialsError extends RegistrarError {
  override name = "CredentialsError";
}

function describe(info: RequestInfo): string {
  const about = [info.domain ? `domain ${info.domain}` : "", info.ray ? `cf-ray ${info.ray}` : ""].filter(Boolean).join(", ");
  return `${info.method} ${info.path}${about ? ` (${about})` : ""}`;
}

function formatErrors(errors: readonly CloudflareMessage[]): string {
  if (errors.length === 0) return "no error detail in the response";
  return errors.map((e) => `[${e.code}] ${e.message}`).join("; ");
}

/** The API answered, and the answer was an error (non-2xx, or `success: false`). */
export class ApiError extends RegistrarError {
  override name = "ApiError";
  readonly status: number;
  readonly errors: readonly CloudflareMessage[];
  readonly request: RequestInfo;
  /** What the user can do about it. */
  readonly nextStep: string;

  constructor(status: number, errors: readonly CloudflareMessage[], request: RequestInfo, nextStep: string) {
    super(`${describe(request)} failed with HTTP ${status}: ${formatErrors(errors)}. ${nextStep}`);
    this.status = status;
    this.errors = errors;
    this.request = request;
    this.nextStep = nextStep;
  }

  /** Cloudflare's error codes, in order. */
  get codes(): number[] {
    return this.errors.map((e) => e.code);
  }
}

export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
export class ValidationError extends ApiError {
  override name = "ValidationError";
}
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  /** How long the server asked us to wait, when it said. */
  retryAfterMs?: number;
}
export class ServerError extends ApiError {
  override name = "ServerError";
}

const NEXT_STEP: Record<string, string> = {
  auth: "Check the API token (cloudflare-registrar:apiToken or CLOUDFLARE_API_TOKEN): it may be mistyped, expired or revoked.",
  permission: "Give the API token the 'Registrar: Domains Edit' (or Read) permission on this account, and check the account id.",
  notFound: "Check the account id and the domain name.",
  conflict: "The domain's state changed under this request; run `pulumi refresh` and look at the registration before retrying.",
  validation: "Fix the request as the error says; nothing was changed.",
  rateLimited: "Cloudflare is rate limiting this token; wait a minute and retry.",
  server: "Cloudflare had an internal error; retry later, and check https://www.cloudflarestatus.com if it persists.",
  other: "See Cloudflare's message above.",
};

/** Build the error class that matches an HTTP status. */
export function apiErrorFor(status: number, errors: readonly CloudflareMessage[], request: RequestInfo): ApiError {
  if (status === 401) return new AuthenticationError(status, errors, request, NEXT_STEP.auth);
  if (status === 403) return new PermissionDeniedError(status, errors, request, NEXT_STEP.permission);
  if (status === 404) return new NotFoundError(status, errors, request, NEXT_STEP.notFound);
  if (status === 409) return new ConflictError(status, errors, request, NEXT_STEP.conflict);
  if (status === 400 || status === 422) return new ValidationError(status, errors, request, NEXT_STEP.validation);
  if (status === 429) return new RateLimitError(status, errors, request, NEXT_STEP.rateLimited);
  if (status >= 500) return new ServerError(status, errors, request, NEXT_STEP.server);
  return new ApiError(status, errors, request, NEXT_STEP.other);
}

/** No usable answer: the connection failed, or the request timed out. */
export class NetworkError extends RegistrarError {
  override name = "NetworkError";
  readonly request: RequestInfo;
  readonly detail: string;
  readonly timedOut: boolean;
  /** The request never reached the server (connection refused), so it was certainly not processed. */
  readonly notSent: boolean;
  constructor(request: RequestInfo, detail: string, timedOut: boolean, notSent: boolean, options?: { cause?: unknown }) {
    super(
      `${describe(request)} ${timedOut ? "timed out" : "failed to connect or lost its connection"}: ${detail}. ` +
        "Check network access to the Cloudflare API, or the endpoint set by config cloudflare-registrar:baseUrl or env CLOUDFLARE_BASE_URL, and retry.",
      options,
    );
    this.request = request;
    this.detail = detail;
    this.timedOut = timedOut;
    this.notSent = notSent;
  }
}

/** The API answered 2xx, but the body does not have the shape the reference promises. */
export class ResponseShapeError extends RegistrarError {
  override name = "ResponseShapeError";
  readonly endpoint: string;
  readonly field: string;
  constructor(endpoint: string, field: string, problem: string) {
    super(
      `Unexpected response from ${endpoint}: field '${field}' ${problem}. ` + "The API may have changed; please report this with the request it came from.",
    );
    this.endpoint = endpoint;
    this.field = field;
  }
}

/**
 * A registration POST was sent but no trustworthy answer came back (connection lost after sending,
 * timeout, 5xx). The registration may or may not exist: look (Get Registration, registration-status)
 * before doing anything else, and never POST again blindly.
 */
export class OutcomeUnknownError extends RegistrarError {
  override name = "OutcomeUnknownError";
  readonly request: RequestInfo;
  constructor(request: RequestInfo, detail: string, options?: { cause?: unknown }) {
    super(
      `${describe(request)}: the request was sent but its outcome is unknown (${detail}). ` +
        "It may have been recorded: look at the registration before retrying; do not register again blindly.",
      options,
    );
    this.request = request;
  }
}
