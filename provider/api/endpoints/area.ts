/**
 * What every group of endpoints shares: the one transport (so one rate budget and one connection pool per
 * client), the account's registrar path, and the workflow answer that writes and status reads return.
 */
import * as schema from "../schemas";
import type { Answer, Request, Transport } from "../transport";

/** A write's answer: 201/200 with a finished workflow, or 202 with one to poll. */
export interface WorkflowAnswer {
  httpStatus: number;
  workflow: schema.WorkflowStatus;
}

/** Where the client's requests go: the account (the option, else the environment) and production or sandbox. */
export interface RegistrarScope {
  accountId(explicit?: string): string;
  /** The Registrar Sandbox: the same API under /registrar-sandbox, with no billing. */
  readonly sandbox: boolean;
}

export abstract class ApiArea {
  constructor(
    private readonly transport: Transport,
    private readonly scope: RegistrarScope,
  ) {}

  /** Whether a request may be sent again is the request's own `idempotent`; the transport keeps that rule. */
  protected send(req: Request): Promise<Answer> {
    return this.transport.send(req);
  }

  protected registrar(accountId: string | undefined, rest: string): string {
    return `/accounts/${encodeURIComponent(this.scope.accountId(accountId))}/${this.scope.sandbox ? "registrar-sandbox" : "registrar"}${rest}`;
  }

  protected registrationPath(domain: string, accountId?: string, suffix = ""): string {
    return this.registrar(accountId, `/registrations/${encodeURIComponent(domain)}${suffix}`);
  }

  protected parseWorkflow(answer: Answer, endpoint: string): schema.WorkflowStatus {
    return schema.parseResponse(schema.workflowStatus, answer.body.result, endpoint);
  }
}
