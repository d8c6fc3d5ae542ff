/** The Cloudflare v4 envelope and the error the handlers throw to answer with one. */

export const envelope = (result: unknown, resultInfo?: unknown) => ({
  success: true,
  errors: [],
  messages: [],
  result,
  ...(resultInfo === undefined ? {} : { result_info: resultInfo }),
});

export const failure = (code: number, message: string) => ({ success: false, errors: [{ code, message }], messages: [], result: null });

/** An API error: thrown anywhere in a handler, answered as a failure envelope with this status. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A handler's answer, before any HTTP: the adapter writes it (or drops the connection when told to). */
export interface ApiResponse {
  status: number;
  /** Absent for 304. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Process, record, then lose the answer (the lost_answer scenario). */
  dropAfter?: boolean;
  /** Refused by the rate limiter (for the request log). */
  rateLimited?: boolean;
}

export const answer = (status: number, body: unknown, headers?: Record<string, string>): ApiResponse => ({ status, body, headers });
export const fail = (err: SimError): ApiResponse => answer(err.status, failure(err.code, err.message));
