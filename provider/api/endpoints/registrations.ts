/** The account's registrations: buying one, listing and reading them, and the one edit the API allows. */
import * as schema from "../schemas";
import { ApiError } from "../errors";
import { ApiArea, WorkflowAnswer } from "./area";

export interface RegistrantContact {
  email: string;
  phone: string;
  fax?: string;
  postal_info: {
    name: string;
    organization?: string;
    address: { street: string; city: string; state: string; postal_code: string; country_code: string };
  };
}

export interface CreateRegistrationBody {
  domain_name: string;
  auto_renew?: boolean;
  years?: number;
  privacy_mode?: "redaction" | "off";
  contacts?: { registrant?: RegistrantContact; administrator?: RegistrantContact; billing?: RegistrantContact; technical?: RegistrantContact };
  contact_extensions?: Record<string, unknown>;
  acknowledgements?: Record<string, unknown>;
}

export interface ListParams {
  perPage?: number;
  sortBy?: "registry_created_at" | "registry_expires_at" | "name";
  direction?: "asc" | "desc";
}

export class RegistrationsApi extends ApiArea {
  async createRegistration(body: CreateRegistrationBody, options: { respondAsync?: boolean; accountId?: string } = {}): Promise<WorkflowAnswer> {
    const answer = await this.send({
      endpoint: "create registration",
      method: "POST",
      path: this.registrar(options.accountId, "/registrations"),
      body,
      headers: options.respondAsync ? { prefer: "respond-async" } : undefined,
      // Billable: the transport sends it again only if it provably never left.
      idempotent: false,
      domain: body.domain_name,
    });
    return { httpStatus: answer.status, workflow: this.parseWorkflow(answer, "create registration") };
  }

  async listRegistrationsPage(
    params: ListParams & { cursor?: string } = {},
    accountId?: string,
  ): Promise<{ registrations: schema.Registration[]; cursor: string }> {
    const answer = await this.send({
      endpoint: "list registrations",
      method: "GET",
      path: this.registrar(accountId, "/registrations"),
      query: {
        cursor: params.cursor || undefined,
        per_page: params.perPage === undefined ? undefined : String(params.perPage),
        sort_by: params.sortBy,
        direction: params.direction,
      },
      idempotent: true,
    });
    const registrations = schema.parseResponse(schema.registrationList, answer.body.result, "list registrations");
    const info = schema.parseResponse(schema.cursorInfo, answer.body.result_info ?? {}, "list registrations", "result_info");
    return { registrations, cursor: info.cursor };
  }

  /** An empty page, or a cursor seen before, ends the listing: a misbehaving cursor must not loop forever. */
  async *listRegistrations(params: ListParams = {}, accountId?: string): AsyncGenerator<schema.Registration> {
    const seen = new Set<string>();
    let cursor = "";
    do {
      seen.add(cursor);
      const page = await this.listRegistrationsPage({ ...params, cursor }, accountId);
      yield* page.registrations;
      if (page.registrations.length === 0 || seen.has(page.cursor)) return;
      cursor = page.cursor;
    } while (cursor);
  }

  async getRegistration(domain: string, accountId?: string): Promise<schema.Registration> {
    const answer = await this.send({
      endpoint: "get registration",
      method: "GET",
      path: this.registrationPath(domain, accountId),
      idempotent: true,
      domain,
    });
    return schema.parseResponse(schema.registration, answer.body.result, "get registration");
  }

  async findRegistration(domain: string, accountId?: string): Promise<schema.Registration | undefined> {
    try {
      return await this.getRegistration(domain, accountId);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  async updateRegistration(
    domain: string,
    changes: { auto_renew: boolean },
    options: { respondAsync?: boolean; accountId?: string } = {},
  ): Promise<WorkflowAnswer> {
    const answer = await this.send({
      endpoint: "update registration",
      method: "PATCH",
      path: this.registrationPath(domain, options.accountId),
      body: changes,
      headers: options.respondAsync ? { prefer: "respond-async" } : undefined,
      // Setting auto_renew to a value is idempotent: sending it twice ends in the same state.
      idempotent: true,
      domain,
    });
    return { httpStatus: answer.status, workflow: this.parseWorkflow(answer, "update registration") };
  }
}
